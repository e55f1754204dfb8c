/**
 * Live fronting as a user meets it, end to end: the real bot and discord.js client on the Discord stand-in,
 * PluralKit's stand-in delivering its signed events over HTTP. Nothing is published by hand: every change
 * here starts as a switch logged through PluralKit's API.
 */
import type { APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import type { DispatchDelivery } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';
import { fronterReads, liveHarnessOptions, logSwitchInPluralKit, recordChanges, setUpLive } from './live-support.js';

// Twice the default window: the three switches of a burst must land inside one, on a loaded machine too.
const CoalesceMs = '2000';

describe('a switch logged in PluralKit reaches everything that follows the front', () => {
  let h: Harness;
  let rec: ReturnType<typeof recordChanges>;
  let alice: APIUser;
  let bob: APIUser;
  const own = () => h.pk.sample.own;
  const other = () => h.pk.sample.other;
  const dms = (user: APIUser): MessageState[] => h.discord.channelMessages(h.discord.dmChannel(user).id);
  const switchEvents = (systemUuid: string): DispatchDelivery[] =>
    h.pk.dispatch.deliveries.filter((d) => d.type === 'CREATE_SWITCH' && d.systemUuid === systemUuid);
  /** Waits for the bot to publish the change of `user`'s system that follows `count` earlier ones. */
  const nthChangeOf = async (user: APIUser, count: number) => {
    const of = () => rec.changes.filter((change) => change.userId === user.id);
    while (of().length <= count) await rec.next();
    return of()[count]!;
  };

  beforeAll(async () => {
    h = await startHarness(liveHarnessOptions({ LIVE_COALESCE_MS: CoalesceMs }));
    ({ alice, bob } = h.discord.users);
    await h.link(alice, own().token);
    await h.link(bob, other().token);
    rec = recordChanges(h);
    for (const [member, note] of [
      [5, 'Stretch before the call — **both** legs'],
      [6, 'Feed the cat'],
    ] as const) {
      const added = await h.command('remind add', { member: own().memberIds[member]!, note }).reply();
      expect(added.content).toMatch(/^✅/);
    }
  });
  afterAll(() => h.finish());

  it('/live setup, the signing token pasted in the form, and both of PluralKit’s setup PINGs pass', async () => {
    for (const [user, system] of [
      [alice, own()],
      [bob, other()],
    ] as const) {
      const { setup, reply, saved } = await setUpLive(h, system.systemUuid, user);
      expect(reply.ephemeral).toBe(true);
      expect(saved.content).toMatch(/Signing token kept, sealed/);
      expect(await setup.confirm()).toEqual({ saved: true, realStatus: 200, wrongStatus: 401 });
    }
    const pings = h.pk.dispatch.deliveries.filter((d) => d.type === 'PING').map((d) => d.status);
    expect(pings).toEqual([200, 401, 200, 401]);
    expect((await h.command('live status').reply()).content).toContain(`\`${own().systemId}\` are **on**`);
  });

  it('sends the reminder DM with its note, and /fronters shows the new front at once', async () => {
    // A /fronters answer is cached now; the switch's event must drop it.
    expect((await h.command('fronters').reply()).embeds[0]?.description).not.toContain('Søren');
    const before = dms(alice).length;
    await logSwitchInPluralKit(h, own().token, [own().memberIds[5]!]);
    const dm = await h.discord.waitForDm(alice, (m) => m.content.includes('Stretch before the call'));
    expect(dm.content).toBe('🔔 **Søren** switched in:\n• Stretch before the call — **both** legs');
    expect(dms(alice)).toHaveLength(before + 1);
    expect(switchEvents(own().systemUuid).map((d) => d.status)).toEqual([200]);
    const shown = await h.command('fronters').reply();
    expect(shown.embeds[0]?.description).toContain('Søren');
    expect(shown.embeds[0]?.title).toBe('Current fronter');
  });

  it('a system without reminders gets its event delivered and its front read, and nothing sent', async () => {
    const next = nthChangeOf(bob, 0);
    await logSwitchInPluralKit(h, other().token, [other().publicMemberIds[0]!]);
    const change = await next;
    expect(change.system.uuid).toBe(other().systemUuid);
    expect(switchEvents(other().systemUuid).map((d) => d.status)).toEqual([200]);
    const member = h.pk.state.members.get(change.current!.members[0]!.uuid)!;
    expect((await h.command('fronters', {}, { user: bob }).reply()).embeds[0]?.description).toContain(member.name);
    expect(dms(bob), 'a DM to a system without reminders').toEqual([]);
  });

  it('a burst of three switches is read once: one reminder DM, for the front it ended on', async () => {
    const reads = fronterReads(h);
    const before = dms(alice).length;
    const settled = nthChangeOf(alice, 1);
    for (const member of [7, 8, 6]) await logSwitchInPluralKit(h, own().token, [own().memberIds[member]!]);
    const change = await settled;
    expect(change.current?.members.map((m) => m.name)).toEqual(['Juniper']);
    await h.discord.waitForDm(alice, (m) => m.content.includes('Feed the cat'));
    await h.pk.dispatch.idle();
    expect(switchEvents(own().systemUuid).map((d) => d.status)).toEqual([200, 200, 200, 200]);
    expect(fronterReads(h) - reads, 'fronter reads for the burst').toBe(1);
    expect(
      dms(alice)
        .slice(before)
        .map((m) => m.content),
    ).toEqual(['🔔 **Juniper** switched in:\n• Feed the cat']);
    expect(rec.changes.filter((c) => c.userId === alice.id)).toHaveLength(2);
  });
});
