/**
 * What a process publishes when it invalidates: the system's short id and uuid, never a token or its hash,
 * once per invalidation (hearing its own message does not make it publish again).
 */
import { createClient } from '@redis/client';
import { describe, expect, it } from 'vitest';
import { PluralKitClient, tokenHash } from '../../src/pluralkit/index.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { InvalidationChannel } from '../../src/redis/invalidation-bus.js';
import { sharePluralKitCache } from '../../src/redis/pluralkit-sharing.js';
import { captureLog } from '../vault/capture-log.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { onCleanup, setup } from './helpers.js';

async function listen(url: string): Promise<string[]> {
  const messages: string[] = [];
  const listener = createClient({ url });
  await listener.connect();
  await listener.subscribe(InvalidationChannel, (message) => messages.push(message));
  onCleanup(() => Promise.resolve(listener.destroy()));
  return messages;
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('invalidation messages between processes', () => {
  it('name the system by id and uuid, carry no token or token hash, and are sent once each', async () => {
    const redisServer = await startPrivateRedis();
    onCleanup(() => redisServer.stop());
    const { pk } = await setup();
    const { log } = captureLog();
    const redis = connectSharedRedis(redisServer.url, log);
    const sharing = sharePluralKitCache(redis, log);
    onCleanup(async () => {
      await sharing.close();
      redis.destroy();
    });
    const shared = new PluralKitClient({ baseUrl: pk.url, ratePerSecond: 100 }, { shared: sharing.shared });
    onCleanup(() => shared.close());
    const messages = await listen(redisServer.url);
    const own = pk.sample.own;

    await shared.getOwnSystem(own.token);
    await shared.createSwitch('@me', { members: [own.memberIds[1]!] }, { token: own.token });
    await until(() => messages.length >= 1);
    shared.invalidateSystem(own.systemId);
    await until(() => messages.length >= 2);

    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).not.toContain(own.token);
      expect(message).not.toContain(tokenHash(own.token));
      const systems = (JSON.parse(message) as { systems: string[] }).systems;
      expect(new Set(systems)).toEqual(new Set([own.systemId, own.systemUuid]));
    }
  });
});
