import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('a long PluralKit queue', () => {
  let h: Harness;
  beforeAll(async () => {
    // PluralKit's old documented budget: 2 requests a second for everyone, no headers to learn from.
    h = await startHarness({
      pluralkit: { rateLimit: { mode: 'fixed', perSecond: 2 } },
      env: { PLURALKIT_RATE_PER_SECOND: '2' },
    });
  });
  afterAll(() => h.finish());

  it('answers every interaction inside 3 seconds, and every answer arrives, without a single 429', async () => {
    const systems = Array.from({ length: 6 }, (_, index) => h.pk.state.addSystem({ name: `Queue test ${index}` }));
    // Six cards of two calls each is about six seconds of PluralKit budget, queued at once.
    const handles = systems.map((system) => h.command('fronters', { system: system.id }));
    // The stand-in refuses a first response later than Discord's 3 s (10062), so every reply landing
    // proves every interaction was answered in time; the queued ones by a deferral.
    const first = await Promise.all(handles.map((handle) => handle.firstResponse(5_000)));
    expect(first.filter((response) => response.type === 5).length).toBeGreaterThan(0);

    const replies = await Promise.all(handles.map((handle) => handle.reply(20_000)));
    replies.forEach((reply, index) => expect(reply.embeds[0]?.author?.name).toBe(`Queue test ${index}`));
    expect(h.pk.stats.rateLimited).toBe(0);
  });
});
