import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeStore,
  KeyCheckKey,
  Keyring,
  keyIdOf,
  recordKey,
  TokenVault,
  VaultConfigError,
  VaultUnavailableError,
  type SealedRecord,
  type TokenStore,
} from '../../src/vault/index.js';
import { captureLog } from './capture-log.js';
import { readRaw } from './raw-store.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';

/** Makes a store over the backend under test, in the given (unique) namespace. */
export type MakeStore = (namespace: string) => Promise<TokenStore>;

const alice = '300000000000000001';
const bob = '300000000000000002';
const systemA = { id: 'abcde', uuid: '11111111-1111-4111-8111-111111111111', name: 'The Alphas' };
const systemB = { id: 'fghij', uuid: '22222222-2222-4222-8222-222222222222', name: null };

/** A fresh token shaped like PluralKit's 64-character legacy tokens. */
function newToken(): string {
  const token = randomBytes(48).toString('base64');
  rememberSecret(token);
  return token;
}

/**
 * The behaviour every backend must show. Each test gets its own namespace (unique per run), cleared and closed
 * afterwards, so runs against a shared Redis or Postgres do not collide.
 */
export function describeVaultContract(
  name: string,
  makeStore: MakeStore,
  options: { skip?: boolean; singleConnection?: boolean } = {},
): void {
  describe.skipIf(options.skip === true)(`TokenVault contract: ${name}`, () => {
    const runId = randomUUID().slice(0, 8);
    let counter = 0;
    let namespace = '';
    let store: TokenStore;
    const keyA = randomBytes(32);
    const keyB = randomBytes(32);
    const open = (keyring: Keyring, log?: ReturnType<typeof captureLog>['log']) =>
      TokenVault.open({ keyring, store, log });

    beforeEach(async () => {
      counter += 1;
      namespace = `pk-companion:tokens:test-${runId}-${counter}`;
      store = await makeStore(namespace);
    });
    afterEach(async () => {
      await store.clear();
      await closeStore(store);
    });

    it('links, finds, and forgets a token at once', async () => {
      const vault = await open(new Keyring(keyA));
      const token = newToken();
      expect(await vault.get(alice)).toBeUndefined();
      expect(await vault.has(alice)).toBe(false);

      const before = Date.now();
      await vault.link(alice, token, systemA);
      const account = await vault.get(alice);
      expect(account).toMatchObject({
        token,
        systemId: systemA.id,
        systemUuid: systemA.uuid,
        systemName: systemA.name,
      });
      expect(account!.linkedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(account!.linkedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await vault.has(alice)).toBe(true);

      expect(await vault.unlink(alice)).toBe(true);
      expect(await vault.get(alice)).toBeUndefined();
      expect(await vault.has(alice)).toBe(false);
      expect(await vault.unlink(alice)).toBe(false);
      await vault.close();
    });

    it('replaces the earlier link when a user links again', async () => {
      const vault = await open(new Keyring(keyA));
      await vault.link(alice, newToken(), systemA);
      const second = newToken();
      await vault.link(alice, second, systemB);
      expect(await vault.get(alice)).toMatchObject({ token: second, systemId: systemB.id, systemName: null });
      await vault.close();
    });

    it('keeps two users apart', async () => {
      const vault = await open(new Keyring(keyA));
      const [tokenA, tokenB] = [newToken(), newToken()];
      await vault.link(alice, tokenA, systemA);
      await vault.link(bob, tokenB, systemB);
      expect((await vault.get(alice))?.token).toBe(tokenA);
      expect((await vault.get(bob))?.token).toBe(tokenB);
      await vault.unlink(alice);
      expect(await vault.get(alice)).toBeUndefined();
      expect((await vault.get(bob))?.token).toBe(tokenB);
      await vault.close();
    });

    it('does not open a record copied to another user, removes it, and logs no secret', async () => {
      const { log, lines, entries } = captureLog();
      const vault = await open(new Keyring(keyA), log);
      const token = newToken();
      await vault.link(alice, token, systemA);
      await store.set(recordKey(bob), await store.get(recordKey(alice)));

      expect(await vault.get(bob)).toBeUndefined();
      expect(await store.get(recordKey(bob))).toBeUndefined();
      expect((await vault.get(alice))?.token).toBe(token);
      expect(entries()).toContainEqual(expect.objectContaining({ user: bob, reason: 'tampered' }));
      expect(lines.join('')).not.toContain(token);
      await vault.close();
    });

    it('treats tampered ciphertext as absent and deletes it', async () => {
      const { log, lines, entries } = captureLog();
      const vault = await open(new Keyring(keyA), log);
      const token = newToken();
      await vault.link(alice, token, systemA);
      const record = (await store.get(recordKey(alice))) as SealedRecord;
      const data = Buffer.from(record.data, 'base64');
      data[5] = (data[5] ?? 0) ^ 0x20;
      await store.set(recordKey(alice), { ...record, data: data.toString('base64') });

      expect(await vault.has(alice)).toBe(false);
      expect(await store.get(recordKey(alice))).toBeUndefined();
      expect(await vault.get(alice)).toBeUndefined();
      expect(entries()).toContainEqual(expect.objectContaining({ level: 40, user: alice, reason: 'tampered' }));
      expect(lines.join('')).not.toContain(token);
      await vault.close();
    });

    it('keeps working across a key rotation and re-seals under the new key', async () => {
      const token = newToken();
      const first = await open(new Keyring(keyA));
      await first.link(alice, token, systemA);
      await first.close();

      const rotated = await open(new Keyring(keyB, [keyA]));
      expect(((await store.get(KeyCheckKey)) as SealedRecord).kid).toBe(keyIdOf(keyB));
      expect(((await store.get(recordKey(alice))) as SealedRecord).kid).toBe(keyIdOf(keyA));
      expect((await rotated.get(alice))?.token).toBe(token);
      expect(((await store.get(recordKey(alice))) as SealedRecord).kid).toBe(keyIdOf(keyB));
      await rotated.close();

      const newOnly = await open(new Keyring(keyB));
      expect(await newOnly.get(alice)).toMatchObject({ token, systemUuid: systemA.uuid });
      expect(await newOnly.has(alice)).toBe(true);
      await newOnly.close();
    });

    it('two processes mid-rotation on one store never delete a token the other sealed', async () => {
      const token = newToken();
      const oldLog = captureLog();
      const oldProcess = await open(new Keyring(keyA), oldLog.log);
      await oldProcess.link(alice, token, systemA);
      // A second connection to the same data, as a second process has (a memory store only exists once).
      const otherConnection = options.singleConnection === true ? store : await makeStore(namespace);
      const newProcess = await TokenVault.open({ keyring: new Keyring(keyB, [keyA]), store: otherConnection });
      expect((await newProcess.get(alice))?.token).toBe(token);
      expect(((await store.get(recordKey(alice))) as SealedRecord).kid).toBe(keyIdOf(keyB));

      // The old process lacks the new key: the user is asked to try again and the record stays.
      await expect(oldProcess.get(alice)).rejects.toBeInstanceOf(VaultUnavailableError);
      await expect(oldProcess.has(alice)).rejects.toThrow(/try again/);
      expect(await store.get(recordKey(alice))).toBeDefined();
      expect((await newProcess.get(alice))?.token).toBe(token);
      const warnings = oldLog.entries().filter((entry) => entry.keyId === keyIdOf(keyB));
      expect(warnings).toHaveLength(1);
      expect(oldLog.entries().filter((entry) => entry.reason === 'tampered')).toEqual([]);
      await newProcess.close();
      if (otherConnection !== store) await closeStore(otherConnection);
      await oldProcess.close();
    });

    it('refuses to start with a key that does not open the stored tokens', async () => {
      const token = newToken();
      const first = await open(new Keyring(keyA));
      await first.link(alice, token, systemA);
      await first.close();

      const wrongKey = randomBytes(32);
      const failure = open(new Keyring(wrongKey));
      await expect(failure).rejects.toBeInstanceOf(VaultConfigError);
      await expect(failure).rejects.toThrow(
        /TOKEN_ENCRYPTION_KEY: does not open the tokens already in the store.*TOKEN_ENCRYPTION_KEYS_PREVIOUS/,
      );
      const message = await failure.catch((error: Error) => error.message);
      for (const key of [keyA, wrongKey]) expect(message).not.toContain(key.toString('base64'));

      // Nothing was lost: the right key still opens the token.
      const again = await open(new Keyring(keyA));
      expect((await again.get(alice))?.token).toBe(token);
      await again.close();
    });

    it('stores no token or system details in plain text', async () => {
      const { log, lines } = captureLog();
      const vault = await open(new Keyring(keyA), log);
      const token = newToken();
      await vault.link(alice, token, systemA);
      await vault.get(alice);

      const raw = await readRaw(store, recordKey(alice));
      const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
      expect(text).toContain(keyIdOf(keyA));
      for (let start = 0; start + 12 <= token.length; start += 6)
        expect(text).not.toContain(token.slice(start, start + 12));
      expect(text).not.toContain(systemA.name);
      expect(text).not.toContain(systemA.uuid);
      expect(lines.join('')).not.toContain(token);
      await vault.close();
    });
  });
}
