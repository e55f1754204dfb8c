import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRateModel } from '../../src/pluralkit/memory-rate-model.js';
import { RequestQueue } from '../../src/pluralkit/request-queue.js';

/**
 * The queue and the rate model on a virtual clock: what it releases over simulated time is exact, whatever the machine's
 * load, so the configured rate can be checked without a timed assertion.
 */
describe('header-less pacing on a virtual clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([100, 2])('delivers the configured %d per second, never more in any 1,000 ms', async (rate) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const queue = new RequestQueue(new MemoryRateModel({ ratePerSecond: rate, followRateHeaders: true }));
    const t0 = Date.now();
    const sent: number[] = [];
    const total = rate * 5;
    const jobs = Array.from({ length: total }, async () => {
      const turn = await queue.turn('shared:read', 3);
      sent.push(Date.now() - t0);
      await queue.answered(turn);
    });
    await vi.advanceTimersByTimeAsync(4000);
    // 4 s at the rate, give or take a 2 ms slack per window; a 25 ms heartbeat sent 160 at 100/s.
    expect(sent.length).toBeGreaterThanOrEqual(Math.floor(4 * rate * 0.98));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(jobs);
    expect(sent).toHaveLength(total);
    for (let i = rate; i < sent.length; i++) expect(sent[i]! - sent[i - rate]!).toBeGreaterThanOrEqual(1000);
    expect(queue.state()).toMatchObject({ queued: 0, timers: 0 });
    await queue.close();
  });
});
