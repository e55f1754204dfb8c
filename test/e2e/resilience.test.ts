import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** Resolves once PluralKit has seen no request for half a second (retries back off by at most 400 ms). */
async function quiet(h: Harness): Promise<void> {
  let seen = -1;
  while (seen !== h.pk.stats.requests) {
    seen = h.pk.stats.requests;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('when PluralKit or Discord misbehave', () => {
  let h: Harness;
  beforeAll(async () => {
    // A zero cache TTL so every command really reaches PluralKit and meets the injected faults.
    h = await startHarness({ env: { PLURALKIT_CACHE_TTL_MS: '0' } });
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterEach(() => {
    h.pk.setLatency(0);
    h.discord.faults.clear();
  });
  afterAll(() => h.finish({ invalidRequests: 1 })); // the one 429 injected on purpose below

  it('tells the user PluralKit is having trouble during a 5xx storm, then works again', async () => {
    h.pk.failNext(20, 503);
    const failed = await h.command('fronters').reply();
    expect(failed.ephemeral).toBe(true);
    expect(failed.content).toMatch(/PluralKit is having trouble right now/);
    expect(h.logs.some((line) => line.includes('"level":40') && line.includes('interaction failed'))).toBe(true);

    // The card's two calls fail independently: the answer came on the first failure while the other may
    // still be retrying, and a new identical call would join it. Let the storm's retries finish first.
    await quiet(h);
    h.pk.failNext(1, 502);
    const recovered = await h.command('fronters').reply();
    expect(recovered.embeds[0]?.title).toMatch(/^Current fronters?|No one is fronting/);
  });

  it('waits out a burst of 429s transparently: the user just gets the answer', async () => {
    h.pk.stats.reset();
    h.pk.failNext(3, 429, { retryAfterMs: 120 });
    const reply = await h.command('fronters', {}, { where: 'bot-dm' }).reply(10_000);
    expect(reply.embeds[0]?.title).toMatch(/^Current fronters?|No one is fronting/);
    expect(h.pk.stats.rateLimited).toBe(3);
  });

  it('gives up politely when PluralKit keeps rate limiting past every retry', async () => {
    h.pk.failNext(50, 429, { retryAfterMs: 100 });
    const reply = await h.command('fronters').reply(15_000);
    expect(reply.content).toMatch(/PluralKit is asking me to slow down right now/);
    h.pk.failNext(0, 429);
  });

  it("defers a slow answer inside Discord's 3 seconds, then edits the card in", async () => {
    h.pk.setLatency(1_800);
    const handle = h.command('fronters');
    const first = await handle.firstResponse();
    expect(first.type).toBe(5);
    const reply = await handle.reply(15_000);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.title).toMatch(/^Current fronters?|No one is fronting/);
  });

  it('still answers when Discord rate limits the interaction callback', async () => {
    h.discord.faults.rateLimit('interactionCallback', { retryAfter: 0.2 });
    const reply = await h.command('fronters').reply();
    expect(reply.embeds[0]?.title).toMatch(/^Current fronters?|No one is fronting/);
    expect(h.discord.requests.filter((r) => r.route === 'interactionCallback' && r.status === 429)).toHaveLength(1);
  });

  it('keeps working after the gateway asks to reconnect and after a dropped connection', async () => {
    h.discord.gateway.requestReconnect();
    await h.discord.waitFor(
      () => (h.discord.gateway.events.some((e) => e.kind === 'resume') ? true : undefined),
      10_000,
      'a resume',
    );
    expect((await h.command('fronters').reply(10_000)).embeds).toHaveLength(1);

    h.discord.gateway.dropConnections();
    await h.discord.gateway.waitForReady(15_000);
    expect((await h.command('fronters', {}, { where: 'user-dm' }).reply(10_000)).embeds).toHaveLength(1);
  });
});
