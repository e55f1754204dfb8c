import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { closeStore, createStore, Keyring, TokenVault } from '../../src/vault/index.js';
import type { PooledKeyvPostgres } from '../../src/vault/postgres-store.js';
import { captureLog } from './capture-log.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('Postgres store when the server drops a connection', () => {
  it('reports the dropped idle connection instead of crashing, and keeps serving', async () => {
    const tag = `pkv-${randomUUID().slice(0, 8)}`;
    const namespace = `pk-companion:tokens:test-${tag}`;
    const separator = databaseUrl!.includes('?') ? '&' : '?';
    const { log, entries } = captureLog();
    const vault = await TokenVault.open({
      keyring: new Keyring(randomBytes(32)),
      storeUrl: `${databaseUrl}${separator}application_name=${tag}`,
      storeOptions: { namespace },
      log,
    });
    const admin = await createStore(databaseUrl!, { namespace });
    try {
      await vault.link('500000000000000001', 'token-before-the-drop', { id: 'abcde', uuid: 'u', name: null });
      // What a Postgres restart or failover does to an idle pooled connection.
      const adapter = admin.store as PooledKeyvPostgres;
      const killed = await adapter.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [tag],
      );
      expect(killed.length).toBeGreaterThan(0);
      for (let waited = 0; waited < 50 && !entries().some((entry) => entry.msg === 'token store error'); waited += 1)
        await sleep(20);

      expect(entries()).toContainEqual(expect.objectContaining({ msg: 'token store error', level: 50 }));
      expect((await vault.get('500000000000000001'))?.token).toBe('token-before-the-drop');
    } finally {
      await admin.clear();
      await closeStore(admin);
      await vault.close();
    }
  });
});
