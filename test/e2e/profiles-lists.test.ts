import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { buttonOf, pageOf, selectOf } from './profiles-helpers.js';

const MembersRoute = 'GET /systems/{system_id}/members';

describe('/members: paging, cards and privacy', () => {
  let h: Harness;
  let large: { token: string; systemId: string };
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    large = generateLargeSystem(h.pk.state, { members: 2000, switches: 300 });
    await h.link(h.discord.users.carol, large.token);
  });
  afterAll(() => h.finish());

  const click = async (message: MessageState, action: string, user = h.discord.users.carol): Promise<MessageState> => {
    const reply = await h.dispatch(h.discord.button(buttonOf(message, action).custom_id, message, { user })).reply();
    assertWithinDiscordLimits(reply);
    return reply;
  };

  it('walks a 2,000-member system from the first page to the last and back, fetching the list once', async () => {
    const { carol } = h.discord.users;
    h.pk.stats.reset();
    let message = await h.command('members', {}, { user: carol }).reply();
    expect(message.ephemeral).toBe(true);
    expect(pageOf(message)).toEqual({ page: 1, pages: 100 });
    expect(message.embeds[0]?.footer?.text).toBe('Page 1/100 · 2000 members');
    expect(buttonOf(message, 'prev').disabled).toBe(true);
    const seen = new Set(selectOf(message).options.map((o) => o.value));
    for (let page = 2; page <= 100; page++) {
      message = await click(message, 'next');
      expect(pageOf(message).page).toBe(page);
      for (const option of selectOf(message).options) seen.add(option.value);
    }
    expect(seen.size).toBe(2000);
    expect(buttonOf(message, 'next').disabled).toBe(true);
    expect(buttonOf(message, 'last').disabled).toBe(true);
    for (let page = 99; page >= 1; page--) {
      message = await click(message, 'prev');
      expect(pageOf(message).page).toBe(page);
    }
    message = await click(message, 'last');
    expect(pageOf(message).page).toBe(100);
    message = await click(message, 'first');
    expect(pageOf(message).page).toBe(1);
    // 200 page turns, one member list from PluralKit (the client's cache answers the rest).
    expect(h.pk.stats.byRoute.get(MembersRoute)).toBe(1);
  });

  it('opens a member card from the select in the same message, and goes back to the same page', async () => {
    const { carol } = h.discord.users;
    let message = await h.command('members', {}, { user: carol, where: 'user-dm' }).reply();
    message = await click(message, 'next');
    const option = selectOf(message).options[3]!;
    const opened = h.dispatch(h.discord.select(selectOf(message).custom_id, [option.value], message, { user: carol }));
    const card = await opened.reply();
    expect((await opened.firstResponse()).type).toBe(7);
    expect(card.id).toBe(message.id);
    expect(card.embeds[0]?.footer?.text).toContain(`Member ID: ${option.value}`);
    expect([
      card.embeds[0]?.fields?.find((f) => f.name === 'Display name')?.value,
      card.embeds[0]?.author?.name?.split(' (')[0],
    ]).toContain(option.label);
    assertWithinDiscordLimits(card);
    const back = await click(card, 'back');
    expect(pageOf(back).page).toBe(2);
    expect(selectOf(back).options.map((o) => o.value)).toEqual(selectOf(message).options.map((o) => o.value));
  });

  it("tells another user the buttons aren't theirs, and leaves the list as it was", async () => {
    const { carol, bob } = h.discord.users;
    const command = h.command('members', { public: true }, { user: carol });
    const message = await command.reply();
    expect(message.ephemeral).toBe(false);
    const handle = h.dispatch(h.discord.button(buttonOf(message, 'next').custom_id, message, { user: bob }));
    const note = await handle.reply();
    expect(note.ephemeral).toBe(true);
    expect(note.content).toBe('These buttons belong to whoever ran `/members`. Run it yourself to get your own.');
    expect(command.original?.editCount).toBe(message.editCount);
    expect(pageOf(command.original!).page).toBe(1);
  });

  it('says an expired menu has expired and removes its buttons', async () => {
    const { carol } = h.discord.users;
    const message = await h.command('members', {}, { user: carol, where: 'bot-dm' }).reply();
    const [command, action, , arg] = buttonOf(message, 'next').custom_id.split(':');
    const stale = `${command}:${action}:gone00gone00:${arg}`;
    // A custom id whose session the bot no longer knows is not on the message: only a forged click carries it.
    const handle = h.dispatch(h.discord.forgeClick(stale, message, { user: carol }));
    await handle.waitFor(
      (r) =>
        r.followUps.length > 0 ||
        (r.original !== undefined && r.original.components.length === 0 && r.responses.length > 1),
    );
    const record = await handle.waitFor((r) => r.followUps.length > 0);
    expect(record.followUps[0]?.content).toBe('This menu has expired. Run `/members` again.');
    expect(record.original?.components).toEqual([]);
  });

  it('searches and sorts by last fronted, fronting members first', async () => {
    const searched = await h.command('members', { search: 'mina' }).reply();
    expect(searched.embeds[0]?.title).toBe('Members matching “mina”');
    expect(searched.embeds[0]?.description).toContain('**Mina (ミナ)**');
    const sorted = await h.command('members', { sort: 'last-fronted' }, { where: 'group-dm' }).reply();
    const lines = sorted.embeds[0]?.description?.split('\n') ?? [];
    // The sample's latest switch has three members.
    expect(lines.slice(0, 3).every((line) => line.endsWith('· fronting now'))).toBe(true);
    expect(lines[3]).toMatch(/last fronted <t:\d+:R>$/);
    assertWithinDiscordLimits(sorted);
  });

  it("shows your hidden members to you, but not another system's hidden members", async () => {
    const { own, other } = h.pk.sample;
    const mine = await h.command('members', {}).reply();
    expect(selectOf(mine).options.map((o) => o.value)).toContain(own.privateMemberId);
    const theirs = await h.command('members', { system: other.systemId }).reply();
    const shown = selectOf(theirs).options.map((o) => o.value);
    expect(shown.sort()).toEqual([...other.publicMemberIds].sort());
    for (const hidden of other.privateMemberIds) expect(theirs.embeds[0]?.description).not.toContain(hidden);
  });

  it('says clearly when a system keeps its member list private', async () => {
    const reply = await h
      .command('members', { system: h.pk.sample.frontPrivate.systemId }, { where: 'user-dm' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('That system keeps its member list private.');
  });

  it('falls back to name order when the front history is private, and says so', async () => {
    // The other system with its front history made private (its member list stays public).
    const system = h.pk.state.systemByHid(h.pk.sample.other.systemId)!;
    system.privacy.front_history_privacy = 'private';
    try {
      const reply = await h.command('members', { system: h.pk.sample.other.systemId, sort: 'last-fronted' }).reply();
      expect(reply.content).toBe('Sorted by name: that system keeps its front history private.');
      expect(reply.embeds[0]?.description?.split('\n')[0]).toContain('**Al**');
    } finally {
      system.privacy.front_history_privacy = 'public';
    }
  });
});
