/**
 * Polling of the front for systems without a webhook: `/live poll on|off` in the real bot, switches logged
 * through the PluralKit stand-in's API with no webhook at all, and the stand-in's request log showing that the
 * poller's reads stay inside their share and never get ahead of an interactive command.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LivePolls } from '../../src/live/polls.js';
import { startHarness, type Harness } from './harness.js';
import { recordChanges } from './live-support.js';
import { PollEnv, frontReadsOf, ownReads, shareOverrun } from './live-poll-support.js';

const Wait = { timeout: 20_000, interval: 50 };
/** 0.5 of 10 requests a second. */
const PollPerSecond = 5;

describe('polling the front of a system without a webhook', () => {
  let h: Harness;
  let rec: ReturnType<typeof recordChanges>;
  let bobSystemUuid: string;
  let pollsFrom = 0;
  const own = () => h.pk.sample.own;
  const polls = () => new LivePolls(h.bot.ctx.settings);
  const reads = (systemUuid: string) => frontReadsOf(h.pk.requests, systemUuid).length;

  beforeAll(async () => {
    h = await startHarness({ env: PollEnv });
    await h.link(h.discord.users.alice, own().token);
    const bobs = h.pk.state.addSystem({ name: 'Bob polled' });
    bobSystemUuid = bobs.uuid;
    await h.link(h.discord.users.bob, bobs.token);
    rec = recordChanges(h);
  });
  afterAll(() => h.finish());

  it('/live poll on without a link says to link first, and turns nothing on', async () => {
    const reply = await h.command('live poll', { state: 'on' }, { user: h.discord.users.carol }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/haven't linked a PluralKit system yet/);
    expect(await polls().userIds()).toEqual([]);
  });

  it('/live poll on polls the front; the first poll publishes nothing, and /live status shows the last poll', async () => {
    pollsFrom = h.pk.requests.length;
    const reply = await h.command('live poll', { state: 'on' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Polling is \*\*on\*\* for `\w+`/);
    await h.command('live poll', { state: 'on' }, { user: h.discord.users.bob }).reply();
    await vi.waitFor(
      async () => expect((await polls().forUser(h.discord.users.alice.id))?.lastPollAt).toBeDefined(),
      Wait,
    );
    const status = await h.command('live status').reply();
    expect(status.ephemeral).toBe(true);
    expect(status.content).toMatch(/Polling is \*\*on\*\* for `\w+`\. Last poll: <t:\d+:R>/);
    expect(rec.changes).toEqual([]);
  });

  it('a switch logged through PluralKit’s API, with no webhook, publishes one FrontChange, and only one', async () => {
    const next = rec.next();
    const res = await fetch(`${h.pk.url}/systems/@me/switches`, {
      method: 'POST',
      headers: { Authorization: own().token, 'User-Agent': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ members: [own().memberIds[3]] }),
    });
    expect(res.status).toBe(200);
    const id = ((await res.json()) as { id: string }).id;
    const change = await next;
    expect(change.userId).toBe(h.discord.users.alice.id);
    expect(change.current?.id).toBe(id);
    expect(change.current?.members.map((m) => m.uuid)).toEqual([own().memberUuids[3]]);
    const after = reads(own().systemUuid);
    await vi.waitFor(() => expect(reads(own().systemUuid)).toBeGreaterThanOrEqual(after + 2), Wait);
    expect(rec.changes).toHaveLength(1);
    expect(h.pk.dispatch.deliveries).toEqual([]);
  });

  it('the poller’s reads never go above its share of the rate, in any window', () => {
    const polled = ownReads(h.pk.requests.slice(pollsFrom));
    expect(polled.length).toBeGreaterThanOrEqual(8);
    expect(shareOverrun(polled, PollPerSecond)).toBeLessThanOrEqual(0);
  });

  it('/live poll off stops polling that system, while the others go on', async () => {
    const reply = await h.command('live poll', { state: 'off' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Polling is \*\*off\*\*/);
    // A poll of alice's front may have been under way: wait until it is counted before taking the figure.
    const bobAt = reads(bobSystemUuid);
    await vi.waitFor(() => expect(reads(bobSystemUuid)).toBeGreaterThanOrEqual(bobAt + 1), Wait);
    const aliceAt = reads(own().systemUuid);
    const bobThen = reads(bobSystemUuid);
    await vi.waitFor(() => expect(reads(bobSystemUuid)).toBeGreaterThanOrEqual(bobThen + 3), Wait);
    expect(reads(own().systemUuid)).toBe(aliceAt);
    const status = await h.command('live status').reply();
    expect(status.content).toMatch(/Polling is \*\*off\*\*/);
    const again = await h.command('live poll', { state: 'off' }).reply();
    expect(again.content).toMatch(/already off/);
  });

  it('a user who unlinks is dropped from polling', async () => {
    await h.command('unlink', {}, { user: h.discord.users.bob }).reply();
    await vi.waitFor(async () => expect(await polls().userIds()).toEqual([]), Wait);
    expect(await polls().forUser(h.discord.users.bob.id)).toBeUndefined();
  });
});
