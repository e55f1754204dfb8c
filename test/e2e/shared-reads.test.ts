/**
 * Identical public reads across real processes: three bot-like children, one PluralKit stand-in, one private
 * Redis. One request per key reaches PluralKit however many processes ask at once; a lock holder that dies
 * mid-fetch leaves the others to fetch for themselves, and nobody hangs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { startCacheChild, type CacheChild } from '../support/shared-cache-children.js';

type Front = { ids: (string | null)[] };

const cleanups: (() => Promise<void>)[] = [];
let pk: PluralKitStandIn;
let children: CacheChild[];

beforeAll(async () => {
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  cleanups.push(() => pk.close());
  // A short lock, so a dead holder's expires quickly; each read's cache lasts the whole file.
  const env = { PK_URL: pk.url, REDIS_URL: redis.url, LOCK_MS: '300' };
  children = await Promise.all([0, 1, 2].map(() => startCacheChild(env)));
  cleanups.push(() => Promise.all(children.map((child) => child.kill())).then(() => undefined));
  // Starting child processes on a loaded 2-core machine can take tens of seconds.
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeEach(() => pk.stats.reset());

const routeHits = (system: string): number =>
  pk.requests.filter((request) => request.path === `/v2/systems/${system}/fronters`).length;

describe('concurrent identical public reads across processes', () => {
  it('3 processes × 10 reads of the same fronters send PluralKit one request, and all get its answer', async () => {
    const system = pk.sample.other.systemId;
    pk.setLatency(1_000);
    const answers = await Promise.all(children.map((child) => child.call<Front>('/fronters', { system, n: 10 })));
    pk.setLatency(0);
    const ids = answers.flatMap((answer) => answer.ids);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(1);
    expect(routeHits(system)).toBe(1);
  });

  it('when the lock holder is killed mid-fetch, the others fetch for themselves and answer', async () => {
    const [holder, ...others] = children as [CacheChild, CacheChild, CacheChild];
    const system = pk.sample.noSwitches.systemId;
    pk.setLatency(5_000);
    void holder.call('/fronters', { system }).catch(() => undefined);
    while (pk.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const waiting = Promise.all(others.map((child) => child.call<Front>('/fronters', { system })));
    pk.setLatency(0);
    await holder.kill();
    const answers = await waiting;
    // noSwitches has never logged a switch: PluralKit's 204, no fronters.
    expect(answers.map((answer) => answer.ids)).toEqual([[null], [null]]);
    expect(routeHits(system)).toBeGreaterThanOrEqual(1);
  });
});
