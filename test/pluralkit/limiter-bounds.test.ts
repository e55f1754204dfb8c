import { describe, expect, it } from 'vitest';
import { isPluralKitAPIError } from '../../src/pluralkit/index.js';
import { setup } from './helpers.js';

/** A well-formed legacy token that no system has. */
const bogusToken = (i: number): string => `bogus${String(i).padStart(6, '0')}`.padEnd(64, 'x');

describe('PluralKit client rate-limit state stays bounded', () => {
  it('a rejected token leaves no budget and no timer behind, however many are tried', async () => {
    const { client } = await setup({ rateLimit: { mode: 'off' } }, { ratePerSecond: 1000 });
    const results = await Promise.allSettled(Array.from({ length: 400 }, (_, i) => client.getOwnSystem(bogusToken(i))));
    expect(
      results.every((r) => r.status === 'rejected' && isPluralKitAPIError(r.reason) && r.reason.status === 401),
    ).toBe(true);
    // Only the two shared budgets (reads, writes) may remain; nothing waits, so no timer is armed.
    expect(client.rateLimitState).toMatchObject({ queued: 0, timers: 0 });
    expect(client.rateLimitState.budgets).toBeLessThanOrEqual(2);
  });

  it('a learned own budget costs no timer once idle', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } });
    const o = { token: pk.sample.own.token };
    await Promise.all(pk.sample.own.memberIds.slice(0, 4).map((id) => client.getMember(id, o)));
    await client.getSystem('@me', o);
    expect(client.rateLimitState).toMatchObject({ queued: 0, timers: 0 });
  });

  it('a cold client reading its own system by short id spends the own budget PluralKit names, at its rate', async () => {
    const { pk, client } = await setup(
      { rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } },
      { ratePerSecond: 2 },
    );
    const { own } = pk.sample;
    const o = { token: own.token };
    // Never `@me`: only PluralKit's `own_system_get` scope says this system is the caller's.
    await client.getSystem(own.systemId, o);
    const pages = Array.from({ length: 15 }, (_, i) => client.getSwitches(own.systemId, { limit: i + 1 }, o));
    const { waiting } = client.rateLimitState;
    expect(waiting.map((b) => ({ own: b.name.startsWith('own:'), rate: b.rate }))).toEqual([{ own: true, rate: 10 }]);
    await Promise.all(pages);
    expect(pk.stats.rateLimited).toBe(0);
  });
});
