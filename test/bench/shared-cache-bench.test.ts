/** Smoke test of bench section 7 with tiny counts: it runs end to end and reports what it was asked to. */
import { describe, expect, it } from 'vitest';
import { measureSharedCache } from '../../scripts/bench/shared-cache.js';

describe('bench section 7 with tiny counts', () => {
  it('measures every trial and counts the burst’s requests to PluralKit', async () => {
    const result = await measureSharedCache({ trials: 2, processes: 2, callers: 3 });
    expect(result.delaysMs).toHaveLength(2);
    expect(result.burstCalls).toBe(6);
    expect(result.burstUpstream).toBe(1);
  }, 90_000);
});
