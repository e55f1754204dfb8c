/**
 * Polling never slows an interactive command: with 30 systems due for polling, `/fronters` of another system
 * has its PluralKit requests sent before the polls still waiting, as the stand-in's request order shows.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LivePolls } from '../../src/live/polls.js';
import { startHarness, type Harness } from './harness.js';
import { PollEnv, ownReads } from './live-poll-support.js';

const Systems = 30;
const Wait = { timeout: 30_000, interval: 20 };

describe('an interactive command while 30 polled systems are due', () => {
  let h: Harness;

  beforeAll(async () => {
    // An interval far shorter than a round: every one of the 30 systems is due all the time.
    h = await startHarness({ env: { ...PollEnv, LIVE_POLL_INTERVAL_MS: '100' } });
    const polls = new LivePolls(h.bot.ctx.settings);
    for (let index = 0; index < Systems; index += 1) {
      const system = h.pk.state.addSystem({ name: `Polled ${index}` });
      const userId = String(700_000_000_000_000_000n + BigInt(index));
      await h.bot.ctx.accounts.link(userId, system.token);
      await polls.enable(userId, { id: system.id, uuid: system.uuid });
    }
  });
  afterAll(() => h.finish());

  it('/fronters is answered with its requests sent ahead of the queued polls, which go on after', async () => {
    await vi.waitFor(() => expect(ownReads(h.pk.requests).length).toBeGreaterThanOrEqual(4), Wait);
    const other = h.pk.sample.other;
    const before = h.pk.requests.length;
    const reply = await h.command('fronters', { system: other.systemId }).reply();
    expect(reply.embeds[0]?.author?.name).toBe(h.pk.state.systems.get(other.systemUuid)?.name);

    const sent = h.pk.requests.slice(before);
    const interactive = sent.flatMap((r, index) => (r.path.startsWith('/v2/systems/@me') ? [] : [index]));
    expect(interactive.length).toBeGreaterThan(0);
    // At most the one settle whose reads were already granted may come first: nothing queued overtakes.
    const pollsAhead = sent.slice(0, interactive.at(-1)).filter((r) => r.path.startsWith('/v2/systems/@me'));
    expect(pollsAhead.length).toBeLessThanOrEqual(2);
    const count = h.pk.requests.length;
    await vi.waitFor(() => expect(ownReads(h.pk.requests.slice(count)).length).toBeGreaterThanOrEqual(2), Wait);
  });
});
