import { describe, expect, it } from 'vitest';
import type { PluralKitClient } from '../../src/pluralkit/index.js';
import type { PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { setup } from './helpers.js';

/**
 * 40 concurrent, all different (identical GETs would be shared): own reads (@me switch pages), shared
 * reads (another system's pages) and own writes. Writes are back-dated, each to its own instant, so
 * none is refused as identical to the current front whatever order they land in.
 */
function mixedCalls(pk: PluralKitStandIn, client: PluralKitClient, wave = 0): Promise<unknown>[] {
  const { own, other } = pk.sample;
  const o = { token: own.token };
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const limit = 1 + ((i + wave * 40) % 100);
    if (i % 4 === 0) calls.push(client.getSwitches('@me', { limit }, o));
    else if (i % 4 === 3) {
      const timestamp = new Date(Date.UTC(2020, 0, 1) + (wave * 40 + i) * 60_000);
      calls.push(client.createSwitch('@me', { members: [own.memberIds[i % 3]!], timestamp }, o));
    } else calls.push(client.getSwitches(other.systemId, { limit }));
  }
  return calls;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: Math.round(performance.now() - started) };
}

describe('PluralKit client rate limiting', () => {
  it('(a) a server without headers, counting everything per second: paced at ratePerSecond, no 429', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'fixed', perSecond: 20 } }, { ratePerSecond: 20 });
    const { value, ms } = await timed(Promise.allSettled(mixedCalls(pk, client)));
    expect(value.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(pk.stats.rateLimited).toBe(0);
    expect(pk.stats.requests).toBe(40);
    console.info(`[limiter] fixed 20/s: 40 mixed requests in ${ms} ms (ideal ≈ 1950 ms)`);
  });

  it('(b) a GCRA server with headers: follows separate read and write rates, no 429', async () => {
    const { pk, client } = await setup(
      { rateLimit: { mode: 'gcra', getPerSecond: 50, updatePerSecond: 20 } },
      { ratePerSecond: 10 },
    );
    const { value, ms } = await timed(Promise.allSettled(mixedCalls(pk, client)));
    expect(value.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(pk.stats.rateLimited).toBe(0);
    expect(pk.stats.requests).toBe(40);
    const scopes = new Set(pk.requests.map((r) => r.method));
    expect(scopes).toEqual(new Set(['GET', 'POST']));
    console.info(`[limiter] gcra 50/20: 40 mixed requests in ${ms} ms`);

    // A second wave starts from what the headers taught: sustained, still no 429.
    const second = await timed(Promise.allSettled([...mixedCalls(pk, client, 1), ...mixedCalls(pk, client, 2)]));
    expect(second.value.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(
      pk.requests
        .map((r, i) => `${i} ${r.method} ${r.path.includes('@me') ? 'own' : 'shared'} ${r.status}`)
        .filter((r) => r.endsWith('429')),
    ).toEqual([]);
    console.info(`[limiter] gcra 50/20: 80 more mixed requests in ${second.ms} ms`);
  });

  it('(c) a server answering 429 anyway: every request retried, none lost, sent in order per priority', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'off' } }, { ratePerSecond: 10, maxRetries: 5 });
    const { own, other } = pk.sample;
    pk.failNext(4, 429, { retryAfterMs: 0 });
    const interactive = own.memberIds.slice(0, 5);
    const background = other.publicMemberIds.slice(0, 3);
    const calls = [
      ...interactive.map((id) => client.getMember(id)),
      ...background.map((id) => client.getMember(id, { priority: 'background' })),
    ];
    const members = await Promise.all(calls);
    expect(members.map((m) => m.id)).toEqual([...interactive, ...background]);
    expect(pk.stats.rateLimited).toBe(4);
    expect(client.stats.retries429).toBe(4);
    // Order is kept where the client controls it: requests leave the queue in call order within their
    // priority. (One already sent can still finish before an earlier one that had to be retried.)
    const firstAttempts = [...new Set(pk.requests.map((r) => r.path.split('/').at(-1)))];
    expect(firstAttempts.filter((id) => interactive.includes(id!))).toEqual(interactive);
    expect(firstAttempts.filter((id) => background.includes(id!))).toEqual(background);
    expect(pk.requests.filter((r) => r.status === 200)).toHaveLength(interactive.length + background.length);
  });

  it('(d) interactive requests go before queued background ones', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'off' } }, { ratePerSecond: 10 });
    const { own } = pk.sample;
    const background = own.memberIds.slice(0, 6).map((id) => client.getMember(id, { priority: 'background' }));
    const interactive = client.getSystem(pk.sample.other.systemId);
    await Promise.all([...background, interactive]);
    const order = pk.requests.map((r) => r.path);
    expect(order.indexOf(`/v2/systems/${pk.sample.other.systemId}`)).toBe(1);
  });

  it('iterateSwitches runs in the background: an interactive call overtakes its later pages', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'off' } }, { ratePerSecond: 10, cacheTtlMs: 0 });
    const { own, other } = pk.sample;
    const walk = (async () => {
      let n = 0;
      for await (const _ of client.iterateSwitches('@me', {}, { token: own.token })) n += 1;
      return n;
    })();
    const queued = own.memberIds.slice(0, 4).map((id) => client.getMember(id, { priority: 'background' }));
    const system = client.getSystem(other.systemId);
    const [walked] = await Promise.all([walk, ...queued, system]);
    expect(walked).toBe(own.switchCount);
    const paths = pk.requests.map((r) => r.path);
    const interactiveAt = paths.indexOf(`/v2/systems/${other.systemId}`);
    const backgroundAt = paths.map((p, i) => (p === `/v2/systems/${other.systemId}` ? -1 : i)).filter((i) => i >= 0);
    expect(backgroundAt.filter((i) => i > interactiveAt).length).toBeGreaterThanOrEqual(backgroundAt.length - 2);
  });
});

describe('PluralKit client at PluralKit real rates', () => {
  it('(e) writes at 3/s after a first write taught the limit: none refused, even the third in a burst', async () => {
    // The first write goes out before the limit is known and still sits in PluralKit's bucket; the next
    // ones must count it, and a Remaining of r allows only r - 1 more. Both once cost a 429 here.
    const { pk, client } = await setup(
      { rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } },
      { ratePerSecond: 2 },
    );
    const { own } = pk.sample;
    const write = (i: number) =>
      client.createSwitch(
        '@me',
        { members: [own.memberIds[i % 3]!], timestamp: new Date(Date.UTC(2020, 0, 1, 0, i)) },
        { token: own.token },
      );
    await write(0);
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(write));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(pk.stats.rateLimited).toBe(0);
    expect(client.stats.retries429).toBe(0);
  });
});
