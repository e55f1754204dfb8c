/**
 * Live fronting end to end: `/live setup` in the real bot, PluralKit's stand-in sending its two setup PINGs and
 * then the events of its API writes over HTTP, and the bot publishing one FrontChange per settled change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookSetup } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';
import {
  fronterReads as countFronterReads,
  liveHarnessOptions,
  localHookUrl,
  logSwitchInPluralKit,
  post,
  recordChanges,
  setUpLive,
} from './live-support.js';

describe('live events from PluralKit', () => {
  let h: Harness;
  let rec: ReturnType<typeof recordChanges>;
  let setup: WebhookSetup;
  let hookUrl: string;
  const own = () => h.pk.sample.own;
  const fronterReads = () => countFronterReads(h);
  const logSwitch = (member: number): Promise<string> =>
    logSwitchInPluralKit(h, own().token, [own().memberIds[member]!]);
  const event = (type: string, extra: Record<string, unknown> = {}) => ({
    type,
    signing_token: setup.signingToken,
    system_id: own().systemUuid,
    id: null,
    data: null,
    ...extra,
  });

  beforeAll(async () => {
    h = await startHarness(liveHarnessOptions());
    await h.link(h.discord.users.alice, own().token);
    rec = recordChanges(h);
  });
  afterAll(async () => {
    expect(
      h.logs.filter((line) => line.includes(setup.signingToken)),
      'the signing token in a log line',
    ).toEqual([]);
    expect(JSON.stringify(h.discord.requests.map((r) => r.body ?? null))).not.toContain(setup.signingToken);
    await h.finish();
  });

  it('without the token pasted first, PluralKit’s test PING is refused and nothing is saved', async () => {
    const reply = await h.command('live setup').reply();
    expect(reply.ephemeral).toBe(true);
    const url = /pk;system webhook (\S+)/.exec(reply.content)![1]!;
    const early = await h.pk.beginWebhookSetup(own().systemUuid, localHookUrl(h, url));
    expect(await early.confirm()).toMatchObject({ saved: false, realStatus: 401 });
  });

  it('/live setup gives the command and a form; with the token pasted, both PINGs pass and PluralKit saves it', async () => {
    const done = await setUpLive(h, own().systemUuid);
    ({ setup, hookUrl } = done);
    expect(done.reply.ephemeral).toBe(true);
    expect(done.saved.content).toMatch(/Signing token kept, sealed/);
    expect(done.saved.content).not.toContain(setup.signingToken);
    expect(await setup.confirm()).toEqual({ saved: true, realStatus: 200, wrongStatus: 401 });
  });

  it('a switch logged through PluralKit’s API publishes one FrontChange, and /fronters shows it at once', async () => {
    expect((await h.command('fronters').reply()).embeds[0]).toBeDefined();
    const reads = fronterReads();
    const next = rec.next();
    const id = await logSwitch(4);
    const change = await next;
    expect(change.userId).toBe(h.discord.users.alice.id);
    expect(change.current?.id).toBe(id);
    expect(change.current?.members.map((m) => m.uuid)).toEqual([own().memberUuids[4]]);
    expect(change.system.uuid).toBe(own().systemUuid);
    expect(change.frontIsPrivate).toBe(false);
    expect(fronterReads() - reads).toBe(1);
    const shown = await h.command('fronters').reply();
    const member = h.pk.state.members.get(own().memberUuids[4]!)!;
    expect(shown.embeds[0]?.description).toContain(member.display_name ?? member.name);
    expect(rec.changes).toHaveLength(1);
  });

  it('a wrong token, another system’s id, malformed and oversized bodies are refused and change nothing', async () => {
    const reads = fronterReads();
    const before = await h.bot.ctx.live.forUser(h.discord.users.alice.id);
    expect(await post(hookUrl, event('CREATE_SWITCH', { signing_token: 'x'.repeat(64) }))).toBe(401);
    expect(await post(hookUrl, event('CREATE_SWITCH', { signing_token: null }))).toBe(401);
    expect(await post(hookUrl, event('CREATE_SWITCH', { system_id: h.pk.sample.other.systemUuid }))).toBe(403);
    expect(await post(hookUrl, '{"type": "CREATE_SWITCH", ')).toBe(400);
    expect(await post(hookUrl, { type: 'CREATE_SWITCH', system_id: 'abcde' })).toBe(400);
    expect(await post(hookUrl, event('CREATE_SWITCH', { data: { blob: 'x'.repeat(70_000) } }))).toBe(413);
    expect(await post(hookUrl.replace(/[\w-]{22}$/, 'A'.repeat(22)), event('CREATE_SWITCH'))).toBe(404);
    expect(await post(hookUrl, event('CREATE_MESSAGE', { data: { content: 'hi' } }))).toBe(200);
    expect(await post(hookUrl, event('SOMETHING_NEW'))).toBe(200);
    expect(await h.bot.ctx.live.forUser(h.discord.users.alice.id)).toEqual(before);
    // The next real switch is the first thing read since: nothing above reached PluralKit.
    const next = rec.next();
    await logSwitch(5);
    const change = await next;
    expect(change.previousMemberUuids).toEqual([own().memberUuids[4]]);
    expect(fronterReads() - reads).toBe(1);
    expect(rec.changes).toHaveLength(2);
  });

  it('any other event drops the system’s cached answers, so /fronters shows a rename at once', async () => {
    const member = h.pk.state.members.get(own().memberUuids[5]!)!;
    expect((await h.command('fronters').reply()).embeds[0]?.description).toContain(member.display_name ?? member.name);
    // Changed in PluralKit (by its bot, say): the cached answer would show the old name for PLURALKIT_CACHE_TTL_MS.
    member.display_name = 'Renamed Just Now';
    const reads = fronterReads();
    expect(
      await post(hookUrl, event('UPDATE_MEMBER', { id: member.uuid, data: { display_name: member.display_name } })),
    ).toBe(200);
    expect((await h.command('fronters').reply()).embeds[0]?.description).toContain('Renamed Just Now');
    expect(fronterReads() - reads).toBe(1);
    expect(rec.changes).toHaveLength(2);
  });

  it('a replayed old event and a flood of 1,000 events publish nothing, cost a read per burst, and the bot still answers', async () => {
    const reads = fronterReads();
    const limited = h.pk.stats.rateLimited;
    const old = event('CREATE_SWITCH', { id: rec.changes[0]!.current!.id, data: { members: [own().memberUuids[4]] } });
    const started = performance.now();
    // PluralKit opens a connection per event; 50 at a time keeps inside the listen backlog of a loaded machine.
    const statuses: number[] = [];
    let sent = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (sent++ < 1_000) statuses.push(await post(hookUrl, old));
      }),
    );
    expect(statuses).toHaveLength(1_000);
    const floodMs = performance.now() - started;
    expect(statuses.every((status) => status === 200)).toBe(true);
    const status = await h.command('live status').reply();
    expect(status.content).toMatch(/are \*\*on\*\*\. Last event: <t:\d+:R>/);
    // A real switch after the flood: its change is the only one, and it follows the front before the flood.
    const next = rec.next();
    await logSwitch(6);
    const change = await next;
    expect(change.previousMemberUuids).toEqual([own().memberUuids[5]]);
    expect(rec.changes).toHaveLength(3);
    expect(h.pk.stats.rateLimited - limited).toBe(0);
    // One read per coalescing window the flood spanned (1 s each), plus the real switch's.
    expect(fronterReads() - reads).toBeLessThanOrEqual(Math.ceil(floodMs / 1_000) + 2);
  });

  it('/live status says it is on, and /live off forgets the hook so PluralKit’s events are refused', async () => {
    const status = await h.command('live status').reply();
    expect(status.ephemeral).toBe(true);
    expect(status.content).toContain(`\`${own().systemId}\` are **on**`);
    const off = await h.command('live off').reply();
    expect(off.content).toMatch(/Live events are off/);
    expect(await post(hookUrl, event('CREATE_SWITCH'))).toBe(404);
    expect((await h.command('live status').reply()).content).toMatch(/Live events are \*\*off\*\*/);
  });
});

describe('live events when the operator has not set PUBLIC_URL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  it('/live setup says live events are not enabled here', async () => {
    const reply = await h.command('live setup').reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Live events aren't enabled on this bot/);
  });
});
