import type { APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrontChange } from '../../src/live/front-change.js';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

/**
 * Logs a switch in PluralKit (the stand-in's API, through the bot's own client and its limiter), reading the
 * front before and after and the system: the FrontChange the live pipeline would publish.
 */
async function logSwitch(h: Harness, user: APIUser, token: string, members: readonly string[]): Promise<FrontChange> {
  const pk = h.bot.ctx.pluralkit;
  const before = await pk.getFronters('@me', { token, fresh: true });
  await pk.createSwitch('@me', { members: [...members] }, { token });
  const [current, system] = await Promise.all([
    pk.getFronters('@me', { token, fresh: true }),
    pk.getSystem('@me', { token }),
  ]);
  return {
    userId: user.id,
    system,
    current: current ?? undefined,
    previousMemberUuids: before?.members.map((member) => member.uuid),
    frontIsPrivate: system.privacy?.front_privacy === 'private',
    at: new Date(),
  };
}

async function startLinked(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  await h.link(h.discord.users.alice, h.pk.sample.own.token);
  return h;
}

describe('reminders when a member switches in', () => {
  let h: Harness;
  let ids: Record<'ash' | 'emile' | 'kai' | 'juniper', string>;
  const dms = (user: APIUser): MessageState[] => h.discord.channelMessages(h.discord.dmChannel(user).id);
  const remind = async (member: string, note: string, user = h.discord.users.alice) =>
    expect((await h.command('remind add', { member, note }, { user }).reply()).content).toMatch(/^✅/);

  beforeAll(async () => {
    h = await startLinked();
    const m = h.pk.sample.own.memberIds;
    ids = { ash: m[0]!, emile: m[1]!, kai: m[2]!, juniper: m[6]! };
    await remind(ids.kai, 'Meds at 9 — **the blue ones**');
    await remind(ids.kai, 'Ping @everyone and <@' + h.discord.users.bob.id + '> about the trip');
    await remind(ids.juniper, 'Feed the cat');
    await remind(ids.emile, 'Journal tonight');
  });
  afterAll(() => h.finish({ invalidRequests: 1 }));

  it('is wired into the bot as the remind listener', () => {
    expect(h.bot.frontChanges.names).toContain('remind');
  });

  it('sends nothing when no one who switched in has reminders', async () => {
    const before = dms(h.discord.users.alice).length;
    await h.bot.frontChanges.publish(await logSwitch(h, h.discord.users.alice, h.pk.sample.own.token, [ids.ash]));
    expect(dms(h.discord.users.alice)).toHaveLength(before);
  });

  it('DMs every note of everyone who switched in, in one message that pings no one', async () => {
    const alice = h.discord.users.alice;
    const before = dms(alice).length;
    const change = await logSwitch(h, alice, h.pk.sample.own.token, [ids.ash, ids.kai, ids.juniper]);
    await h.bot.frontChanges.publish(change);
    const sent = dms(alice).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.content).toBe(
      [
        '🔔 **Kai 🌊** switched in:',
        '• Meds at 9 — **the blue ones**',
        `• Ping @everyone and <@${h.discord.users.bob.id}> about the trip`,
        '',
        '🔔 **Juniper** switched in:',
        '• Feed the cat',
      ].join('\n'),
    );
    const post = h.discord.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/${sent[0]!.channelId}/messages`),
    );
    expect(post.at(-1)!.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('sends nothing more when the same change is published again', async () => {
    const alice = h.discord.users.alice;
    await logSwitch(h, alice, h.pk.sample.own.token, []);
    const before = dms(alice).length;
    const change = await logSwitch(h, alice, h.pk.sample.own.token, [ids.juniper]);
    await h.bot.frontChanges.publish(change);
    expect(
      dms(alice)
        .slice(before)
        .map((m) => m.content),
    ).toEqual(['🔔 **Juniper** switched in:\n• Feed the cat']);
    await h.bot.frontChanges.publish(change);
    await h.bot.frontChanges.publish({ ...change, at: new Date() });
    expect(dms(alice)).toHaveLength(before + 1);
  });

  it('leaves out members who were already fronting', async () => {
    const alice = h.discord.users.alice;
    await h.bot.frontChanges.publish(await logSwitch(h, alice, h.pk.sample.own.token, [ids.kai]));
    const before = dms(alice).length;
    await h.bot.frontChanges.publish(await logSwitch(h, alice, h.pk.sample.own.token, [ids.kai, ids.emile]));
    const sent = dms(alice).slice(before);
    expect(sent.map((m) => m.content)).toEqual(['🔔 **Émile** switched in:\n• Journal tonight']);
  });

  it('reminds for a private front too: a DM is private', async () => {
    const bob = h.discord.users.bob;
    const frontPrivate = h.pk.sample.frontPrivate;
    await h.link(bob, frontPrivate.token);
    const member = frontPrivate.memberIds[0]!;
    await remind(member, 'Private note', bob);
    await logSwitch(h, bob, frontPrivate.token, []);
    const change = await logSwitch(h, bob, frontPrivate.token, [member]);
    expect(change.frontIsPrivate).toBe(true);
    await h.bot.frontChanges.publish(change);
    expect(dms(bob).at(-1)!.content).toMatch(/ switched in:\n• Private note$/);
  });

  it('logs a user whose DMs are closed, without throwing or trying that switch again', async () => {
    const carol = h.discord.users.carol;
    const other = h.pk.sample.other;
    await h.link(carol, other.token);
    const member = other.memberIds[0]!;
    await remind(member, 'Stretch', carol);
    h.discord.closeDms(carol);
    await logSwitch(h, carol, other.token, []);
    const change = await logSwitch(h, carol, other.token, [member]);
    await expect(h.bot.frontChanges.publish(change)).resolves.toBeUndefined();
    await h.bot.frontChanges.publish(change);
    expect(dms(carol)).toEqual([]);
    expect(h.logs.filter((line) => line.includes('reminder not sent: the user does not accept DMs'))).toHaveLength(1);
    expect(h.logs.some((line) => line.includes('front change listener failed'))).toBe(false);
  });
});

describe('reminders from a bot without a gateway (--role http)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startLinked({ transport: 'http' });
  });
  afterAll(() => h.finish());

  it('opens the DM and sends the note over REST alone', async () => {
    const alice = h.discord.users.alice;
    const kai = h.pk.sample.own.memberIds[2]!;
    expect((await h.command('remind add', { member: kai, note: 'Over HTTP' }).reply()).content).toMatch(/^✅/);
    await logSwitch(h, alice, h.pk.sample.own.token, []);
    await h.bot.frontChanges.publish(await logSwitch(h, alice, h.pk.sample.own.token, [kai]));
    const sent = h.discord.channelMessages(h.discord.dmChannel(alice).id);
    expect(sent.map((m) => m.content)).toEqual(['🔔 **Kai 🌊** switched in:\n• Over HTTP']);
    expect(h.discord.gateway.identifyCount).toBe(0);
  });
});
