import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeStore,
  createStore,
  Keyring,
  TokenVault,
  VaultConfigError,
  VaultUnavailableError,
  VaultUnavailableMessage,
} from '../../src/vault/index.js';
import { captureLog } from './capture-log.js';

const dir = mkdtempSync(join(tmpdir(), 'pk-vault-fail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyring = new Keyring(randomBytes(32));
const user = '400000000000000001';
const fast = { connectTimeoutMs: 300 };

async function openFailure(storeUrl: string): Promise<{ error: unknown; lines: string[] }> {
  const { log, lines } = captureLog();
  const error = await TokenVault.open({ keyring, storeUrl, storeOptions: fast, log }).then(
    async (vault) => {
      await vault.close();
      return undefined;
    },
    (reason: unknown) => reason,
  );
  return { error, lines };
}

describe('TokenVault when the store fails', () => {
  it('reports a Redis that refuses connections as VaultUnavailableError, with a message fit for users', async () => {
    const { error, lines } = await openFailure('redis://127.0.0.1:1');
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(error).toMatchObject({ operation: 'open', message: VaultUnavailableMessage });
    expect(lines.join('')).toContain('token store error');
  });

  it('reports a Postgres that refuses connections as VaultUnavailableError', async () => {
    const { error } = await openFailure('postgres://postgres@127.0.0.1:1/test');
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(error).toMatchObject({ operation: 'open' });
  });

  it('reports a SQLite file that cannot be opened as VaultUnavailableError', async () => {
    const { error, lines } = await openFailure(`sqlite://${dir}`);
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(lines.join('')).toContain('SQLITE_CANTOPEN');
  });

  it('reports a SQLite directory that cannot be created as VaultUnavailableError', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const { error } = await openFailure(`sqlite://${join(file, 'data', 'vault.sqlite')}`);
    expect(error).toBeInstanceOf(VaultUnavailableError);
  });

  it('turns a store that fails after start-up into VaultUnavailableError on every operation', async () => {
    // The vault reports the store's errors itself, so the store's own default reporter is silenced here.
    const store = await createStore(`sqlite://${join(dir, 'later.sqlite')}`, { onError: () => undefined });
    const { log, lines } = captureLog();
    const vault = await TokenVault.open({ keyring, store, log });
    await vault.link(user, 'a-token-that-is-long-enough-to-matter', { id: 'abcde', uuid: 'u', name: null });
    await closeStore(store);
    for (const operation of [
      vault.get(user),
      vault.has(user),
      vault.unlink(user),
      vault.link(user, 't', { id: 'a', uuid: 'u', name: null }),
    ]) {
      await expect(operation).rejects.toBeInstanceOf(VaultUnavailableError);
    }
    expect(lines.join('')).toContain('SQLITE_MISUSE');
    await vault.close();
  });

  it('refuses operations after close', async () => {
    const vault = await TokenVault.open({ keyring, storeUrl: 'memory:' });
    await vault.close();
    await vault.close();
    await expect(vault.get(user)).rejects.toMatchObject({ name: 'VaultUnavailableError', operation: 'get' });
  });

  it('names STORE_URL when its scheme is not supported', async () => {
    await expect(createStore('mysql://localhost/db')).rejects.toThrow(VaultConfigError);
    await expect(createStore('mysql://localhost/db')).rejects.toThrow(/STORE_URL: expected a sqlite:\/\//);
  });

  it('creates the SQLite directory and keeps tokens across reopening the file', async () => {
    const storeUrl = `sqlite://${join(dir, 'deep', 'er', 'vault.sqlite')}`;
    const first = await TokenVault.open({ keyring, storeUrl });
    await first.link(user, 'token-kept-on-disk', { id: 'abcde', uuid: 'u', name: 'S' });
    await first.close();
    const second = await TokenVault.open({ keyring, storeUrl });
    expect((await second.get(user))?.token).toBe('token-kept-on-disk');
    await second.close();
  });
});
