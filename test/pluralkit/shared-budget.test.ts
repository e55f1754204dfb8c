/** Three real bot processes on one PluralKit budget through one Redis: together they stay inside the bucket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { bucketOverrun, publicMemberIds, startSharedRun } from '../support/shared-budget.js';

let redis: PrivateRedis;
let pk: PluralKitStandIn;

beforeAll(async () => {
  redis = await startPrivateRedis();
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } });
});
afterAll(async () => {
  await pk.close();
  await redis.stop();
});

describe('three processes sharing one budget', () => {
  it('answers every read with no 429, and no window the server counts holds more than its bucket', async () => {
    const ids = publicMemberIds(pk, 45);
    const run = startSharedRun({ pkUrl: pk.url, redis, processes: 3, ids, boundMs: 60_000 });
    const results = await run.results;
    expect(results.map((result) => result.failed)).toEqual([0, 0, 0]);
    expect(results.reduce((sum, result) => sum + result.ok, 0)).toBe(45);
    expect(pk.stats.rateLimited).toBe(0);
    const reads = pk.requests.filter((request) => request.path.startsWith('/v2/members/'));
    expect(reads).toHaveLength(45);
    expect(new Set(reads.map((request) => request.userAgentValue)).size).toBe(3);
    expect(bucketOverrun(reads, 10)).toBe(0);
  }, 70_000);
});
