import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { call } from '../../stand-ins/pluralkit/test-client.js';
import { startHarness, type Harness } from './harness.js';

const wheres = ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const;
const field = (reply: { embeds: { fields?: { name: string; value: string }[] }[] }, name: string) =>
  reply.embeds[0]?.fields?.find((f) => f.name === name)?.value;

describe('/system and /member cards', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  for (const where of wheres) {
    it(`shows your own system card privately, counting hidden members (${where})`, async () => {
      const { own } = h.pk.sample;
      const reply = await h.command('system', {}, { where }).reply();
      const [embed] = reply.embeds;
      expect(reply.ephemeral).toBe(true);
      expect(embed?.title).toBe('The Lantern Collective 🏮');
      // The sample system asks for ids in capitals (hid_display_caps).
      expect(embed?.footer?.text).toBe(`System ID: ${own.systemId.toUpperCase()}`);
      expect(embed?.fields?.[0]?.name).toBe('Fronters');
      expect(embed?.fields?.[0]?.value).toBe('**???**, **Ash 🔥**, **Kai 🌊**');
      expect(field(reply, 'Members')).toBe(String(own.memberIds.length));
      expect(field(reply, 'Groups')).toBe(String(own.groupIds.length));
      expect(field(reply, 'Pronouns')).toBe('they/them (ask the fronter)');
      expect(field(reply, 'Created')).toMatch(/^<t:\d+:D>$/);
      expect(embed?.thumbnail?.url).toContain('lantern-collective');
      expect(embed?.image?.url).toContain('banners/lantern-collective');
      assertWithinDiscordLimits(reply);
    });
  }

  it('shares your card with the channel when you ask for public', async () => {
    const reply = await h.command('system', { public: true }).reply();
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe('The Lantern Collective 🏮');
  });

  it('counts only the public members of another system, and sends no token for it', async () => {
    const { other } = h.pk.sample;
    const reply = await h.command('system', { system: other.systemId }).reply();
    expect(reply.embeds[0]?.title).toBe('The Starlight Crew ⭐');
    expect(field(reply, 'Members')).toBe(String(other.publicMemberIds.length));
    expect(reply.embeds[0]?.fields?.[0]).toEqual({ name: 'Fronters', value: '**Deb**, **Vega**', inline: false });
    const lookups = h.pk.requests.filter((r) => r.path.startsWith(`/v2/systems/${other.systemId}`));
    expect(lookups.every((r) => r.authorization === 'none')).toBe(true);
  });

  it('leaves out the counts of a system whose lists are private, and still shows its card', async () => {
    const reply = await h
      .command('system', { system: h.pk.sample.frontPrivate.systemId }, { where: 'user-dm' })
      .reply();
    expect(reply.embeds[0]?.title).toBe('Quiet Harbor');
    expect(field(reply, 'Members')).toBeUndefined();
    expect(field(reply, 'Groups')).toBeUndefined();
    // Its front is private too: the card simply has no fronters field.
    expect(reply.embeds[0]?.fields?.some((f) => f.name.startsWith('Fronter'))).toBe(false);
    assertWithinDiscordLimits(reply);
  });

  it("shows a Discord user's system, and says when a system does not exist", async () => {
    const { bob } = h.discord.users;
    h.pk.state.linkAccount(h.pk.state.systemByHid(h.pk.sample.other.systemId)!, bob.id);
    const byUser = await h.command('system', { user: bob.id }).reply();
    expect(byUser.embeds[0]?.footer?.text).toBe(`System ID: ${h.pk.sample.other.systemId}`);
    const unknown = await h.command('system', { system: 'zzzzz' }).reply();
    expect(unknown.content).toContain("PluralKit doesn't know a system `zzzzz`");
  });

  it('shows every card even where PluralKit holds URLs Discord would refuse, placing only cleaned ones', async () => {
    const { own, other } = h.pk.sample;
    const thumbnails = new Map<string, string | undefined>();
    for (const id of own.memberIds) {
      const reply = await h.command('member', { member: id }).reply();
      expect(reply.embeds, id).toHaveLength(1);
      assertWithinDiscordLimits(reply);
      thumbnails.set(reply.embeds[0]!.author!.name.split(' (')[0]!, reply.embeds[0]!.thumbnail?.url);
    }
    expect(thumbnails.get('Theo')).toBe('https://images.example.org/pk/avatars/theo.png');
    expect(thumbnails.get('Juniper')).toBe('https://images.example.org/pk/avatars/juniper%20and%20co.png');
    expect(thumbnails.get('Li Wei 李伟')).toBeUndefined();
    const core = await h.command('group', { group: own.hiddenGroupId }).reply();
    expect(core.embeds[0]?.thumbnail?.url).toBe('https://images.example.org/pk/icons/core%20icon.png');
    expect(core.embeds[0]?.image).toBeUndefined();
    for (const command of ['system', 'fronters', 'members', 'groups', 'switches'] as const) {
      const reply = await h.command(command, { system: other.systemId }).reply();
      expect(reply.embeds, command).toHaveLength(1);
    }
    const card = await h.command('system', { system: other.systemId }).reply();
    expect(card.embeds[0]?.thumbnail?.url).toBe('https://images.example.org/pk/avatars/starlight.png');
  });

  it('asks an unlinked user to link, or to name a system', async () => {
    const reply = await h.command('system', {}, { user: h.discord.users.carol }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/haven't linked/);
  });

  for (const where of wheres) {
    it(`shows a member card by name, any case, with groups and last fronted (${where})`, async () => {
      const reply = await h.command('member', { member: 'ash' }, { where }).reply();
      const [embed] = reply.embeds;
      expect(reply.ephemeral).toBe(true);
      expect(embed?.title).toBeUndefined();
      expect(embed?.author?.name).toBe('Ash (The Lantern Collective 🏮)');
      expect(field(reply, 'Display name')).toBe('Ash 🔥');
      expect(field(reply, 'Name')).toBeUndefined();
      expect(field(reply, 'Pronouns')).toBe('they/them');
      expect(field(reply, 'Birthday')).toBe('Mar 14, 1998');
      expect(field(reply, 'Proxy tags')).toBe('`a:text`');
      // Ash is in the latest switch of the sample history.
      expect(field(reply, 'Last fronted')).toBe('Fronting now');
      expect(embed?.fields?.find((f) => f.name.startsWith('Groups'))?.name).toBe('Groups (3)');
      expect(embed?.author?.name).toContain('The Lantern Collective');
      assertWithinDiscordLimits(reply);
    });
  }

  it('finds a member by id in any display form, by UUID, and by display name', async () => {
    const { own } = h.pk.sample;
    const id = own.memberIds[1]!;
    const display = `${id.slice(0, 3)}-${id.slice(3)}`.toUpperCase();
    expect((await h.command('member', { member: display }).reply()).embeds[0]?.author?.name).toBe(
      'Émile (The Lantern Collective 🏮)',
    );
    expect((await h.command('member', { member: own.memberUuids[1]! }).reply()).embeds[0]?.author?.name).toBe(
      'Émile (The Lantern Collective 🏮)',
    );
    expect((await h.command('member', { member: 'mina (ミナ)' }).reply()).embeds[0]?.footer?.text).toContain(
      own.memberIds[3]!.toUpperCase(),
    );
  });

  it('shows your hidden member to you, marked hidden', async () => {
    const reply = await h.command('member', { member: h.pk.sample.own.privateMemberId }).reply();
    expect(reply.embeds[0]?.author?.name).toBe('Cipher (The Lantern Collective 🏮)');
    expect(field(reply, 'Display name')).toBe('???');
    expect(reply.embeds[0]?.description).toContain('(this member is hidden)');
  });

  it("shows only what PluralKit makes public of another system's member", async () => {
    const { other } = h.pk.sample;
    const lyra = other.publicMemberIds[2]!;
    const reply = await h.command('member', { member: 'Lyra', system: other.systemId }, { where: 'group-dm' }).reply();
    const [embed] = reply.embeds;
    expect(embed?.footer?.text).toContain(lyra);
    expect(embed?.description).toBeUndefined();
    expect(field(reply, 'Birthday')).toBeUndefined();
    expect(field(reply, 'Proxy tags')).toBeUndefined();
    expect(field(reply, 'Pronouns')).toBe('they/them');
  });

  it('says which member was not found, and refuses a member of another system', async () => {
    const missing = await h.command('member', { member: 'Nobody Here' }).reply();
    expect(missing.ephemeral).toBe(true);
    expect(missing.content).toBe('No member “Nobody Here” found.');
    const elsewhere = await h.command('member', { member: h.pk.sample.other.publicMemberIds[0]! }).reply();
    expect(elsewhere.content).toBe(
      `“${h.pk.sample.other.publicMemberIds[0]!}” is a member of another system (\`${h.pk.sample.other.systemId}\`). To see it, add \`system: ${h.pk.sample.other.systemId}\`.`,
    );
  });

  it('looks members of a system with a private list up by id only, and says so for names', async () => {
    const { frontPrivate } = h.pk.sample;
    const byName = await h.command('member', { member: 'Tide', system: frontPrivate.systemId }).reply();
    expect(byName.content).toContain('keeps its member list private, so I can only find its members by id');
    const byId = await h
      .command('member', { member: frontPrivate.memberIds[1]!, system: frontPrivate.systemId })
      .reply();
    expect(byId.embeds[0]?.author?.name).toBe('Tide (Quiet Harbor)');
    // Front history is private there: no "Last fronted" rather than a failed card.
    expect(field(byId, 'Last fronted')).toBeUndefined();
  });

  it('autocompletes your members by name, display name or id, hidden ones included', async () => {
    const { own } = h.pk.sample;
    const byName = h.dispatch(h.discord.autocomplete('member', { member: 'émi' }, 'member'));
    await byName.waitFor((r) => r.choices !== undefined);
    expect(byName.choices?.map((c) => c.value)).toContain(own.memberIds[1]);
    const hidden = h.dispatch(h.discord.autocomplete('member', { member: '???' }, 'member'));
    await hidden.waitFor((r) => r.choices !== undefined);
    expect(hidden.choices?.map((c) => c.value)).toEqual([own.privateMemberId]);
    const public_ = h.dispatch(
      h.discord.autocomplete('member', { member: '', system: h.pk.sample.other.systemId }, 'member'),
    );
    await public_.waitFor((r) => r.choices !== undefined);
    const oracle = await call(h.pk.url, `/systems/${h.pk.sample.other.systemId}/members`);
    expect(public_.choices?.map((c) => c.value).sort()).toEqual(
      (oracle.json as { id: string }[]).map((m) => m.id).sort(),
    );
  });
});
