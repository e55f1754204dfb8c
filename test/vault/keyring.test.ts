import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { Keyring, keyIdOf, VaultConfigError } from '../../src/vault/index.js';

describe('Keyring', () => {
  it('names a key by the first 8 hex characters of its SHA-256', () => {
    // sha256 of 32 zero bytes = 66687aadf862bd77…
    expect(keyIdOf(Buffer.alloc(32))).toBe('66687aad');
    expect(new Keyring(Buffer.alloc(32)).current.id).toBe('66687aad');
  });

  it('opens with the current key and every previous key, current first, without duplicates', () => {
    const [current, old1, old2] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const keyring = new Keyring(current, [old1, current, old2]);
    expect(keyring.ids).toEqual([keyIdOf(current), keyIdOf(old1), keyIdOf(old2)]);
    expect(keyring.isCurrent(keyIdOf(current))).toBe(true);
    expect(keyring.isCurrent(keyIdOf(old1))).toBe(false);
    expect(keyring.find(keyIdOf(old2))?.id).toBe(keyIdOf(old2));
    expect(keyring.find('00000000')).toBeUndefined();
  });

  it('refuses a missing current key with an error naming TOKEN_ENCRYPTION_KEY', () => {
    const attempt = () => Keyring.fromConfig({ current: undefined, previous: [] });
    expect(attempt).toThrow(VaultConfigError);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TOKEN_ENCRYPTION_KEY: required/);
  });

  it('refuses a key of the wrong length, naming the variable and entry but never the key', () => {
    const short = randomBytes(16);
    const error = captureError(() => new Keyring(randomBytes(32), [randomBytes(32), short]));
    expect(error).toBeInstanceOf(VaultConfigError);
    expect((error as VaultConfigError).variable).toBe('TOKEN_ENCRYPTION_KEYS_PREVIOUS');
    expect((error as Error).message).toMatch(/TOKEN_ENCRYPTION_KEYS_PREVIOUS: must be 32 bytes .*entry 2/);
    expect((error as Error).message).not.toContain(short.toString('base64'));
    expect(() => new Keyring(randomBytes(31))).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
  });

  it('does not reveal key material when printed or serialised', () => {
    const key = randomBytes(32);
    const keyring = new Keyring(key);
    const shown = `${inspect(keyring, { depth: 5, showHidden: true })} ${JSON.stringify(keyring)}`;
    expect(shown).not.toContain(key.toString('base64'));
    expect(shown).not.toContain(key.toString('hex'));
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
