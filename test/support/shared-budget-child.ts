/**
 * One bot process of a shared-budget run (the multi-process test and bench section 6): a real PluralKit
 * client on the Redis rate model, reading `MEMBER_IDS` (shared-bucket reads: no token) from the stand-in at
 * `PK_URL`. It prints `READY` once connected, reads all at once when the key `<RATE_PREFIX>start` appears
 * in Redis (so every process starts together however long each took to load), prints one `RESULT {json}`
 * line, then exits.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/log.js';
import { PluralKitClient, RedisRateModel } from '../../src/pluralkit/index.js';
import { connectSharedRedis } from '../../src/redis/connection.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const log = createLogger({ level: 'warn' });
const redis = connectSharedRedis(env('RATE_REDIS_URL'), log, { maxReconnectDelayMs: 100 });
for (let waited = 0; !redis.isReady && waited < 5_000; waited += 10) await sleep(10);
const rateModel = new RedisRateModel({
  redis,
  settings: { ratePerSecond: 2, followRateHeaders: true },
  processes: Number(env('PROCESSES')),
  log,
  prefix: env('RATE_PREFIX'),
});
const client = new PluralKitClient(
  { baseUrl: env('PK_URL'), userAgent: env('AGENT'), cacheTtlMs: 0, maxRetries: 5 },
  { rateModel },
);
const ids = env('MEMBER_IDS').split(',');
console.log('READY');
while ((await redis.get(`${env('RATE_PREFIX')}start`).catch(() => null)) === null) await sleep(5);
const started = performance.now();
const settled = await Promise.allSettled(ids.map((id) => client.getMember(id)));
const result = {
  ok: settled.filter((outcome) => outcome.status === 'fulfilled').length,
  failed: settled.filter((outcome) => outcome.status === 'rejected').length,
  ms: Math.round(performance.now() - started),
  retries429: client.stats.retries429,
};
console.log(`RESULT ${JSON.stringify(result)}`);
await client.close();
redis.destroy();
process.exit(0);
