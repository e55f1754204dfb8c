import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, openSealed, seal, SealError, type SealedRecord } from '../../src/vault/index.js';

const keyring = new Keyring(randomBytes(32));
const userA = '111111111111111111';
const userB = '222222222222222222';
const secret = randomBytes(48).toString('base64');

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SealError) return error.reason;
    throw error;
  }
  return 'opened';
}

/** Flips one bit of a base64 field. */
function flip(field: string): string {
  const bytes = Buffer.from(field, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('seal / openSealed', () => {
  it('round-trips under the current key and stores no plaintext', () => {
    const record = seal(keyring.current, secret, userA);
    expect(record).toMatchObject({ v: 1, kid: keyring.current.id });
    expect(Buffer.from(record.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(record.tag, 'base64')).toHaveLength(16);
    expect(JSON.stringify(record)).not.toContain(secret);
    expect(openSealed(keyring, record, userA)).toBe(secret);
  });

  it('does not open with other associated data (a record moved to another user)', () => {
    const record = seal(keyring.current, secret, userA);
    expect(reasonOf(() => openSealed(keyring, record, userB))).toBe('tampered');
  });

  it('uses a fresh IV for every seal, so equal tokens never look equal', () => {
    const records = Array.from({ length: 1000 }, () => seal(keyring.current, secret, userA));
    expect(new Set(records.map((record) => record.iv)).size).toBe(1000);
    expect(new Set(records.map((record) => record.data)).size).toBe(1000);
  });

  it('detects a changed ciphertext, tag or IV', () => {
    const record = seal(keyring.current, secret, userA);
    for (const field of ['data', 'tag', 'iv'] as const) {
      const tampered: SealedRecord = { ...record, [field]: flip(record[field]) };
      expect(
        reasonOf(() => openSealed(keyring, tampered, userA)),
        field,
      ).toBe('tampered');
    }
  });

  it('opens records of a previous key and names an unknown key', () => {
    const oldKey = randomBytes(32);
    const record = seal(new Keyring(oldKey).current, secret, userA);
    expect(reasonOf(() => openSealed(keyring, record, userA))).toBe('unknown-key');
    const rotated = new Keyring(randomBytes(32), [randomBytes(32), oldKey]);
    expect(openSealed(rotated, record, userA)).toBe(secret);
  });

  it('calls anything that is not a sealed record malformed', () => {
    const record = seal(keyring.current, secret, userA);
    for (const bad of [
      undefined,
      'text',
      { ...record, v: 2 },
      { ...record, iv: undefined },
      { ...record, iv: 'AAAA' },
      { ...record, data: '%%' },
    ]) {
      expect(reasonOf(() => openSealed(keyring, bad, userA))).toBe('malformed');
    }
  });
});
