import { afterEach, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { GcraLimiter, SlidingWindowLimiter } from './rate-limit.js';
import { call } from './test-client.js';

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-scope'];
const rateHeaders = (headers: Headers) => RATE_HEADERS.map((name) => headers.get(name));

/** A clock at a present-day epoch that moves `stepMs` per reading, like requests arriving 1 ms apart. */
function steppingClock(stepMs: number, start = Date.UTC(2026, 4, 6, 12, 0, 0) + 0.123) {
  let now = start;
  return { read: () => (now += stepMs), skip: (ms: number) => (now += ms), now: () => now };
}

describe('GcraLimiter (controlled clock)', () => {
  const anon = { method: 'GET', ownSystemUuid: null };

  it('lets 9 GETs through, answers the 10th 429 with retry_after 0, then asks for ~100 ms', () => {
    const clock = steppingClock(1);
    const limiter = new GcraLimiter({ get: 10, update: 3 }, clock.read);
    const verdicts = Array.from({ length: 11 }, () => limiter.check(anon));
    expect(verdicts[0]?.headers['X-RateLimit-Remaining']).toBe('8');
    expect(verdicts.map((v) => v.allowed)).toEqual([...Array<boolean>(9).fill(true), false, false]);
    expect(JSON.parse(verdicts[9]?.body ?? '')).toEqual({
      message: '429: too many requests',
      retry_after: 0,
      scope: 'generic_get',
      code: 0,
    });
    const retry = JSON.parse(verdicts[10]?.body ?? '').retry_after;
    expect(retry).toBeGreaterThan(80);
    expect(retry).toBeLessThanOrEqual(100);
    // Waiting exactly retry_after lands on the consumed-but-refused edge slot again (which moves the
    // bucket on by one interval); only a wait of two intervals gets a request through.
    clock.skip(retry);
    expect(JSON.parse(limiter.check(anon).body ?? '').retry_after).toBe(0);
    clock.skip(200);
    expect(limiter.check(anon).allowed).toBe(true);
  });

  it('gives writes a burst of 2 and first Remaining 2', () => {
    const limiter = new GcraLimiter({ get: 10, update: 3 }, steppingClock(1).read);
    const verdicts = Array.from({ length: 3 }, () => limiter.check({ method: 'POST', ownSystemUuid: null }));
    expect(verdicts.map((v) => [v.allowed, v.headers['X-RateLimit-Remaining']])).toEqual([
      [true, '2'],
      [true, '1'],
      [false, '0'],
    ]);
    expect(JSON.parse(verdicts[2]?.body ?? '')).toMatchObject({ retry_after: 0, scope: 'generic_update' });
  });

  it('keeps own-system requests in a separate bucket with own_system_* scope headers', () => {
    const limiter = new GcraLimiter({ get: 10, update: 3 }, steppingClock(1).read);
    for (let i = 0; i < 11; i++) limiter.check(anon);
    const own = limiter.check({ method: 'GET', ownSystemUuid: 'a-system' });
    expect(own.allowed).toBe(true);
    expect(own.headers).toMatchObject({ 'X-RateLimit-Scope': 'own_system_get', 'X-RateLimit-Remaining': '8' });
  });
});

describe('SlidingWindowLimiter (controlled clock)', () => {
  it('holds 2 per ANY 1,000 ms window, across methods, without headers', () => {
    let now = 10_000.5;
    const limiter = new SlidingWindowLimiter(2, () => now);
    const at = (ms: number, method = 'GET') => {
      now = 10_000.5 + ms;
      return limiter.check({ method, ownSystemUuid: null });
    };
    // Two at 900 and 950 ms: a fixed window would start afresh at 1,000; a sliding one does not.
    expect(at(900).allowed).toBe(true);
    expect(at(950, 'POST').allowed).toBe(true);
    const refused = at(1100);
    expect(refused).toMatchObject({ allowed: false, headers: {} });
    expect(JSON.parse(refused.body ?? '')).toMatchObject({ retry_after: 800, scope: 'generic_get' });
    expect(at(1900).allowed).toBe(true);
    expect(at(1920).allowed).toBe(false);
    expect(at(1950).allowed).toBe(true);
    expect(at(1951).headers).toEqual({});
  });
});

describe('rate limiting over HTTP', () => {
  let pk: PluralKitStandIn;
  afterEach(async () => {
    await pk.close();
  });

  it('sends production-shaped headers from a fresh bucket, and none on gateway rejections', async () => {
    const clock = steppingClock(1);
    pk = await startPluralKitStandIn({ rateLimitClock: clock.read });
    const rejected = await call(pk.url, `/systems/${pk.sample.unknownSystemId}`);
    expect(rejected.status).toBe(404);
    expect(rateHeaders(rejected.headers)).toEqual([null, null, null, null]);
    const first = await call(pk.url, `/systems/${pk.sample.other.systemId}`);
    expect(rateHeaders(first.headers)).toEqual(['10', '8', String(Math.floor(clock.now() / 1000)), 'generic_get']);

    const own = await call(pk.url, '/systems/@me', { auth: pk.sample.own.token });
    expect(rateHeaders(own.headers)).toEqual(['10', '8', expect.any(String), 'own_system_get']);
    const ownWrite = await call(pk.url, '/systems/@me/switches', {
      method: 'POST',
      auth: pk.sample.own.token,
      body: { members: [] },
    });
    expect(rateHeaders(ownWrite.headers)).toEqual(['3', '2', expect.any(String), 'own_system_update']);
    const lookupOfOther = await call(pk.url, `/systems/${pk.sample.other.systemId}`, { auth: pk.sample.own.token });
    expect(lookupOfOther.headers.get('x-ratelimit-scope')).toBe('generic_get');
    // Same (IP) bucket as the first anonymous GET: the time since then refilled the fraction lost to rounding.
    expect(lookupOfOther.headers.get('x-ratelimit-remaining')).toBe('8');
    const next = await call(pk.url, `/systems/${pk.sample.other.systemId}`);
    expect(next.headers.get('x-ratelimit-remaining')).toBe('7');
  });

  it('answers a burst past the limit with 429s whose first retry_after is 0', async () => {
    pk = await startPluralKitStandIn({ rateLimitClock: steppingClock(1).read });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await call(pk.url, `/messages/${pk.sample.other.messageIds[0]}`));
    const firstLimited = answers.findIndex((a) => a.status === 429);
    expect(firstLimited).toBe(9);
    expect(answers.slice(0, firstLimited).every((a) => a.status === 200)).toBe(true);
    expect(answers[firstLimited]?.json).toEqual({
      message: '429: too many requests',
      retry_after: 0,
      scope: 'generic_get',
      code: 0,
    });
    expect(answers[firstLimited]?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(answers.at(-1)?.json.retry_after).toBeGreaterThan(0);
    expect(pk.stats.rateLimited).toBe(answers.filter((a) => a.status === 429).length);
  });

  it('fixed mode allows N requests per wall-clock second across all callers and sends no headers', async () => {
    const topOfSecond = Date.UTC(2026, 4, 6, 12, 0, 0);
    pk = await startPluralKitStandIn({
      rateLimit: { mode: 'fixed', perSecond: 3 },
      rateLimitClock: steppingClock(1, topOfSecond).read,
    });
    const answers = [];
    for (const auth of [pk.sample.own.token, undefined, pk.sample.other.token, undefined, pk.sample.own.token]) {
      answers.push(await call(pk.url, `/systems/${pk.sample.own.systemId}`, auth === undefined ? {} : { auth }));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers.every((a) => rateHeaders(a.headers).every((h) => h === null))).toBe(true);
    expect(answers[3]?.json).toMatchObject({ message: '429: too many requests', scope: 'generic_get', code: 0 });
    expect(answers[3]?.json.retry_after).toBe(996); // the 4th reading is 4 ms into the second
  });

  it('can be switched at runtime, including off', async () => {
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    const path = `/systems/${pk.sample.own.systemId}`;
    for (let i = 0; i < 15; i++) expect((await call(pk.url, path)).status).toBe(200);
    expect((await call(pk.url, path)).headers.get('x-ratelimit-limit')).toBeNull();
    pk.setRateLimit({ mode: 'gcra', getPerSecond: 1000, updatePerSecond: 500 });
    const res = await call(pk.url, path);
    expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(998);
  });
});

describe('faults, latency and counters', () => {
  let pk: PluralKitStandIn;
  afterEach(async () => {
    await pk.close();
  });

  it('injects proxy errors, PK 500s and 429s only for requests that reach a handler', async () => {
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    const path = `/systems/${pk.sample.own.systemId}`;
    pk.failNext(2, 503);
    expect((await call(pk.url, `/systems/${pk.sample.unknownSystemId}`)).status).toBe(404);
    const first = await call(pk.url, path);
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect(first.text).toContain('<h1>503');
    expect((await call(pk.url, path)).status).toBe(503);
    expect((await call(pk.url, path)).status).toBe(200);

    pk.failNext(1, 500);
    expect((await call(pk.url, path)).text).toBe('{"message":"500: Internal Server Error","code":0}');
    pk.failNext(1, 429, { retryAfterMs: 1234 });
    const limited = await call(pk.url, path);
    expect(limited.json).toEqual({
      message: '429: too many requests',
      retry_after: 1234,
      scope: 'generic_get',
      code: 0,
    });
    pk.failNext(1, 502);
    expect((await call(pk.url, path)).text).toContain('502 Bad Gateway');
  });

  it('delays answers by the configured latency', async () => {
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' }, latencyMs: 400 });
    const slow = fetch(`${pk.url}/systems/${pk.sample.own.systemId}`, { signal: AbortSignal.timeout(50) });
    await expect(slow).rejects.toThrow();
    pk.setLatency(0);
    expect((await call(pk.url, `/systems/${pk.sample.own.systemId}`)).status).toBe(200);
  });

  it('counts requests per route and 429s, and resets', async () => {
    pk = await startPluralKitStandIn({
      rateLimit: { mode: 'gcra', getPerSecond: 2, updatePerSecond: 1 },
      rateLimitClock: steppingClock(1).read,
    });
    for (let i = 0; i < 3; i++) await call(pk.url, `/systems/${pk.sample.other.systemId}/fronters`);
    await call(pk.url, '/nope');
    expect(pk.stats.requests).toBe(4);
    expect(pk.stats.rateLimited).toBe(2); // rate 2: Remaining 0 on the 2nd (429, retry_after 0) and the 3rd
    expect(pk.stats.byRoute.get('GET /systems/{system_id}/fronters')).toBe(3);
    expect(pk.requests.map((r) => r.status)).toEqual([200, 429, 429, 404]);
    pk.stats.reset();
    expect([pk.stats.requests, pk.stats.rateLimited, pk.stats.byRoute.size, pk.requests.length]).toEqual([0, 0, 0, 0]);
  });
});
