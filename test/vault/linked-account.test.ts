import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeAccount, encodeAccount, LinkedAccount } from '../../src/vault/index.js';
import { captureLog } from './capture-log.js';

const token = 'Zm9vYmFyLXRoaXMtaXMtYS1mYWtlLXRva2VuLXRoYXQtc2hvdWxkLW5ldmVyLWxlYWs';

describe('LinkedAccount', () => {
  const account = new LinkedAccount(
    token,
    'abcde',
    '11111111-1111-4111-8111-111111111111',
    'The Alphas',
    new Date('2026-01-02T03:04:05Z'),
  );

  it('hands the token to code that asks for it', () => {
    expect(account.token).toBe(token);
    expect({ ...account }.token).toBe(token);
  });

  it('prints, serialises and logs without the token', () => {
    const { log, lines } = captureLog();
    log.info({ account }, 'an account was logged by mistake');
    for (const shown of [JSON.stringify(account), inspect(account), String(lines.join(''))]) {
      expect(shown).not.toContain(token);
      expect(shown).toContain('abcde');
    }
  });

  it('round-trips through the sealed payload and rejects anything else', () => {
    const system = { id: 'abcde', uuid: account.systemUuid, name: null };
    const decoded = decodeAccount(encodeAccount(token, system, account.linkedAt));
    expect(decoded).toMatchObject({ token, systemId: 'abcde', systemName: null, linkedAt: account.linkedAt });
    expect(decodeAccount('not json')).toBeUndefined();
    expect(decodeAccount(JSON.stringify({ token: '', systemId: 'a' }))).toBeUndefined();
  });
});
