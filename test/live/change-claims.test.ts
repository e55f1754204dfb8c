import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeClaims } from '../../src/live/change-claims.js';
import { createLogger } from '../../src/log.js';
import { connectSharedRedis, type SharedRedis } from '../../src/redis/connection.js';
import { SettingsStore } from '../../src/settings/store.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';

const log = createLogger({ level: 'silent' });

async function connected(url: string): Promise<SharedRedis> {
  const client = connectSharedRedis(url, log);
  if (!client.isReady) await once(client, 'ready');
  return client;
}

describe('ChangeClaims', () => {
  let redis: PrivateRedis | undefined;
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
    await redis?.stop();
    redis = undefined;
  });

  it('lets exactly one of two processes win a claim made at the same instant (Redis SET NX)', async () => {
    redis = await startPrivateRedis();
    const processes = await Promise.all(
      [0, 1].map(async () => {
        const client = await connected(redis!.url);
        const settings = await SettingsStore.memory(log);
        closing.push(
          () => client.close(),
          () => settings.close(),
        );
        return new ChangeClaims(settings, client, log);
      }),
    );
    const wins = await Promise.all(
      Array.from({ length: 10 }, (_, i) => processes[i % 2]!.claim('remind:sent:switch-1:member-1')),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await processes[0]!.claim('remind:sent:switch-1:member-2')).toBe(true);
  });

  it('without Redis, shares claims through the settings store every process reads', async () => {
    redis = await startPrivateRedis();
    const [first, second] = await Promise.all([SettingsStore.open(redis.url, log), SettingsStore.open(redis.url, log)]);
    closing.push(
      () => first.close(),
      () => second.close(),
    );
    expect(await new ChangeClaims(first, undefined, log).claim('remind:sent:a:b')).toBe(true);
    expect(await new ChangeClaims(second, undefined, log).claim('remind:sent:a:b')).toBe(false);
  });

  it('falls back to the settings store while Redis is away, and a claim there expires with its TTL', async () => {
    redis = await startPrivateRedis();
    const client = await connected(redis.url);
    const settings = await SettingsStore.memory(log);
    closing.push(
      () => Promise.resolve(client.destroy()),
      () => settings.close(),
    );
    await redis.kill();
    const claims = new ChangeClaims(settings, client, log, 50);
    expect(await claims.claim('remind:sent:c:d')).toBe(true);
    expect(await claims.claim('remind:sent:c:d')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await claims.claim('remind:sent:c:d')).toBe(true);
  });
});
