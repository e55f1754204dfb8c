/** The shared rate model against a real Redis: two instances stand for two processes on one budget. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisRateModel } from '../../src/pluralkit/redis-rate-model.js';
import type { Turn } from '../../src/pluralkit/rate-model.js';
import { connectSharedRedis, type SharedRedis } from '../../src/redis/connection.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { captureLog } from '../vault/capture-log.js';

let redis: PrivateRedis;
const clients: SharedRedis[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await redis.stop();
});

const freshPrefix = (): string => `test-${Math.random().toString(36).slice(2)}:`;

/**
 * A model on `prefix`. `settled`: the Redis has been counting for a while (its epoch is long past), as in a
 * running deployment; otherwise it is new, and its buckets start spent.
 */
async function model(prefix = freshPrefix(), log = captureLog().log, settled = true): Promise<RedisRateModel> {
  const client = connectSharedRedis(redis.url, log, { maxReconnectDelayMs: 100 });
  clients.push(client);
  while (!client.isReady) await sleep(5);
  if (settled) await client.set(`${prefix}epoch`, '0', { NX: true });
  return new RedisRateModel({
    redis: client,
    settings: { ratePerSecond: 2, followRateHeaders: true },
    processes: 2,
    log,
    prefix,
  });
}

/** Two models on one Redis and one prefix. */
async function pair(): Promise<[RedisRateModel, RedisRateModel]> {
  const prefix = freshPrefix();
  return [await model(prefix), await model(prefix)];
}

/** Twelve sends asked for at once (Redis runs them back to back): those granted, and the shortest wait. */
async function burst(m: RedisRateModel, key: string): Promise<{ granted: Turn[]; waitMs: number }> {
  const reservations = await Promise.all(Array.from({ length: 12 }, () => m.reserve(key)));
  const granted = reservations.flatMap((reservation) => (reservation.turn === undefined ? [] : [reservation.turn]));
  const waits = reservations.flatMap((reservation) => (reservation.turn === undefined ? [reservation.waitMs] : []));
  return { granted, waitMs: Math.min(...waits) };
}

/** Teaches `m` PluralKit's 10 GETs a second on own buckets, from one answer on `key`. */
async function learnOwnLimit(m: RedisRateModel, key: string): Promise<void> {
  const reservation = await m.reserve(key);
  await m.answered(reservation.turn!, { key, headers: { limit: 10, remaining: 8, scope: 'own_system_get' } });
}

describe('RedisRateModel', () => {
  it('allows a burst of R − 1, then one send per interval, as PluralKit counts the bucket', async () => {
    const m = await model();
    await learnOwnLimit(m, 'own:a:read');
    const first = await burst(m, 'own:b:read');
    expect(first.granted).toHaveLength(9);
    expect(first.waitMs).toBeGreaterThan(0);
    expect(first.waitMs).toBeLessThanOrEqual(100);
    expect(m.rateOf('own:b:read')).toBe(10);
    expect(m.pacedWith('own:b:read')).toBe('own:b:read');
  });

  it('grants no burst from a Redis that is new (restarted empty): its buckets start spent and refill at the rate', async () => {
    const prefix = freshPrefix();
    const settled = await model(prefix);
    await learnOwnLimit(settled, 'own:a:read');
    await clients.at(-1)!.del(`${prefix}epoch`);
    const fresh = await model(prefix, captureLog().log, false);
    const first = await burst(fresh, 'own:b:read');
    // PluralKit's real bucket may have been spent meanwhile by processes keeping to their local share.
    expect(first.granted.length).toBeLessThanOrEqual(1);
    expect(first.waitMs).toBeGreaterThan(0);
    await sleep(1_000);
    expect((await burst(fresh, 'own:b:read')).granted.length).toBeGreaterThanOrEqual(8);
  });

  it('shares what one process learned: the limit, a low Remaining and a 429 hold every other process', async () => {
    const [a, b] = await pair();
    await learnOwnLimit(a, 'own:a:read');
    // b never saw a header, yet takes the burst PluralKit's limit allows, and the bucket a already spent.
    expect((await burst(b, 'own:c:read')).granted).toHaveLength(9);
    expect(b.rateOf('own:c:read')).toBe(10);
    expect((await a.reserve('own:c:read')).waitMs).toBeGreaterThan(0);

    const turn = (await a.reserve('own:g:read')).turn!;
    await a.answered(turn, { key: 'own:g:read', headers: { limit: 10, remaining: 1, scope: 'own_system_get' } });
    const afterRemaining = await b.reserve('own:g:read');
    expect(afterRemaining.waitMs).toBeGreaterThan(50);

    const own = (await a.reserve('own:d:read')).turn!;
    const pause = await a.onRateLimited(own, 500);
    expect(pause).toBeGreaterThanOrEqual(500);
    expect((await b.reserve('own:d:read')).waitMs).toBeGreaterThan(400);
  });

  it('keeps to its share while Redis is away, warns once, and shares again when Redis is back empty', async () => {
    const { log, entries } = captureLog();
    const prefix = freshPrefix();
    const m = await model(prefix, log);
    await learnOwnLimit(m, 'own:a:read');
    await redis.kill();
    const local = await burst(m, 'own:e:read');
    expect(m.away).toBe(true);
    // Its share is 10 / 2 a second, and the first send waits one interval: the shared bucket may be spent.
    expect(local.granted).toHaveLength(0);
    expect(local.waitMs).toBeGreaterThan(150);
    expect(m.rateOf('own:e:read')).toBe(5);
    await burst(m, 'shared:read');
    const warnings = () => entries().filter((entry) => String(entry.msg).includes('rate limits unreachable'));
    expect(warnings()).toHaveLength(1);

    await redis.restart();
    for (let attempt = 0; attempt < 100 && m.away; attempt += 1) {
      await m.reserve('own:f:read');
      await sleep(20);
    }
    expect(m.away).toBe(false);
    // For a moment after, it still keeps to its share: the other processes may not have noticed yet.
    expect(m.rateOf('own:e:read')).toBe(5);
    await sleep(1_100);
    expect(m.rateOf('own:e:read')).toBe(10);
    expect(warnings()).toHaveLength(1);
    // The limit was stored again: a second process that never saw a header knows it.
    const other = await model(prefix);
    expect((await burst(other, 'own:h:read')).granted).toHaveLength(9);
  });
});
