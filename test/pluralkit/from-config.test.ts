/** The bot's PluralKit client from its configuration: with REDIS_URL its budgets live in Redis, else in memory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { pluralKitClientFromConfig } from '../../src/pluralkit/from-config.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { captureLog } from '../vault/capture-log.js';

let redis: PrivateRedis;
let pk: PluralKitStandIn;

beforeAll(async () => {
  redis = await startPrivateRedis();
  pk = await startPluralKitStandIn();
});
afterAll(async () => {
  await pk.close();
  await redis.stop();
});

describe('pluralKitClientFromConfig', () => {
  it('keeps the budgets in the shared Redis when REDIS_URL is set, so another process sees them spent', async () => {
    const config = loadConfig({ PLURALKIT_API_URL: pk.url, REDIS_URL: redis.url, PROCESSES: '2' });
    const { log } = captureLog();
    const connection = connectSharedRedis(redis.url, log);
    while (!connection.isReady) await sleep(5);
    const client = pluralKitClientFromConfig(config, log, connection);
    try {
      await client.getSystem(pk.sample.other.systemId);
      const keys = (await redis.command('KEYS pk-companion:rate:*')).split('\r\n').filter((line) => line.includes(':'));
      expect(keys.some((key) => key.endsWith('limit:shared:read'))).toBe(true);
      expect(keys.some((key) => key.endsWith('rate:shared:read'))).toBe(true);
      expect(client.rateLimitState.budgets).toBe(0);
    } finally {
      await client.close();
      connection.destroy();
    }
  });

  it('keeps them in this process without REDIS_URL', async () => {
    const client = pluralKitClientFromConfig(loadConfig({ PLURALKIT_API_URL: pk.url }), captureLog().log);
    try {
      await client.getSystem(pk.sample.other.systemId);
      expect(client.rateLimitState.budgets).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });
});
