import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type KeyvRedis from '@keyv/redis';
import { describe, expect, it } from 'vitest';
import { closeStore, createStore, Keyring, TokenVault, VaultUnavailableError } from '../../src/vault/index.js';
import { captureLog } from './capture-log.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('Redis store when the connection drops', () => {
  it('fails operations with VaultUnavailableError or answers, never crashes, and recovers', async () => {
    const namespace = `pk-companion:tokens:test-${randomUUID().slice(0, 8)}`;
    const store = await createStore(redisUrl!, { namespace, onError: () => undefined });
    const admin = await createStore(redisUrl!, { namespace, onError: () => undefined });
    const { log } = captureLog();
    const vault = await TokenVault.open({ keyring: new Keyring(randomBytes(32)), store, log });
    const user = '600000000000000001';
    try {
      await vault.link(user, 'token-before-the-drop', { id: 'abcde', uuid: 'u', name: null });
      const client = await (store.store as KeyvRedis<unknown>).getClient();
      const id = await (client as unknown as { clientId(): Promise<number> }).clientId();
      const adminClient = (await (admin.store as KeyvRedis<unknown>).getClient()) as unknown as {
        sendCommand(args: string[]): Promise<unknown>;
      };
      expect(await adminClient.sendCommand(['CLIENT', 'KILL', 'ID', String(id)])).toBe(1);

      let recovered = false;
      for (let attempt = 0; attempt < 100 && !recovered; attempt += 1) {
        try {
          recovered = (await vault.get(user))?.token === 'token-before-the-drop';
        } catch (error) {
          expect(error).toBeInstanceOf(VaultUnavailableError);
          await sleep(50);
        }
      }
      expect(recovered).toBe(true);
    } finally {
      await vault.close();
      await store.clear();
      await closeStore(store);
      await closeStore(admin);
    }
  });
});
