import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';
import { buttonOf, pageOf, selectOf } from './profiles-helpers.js';

const wheres = ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const;

describe('/groups and /group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    const large = generateLargeSystem(h.pk.state, { members: 300, switches: 20 });
    const system = h.pk.state.systemByHid(large.systemId)!;
    const uuids = h.pk.state.membersOf(system).map((m) => m.uuid);
    h.pk.state.addGroup(system, { name: 'Everyone', memberUuids: uuids });
    for (let i = 0; i < 30; i++)
      h.pk.state.addGroup(system, {
        name: `Team ${String(i + 1).padStart(2, '0')}`,
        memberUuids: uuids.slice(i, i + 5),
      });
    for (const name of ['Twin', 'twin']) h.pk.state.addGroup(system, { name });
    for (const name of ['Echo', 'ECHO']) h.pk.state.addMember(system, { name });
    await h.link(h.discord.users.carol, large.token);
  });
  afterAll(() => h.finish());

  const click = async (message: MessageState, action: string, user = h.discord.users.carol): Promise<MessageState> => {
    const reply = await h.dispatch(h.discord.button(buttonOf(message, action).custom_id, message, { user })).reply();
    assertWithinDiscordLimits(reply);
    return reply;
  };
  const choose = async (message: MessageState, value: string, user = h.discord.users.alice): Promise<MessageState> => {
    const reply = await h.dispatch(h.discord.select(selectOf(message).custom_id, [value], message, { user })).reply();
    assertWithinDiscordLimits(reply);
    return reply;
  };

  for (const where of wheres) {
    it(`lists your groups privately, the hidden one too, with member counts (${where})`, async () => {
      const { own } = h.pk.sample;
      const reply = await h.command('groups', {}, { where }).reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.embeds[0]?.footer?.text).toBe(`Page 1/1 · ${own.groupIds.length} groups`);
      expect(
        selectOf(reply)
          .options.map((o) => o.value)
          .sort(),
      ).toEqual([...own.groupIds].sort());
      expect(reply.embeds[0]?.description).toContain('**Protectors 🛡️** (4 members)');
      assertWithinDiscordLimits(reply);
    });
  }

  it('opens a group card from the select and goes back to the list', async () => {
    const list = await h.command('groups', {}).reply();
    const option = selectOf(list).options.find((o) => o.label === 'Night Shift 🌙')!;
    const card = await choose(list, option.value);
    expect(card.id).toBe(list.id);
    expect(card.embeds[0]?.author?.name).toBe('Night Shift 🌙 (The Lantern Collective 🏮)');
    expect(card.embeds[0]?.fields?.find((f) => f.name.startsWith('Members'))?.name).toBe('Members (4)');
    const list2 = await h.dispatch(h.discord.button(buttonOf(card, 'back').custom_id, card)).reply();
    expect(list2.embeds[0]?.title).toBe('Groups');
    expect(list2.content).toBe('');
  });

  it('pages a long group list and says when a group list is private', async () => {
    const { carol } = h.discord.users;
    let message = await h.command('groups', {}, { user: carol, where: 'user-dm' }).reply();
    expect(pageOf(message)).toEqual({ page: 1, pages: 2 });
    message = await click(message, 'next');
    expect(pageOf(message)).toEqual({ page: 2, pages: 2 });
    message = await click(message, 'first');
    expect(pageOf(message).page).toBe(1);
    const hidden = await h.command('groups', { system: h.pk.sample.frontPrivate.systemId }).reply();
    expect(hidden.content).toBe('That system keeps its group list private.');
  });

  it("lists another system's public groups only", async () => {
    const { other } = h.pk.sample;
    const reply = await h.command('groups', { system: other.systemId }, { where: 'bot-dm' }).reply();
    expect(
      selectOf(reply)
        .options.map((o) => o.label)
        .sort(),
    ).toEqual(['Inner Circle', 'Navigators']);
  });

  for (const where of wheres) {
    it(`shows a group card by name, any case, with its members (${where})`, async () => {
      const reply = await h.command('group', { group: 'protectors' }, { where }).reply();
      const [embed] = reply.embeds;
      expect(reply.ephemeral).toBe(true);
      expect(embed?.author?.name).toBe('Protectors (The Lantern Collective 🏮)');
      expect(embed?.fields?.find((f) => f.name === 'Display name')?.value).toBe('Protectors 🛡️');
      expect(embed?.footer?.text).toMatch(/^System ID: [A-Z]{5} · Group ID: [A-Z]{6}$/);
      expect(embed?.description).toBe('Handles the hard days.');
      const members = embed?.fields?.find((f) => f.name === 'Members (4)')?.value ?? '';
      for (const name of ['Ash 🔥', '???', 'Theo']) expect(members).toContain(name);
      assertWithinDiscordLimits(reply);
    });
  }

  it("says when another system keeps a group's member list private, and still shows the group", async () => {
    const { other } = h.pk.sample;
    const reply = await h.command('group', { group: other.privateListGroupId, system: other.systemId }).reply();
    expect(reply.embeds[0]?.author?.name).toBe('Inner Circle (The Starlight Crew ⭐)');
    expect(reply.content).toBe("That system keeps this group's member list private.");
    expect(reply.embeds[0]?.fields?.some((f) => f.name.startsWith('Members'))).toBe(false);
  });

  it('says which group was not found', async () => {
    const reply = await h.command('group', { group: 'No Such Group' }).reply();
    expect(reply.content).toBe('No group “No Such Group” found.');
  });

  it('pages through a big group from its card, opens a member, and goes back', async () => {
    const { carol } = h.discord.users;
    const card = await h.command('group', { group: 'everyone' }, { user: carol }).reply();
    expect(card.embeds[0]?.fields?.find((f) => f.name === 'Members (300)')?.value).toMatch(/\(\d+ more\)$/);
    let list = await click(card, 'members');
    expect(list.embeds[0]?.title).toBe('Members of Everyone');
    expect(pageOf(list)).toEqual({ page: 1, pages: 15 });
    list = await click(list, 'last');
    expect(pageOf(list).page).toBe(15);
    const option = selectOf(list).options[0]!;
    const member = await h
      .dispatch(h.discord.select(selectOf(list).custom_id, [option.value], list, { user: carol }))
      .reply();
    expect(member.embeds[0]?.footer?.text).toContain(option.value);
    const back = await click(member, 'back');
    expect(pageOf(back).page).toBe(15);
  });

  it('asks for the id when a typed name fits several groups or members', async () => {
    const { carol } = h.discord.users;
    const groups = await h.command('group', { group: 'TWIN' }, { user: carol }).reply();
    expect(groups.content).toMatch(
      /^Several groups are called “TWIN” \(`[a-z]+`, `[a-z]+`\)\. Use the id of the one you mean\.$/,
    );
    const members = await h.command('member', { member: 'echo' }, { user: carol }).reply();
    expect(members.content).toMatch(
      /^Several members are called “echo” \(`[a-z]+`, `[a-z]+`\)\. Use the id of the one you mean\.$/,
    );
  });

  it('autocompletes your groups by name or id, and the public groups of a named system', async () => {
    const { own, other } = h.pk.sample;
    const mine = h.dispatch(h.discord.autocomplete('group', { group: 'cre' }, 'group'));
    await mine.waitFor((r) => r.choices !== undefined);
    expect(mine.choices?.map((c) => c.name)).toEqual([expect.stringMatching(/^Creatives 🎨 \([a-z]+\)$/)]);
    const hidden = h.dispatch(h.discord.autocomplete('group', { group: own.hiddenGroupId }, 'group'));
    await hidden.waitFor((r) => r.choices !== undefined);
    expect(hidden.choices?.map((c) => c.value)).toEqual([own.hiddenGroupId]);
    const theirs = h.dispatch(h.discord.autocomplete('group', { group: '', system: other.systemId }, 'group'));
    await theirs.waitFor((r) => r.choices !== undefined);
    expect(theirs.choices?.map((c) => c.value).sort()).toEqual([...other.groupIds].sort());
  });
});
