/**
 * Live fronting as a user meets it, end to end: the real bot and discord.js client on the Discord stand-in,
 * PluralKit's stand-in delivering its signed events over HTTP. Nothing is published by hand: every change
 * here starts as a switch logged through PluralKit's API.
 */
import { PermissionFlagsBits, type APITextChannel, type APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import type { DispatchDelivery } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';
import { fronterReads, liveHarnessOptions, logSwitchInPluralKit, recordChanges, setUpLive } from './live-support.js';

// Twice the default window: the three switches of a burst must land inside one, on a loaded machine too.
const CoalesceMs = '2000';
// PluralKit's `{name} {tag}` with the sample system's tag.
const NICK_SOREN = 'Søren | 🏮 Lantern';
const NICK_JUNIPER = 'Juniper | 🏮 Lantern';

describe('a switch logged in PluralKit reaches everything that follows the front', () => {
  let h: Harness;
  let rec: ReturnType<typeof recordChanges>;
  let board: APITextChannel;
  // alice owns the server (Discord never lets a bot rename an owner); bob's system opts in, carol's does not.
  let bob: APIUser;
  let carol: APIUser;
  const own = () => h.pk.sample.own;
  const other = () => h.pk.sample.other;
  const dms = (user: APIUser): MessageState[] => h.discord.channelMessages(h.discord.dmChannel(user).id);
  const posts = () => h.discord.channelMessages(board.id).filter((m) => m.author.id === h.discord.botUser.id);
  const switchEvents = (systemUuid: string): DispatchDelivery[] =>
    h.pk.dispatch.deliveries.filter((d) => d.type === 'CREATE_SWITCH' && d.systemUuid === systemUuid);
  const as = (user: APIUser, name: string, options: Record<string, string> = {}) =>
    h.command(name, options, { user }).reply();
  /** Waits for the bot to publish the change of `user`'s system that follows `count` earlier ones. */
  const nthChangeOf = async (user: APIUser, count: number) => {
    const of = () => rec.changes.filter((change) => change.userId === user.id);
    while (of().length <= count) await rec.next();
    return of()[count]!;
  };
  const nickBecomes = (user: APIUser, nick: string) =>
    h.discord.waitFor(() => (h.discord.member(user).nick === nick ? nick : undefined), 20_000, `nickname ${nick}`);

  beforeAll(async () => {
    h = await startHarness(liveHarnessOptions({ LIVE_COALESCE_MS: CoalesceMs }));
    const { alice } = h.discord.users;
    ({ bob, carol } = h.discord.users);
    await h.link(bob, own().token);
    await h.link(carol, other().token);
    rec = recordChanges(h);
    for (const [member, note] of [
      [5, 'Stretch before the call — **both** legs'],
      [6, 'Feed the cat'],
    ] as const) {
      expect((await as(bob, 'remind add', { member: own().memberIds[member]!, note })).content).toMatch(/^✅/);
    }
    board = h.discord.addChannel('fronts');
    const nicknames = h.discord.addRole({
      name: 'pk-companion',
      position: 10,
      permissions: PermissionFlagsBits.ManageNicknames,
    });
    h.discord.giveRole(h.discord.botUser, nicknames.id);
    expect((await as(alice, 'announce channel', { channel: board.id })).content).toContain(`<#${board.id}>`);
    expect((await as(alice, 'frontsync server', { nickname: 'on' })).content).toContain(
      'Nicknames that follow the front: **on**',
    );
    expect((await as(bob, 'announce me', { state: 'on' })).content).toContain(`<#${board.id}>`);
    expect((await as(bob, 'frontsync me', { nickname: 'on' })).content).toContain(
      'Your nickname follows the front: **on**',
    );
  });
  afterAll(() => h.finish());

  it('/live setup, the signing token pasted in the form, and both of PluralKit’s setup PINGs pass', async () => {
    for (const [user, system] of [
      [bob, own()],
      [carol, other()],
    ] as const) {
      const { setup, reply, saved } = await setUpLive(h, system.systemUuid, user);
      expect(reply.ephemeral).toBe(true);
      expect(saved.content).toMatch(/Signing token kept, sealed/);
      expect(await setup.confirm()).toEqual({ saved: true, realStatus: 200, wrongStatus: 401 });
    }
    const pings = h.pk.dispatch.deliveries.filter((d) => d.type === 'PING').map((d) => d.status);
    expect(pings).toEqual([200, 401, 200, 401]);
    expect((await as(bob, 'live status')).content).toContain(`\`${own().systemId}\` are **on**`);
  });

  it('sends the reminder DM, posts one announcement, renames the user, and /fronters shows it at once', async () => {
    // A /fronters answer is cached now; the switch's event must drop it.
    expect((await as(bob, 'fronters')).embeds[0]?.description).not.toContain('Søren');
    const before = dms(bob).length;
    await logSwitchInPluralKit(h, own().token, [own().memberIds[5]!]);
    const dm = await h.discord.waitForDm(bob, (m) => m.content.includes('Stretch before the call'));
    expect(dm.content).toBe('🔔 **Søren** switched in:\n• Stretch before the call — **both** legs');
    expect(dms(bob)).toHaveLength(before + 1);
    expect(switchEvents(own().systemUuid).map((d) => d.status)).toEqual([200]);
    const card = await h.discord.waitFor(() => posts()[0], 20_000, 'the announcement');
    expect(card.embeds[0]?.title).toBe('Current fronter');
    expect(card.embeds[0]?.description).toContain('**Søren**');
    await nickBecomes(bob, NICK_SOREN);
    const shown = await as(bob, 'fronters');
    expect(shown.embeds[0]?.description).toContain('Søren');
    expect(posts(), 'announcements of one switch').toHaveLength(1);
  });

  it('a system that did not opt in gets its event read, and nothing posted, renamed or sent', async () => {
    const next = nthChangeOf(carol, 0);
    await logSwitchInPluralKit(h, other().token, [other().publicMemberIds[0]!]);
    const change = await next;
    expect(change.system.uuid).toBe(other().systemUuid);
    expect(switchEvents(other().systemUuid).map((d) => d.status)).toEqual([200]);
    const member = h.pk.state.members.get(change.current!.members[0]!.uuid)!;
    expect((await as(carol, 'fronters')).embeds[0]?.description).toContain(member.name);
    expect(posts(), 'announcements in the channel').toHaveLength(1);
    expect(h.discord.member(carol).nick).toBeNull();
    expect(dms(carol), 'a DM to a system without reminders').toEqual([]);
  });

  it('a burst of three switches is read once: one DM, one announcement and one rename, for where it ended', async () => {
    const reads = fronterReads(h);
    const before = dms(bob).length;
    const settled = nthChangeOf(bob, 1);
    for (const member of [7, 8, 6]) await logSwitchInPluralKit(h, own().token, [own().memberIds[member]!]);
    const change = await settled;
    expect(change.current?.members.map((m) => m.name)).toEqual(['Juniper']);
    await h.discord.waitForDm(bob, (m) => m.content.includes('Feed the cat'));
    await h.discord.waitFor(() => posts()[1], 20_000, 'the second announcement');
    await nickBecomes(bob, NICK_JUNIPER);
    await h.pk.dispatch.idle();
    expect(switchEvents(own().systemUuid).map((d) => d.status)).toEqual([200, 200, 200, 200]);
    expect(fronterReads(h) - reads, 'fronter reads for the burst').toBe(1);
    expect(
      dms(bob)
        .slice(before)
        .map((m) => m.content),
    ).toEqual(['🔔 **Juniper** switched in:\n• Feed the cat']);
    expect(posts().map((m) => m.embeds[0]?.description?.split('\n')[0])).toEqual([
      expect.stringContaining('**Søren**'),
      expect.stringContaining('**Juniper**'),
    ]);
    expect(rec.changes.filter((c) => c.userId === bob.id)).toHaveLength(2);
  });
});
