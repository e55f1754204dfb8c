import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberName, sortedMembers } from '../../src/render/names.js';
import { startHarness, type Harness } from './harness.js';
import { readFrontChange } from './front-change-reads.js';

describe('/announce and front announcements', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const { alice, bob, carol } = h.discord.users;
    await h.link(alice, h.pk.sample.own.token);
    await h.link(bob, h.pk.sample.other.token);
    await h.link(carol, h.pk.sample.frontPrivate.token);
  });
  afterAll(() => h.finish());

  const posts = (channelId: string) => h.discord.channelMessages(channelId).filter((m) => m.author.bot === true);

  it('refuses a member without Manage Server, and saves nothing', async () => {
    const reply = await h
      .command('announce channel', { channel: h.discord.channel.id }, { user: h.discord.users.bob })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Manage Server/);
    expect((await h.command('announce status').reply()).content).toMatch(/no announcement channel/);
  });

  it('names the permission it lacks in another channel, read from the roles and overwrites over REST', async () => {
    const locked = h.discord.addChannel('no-embeds', [
      { id: h.discord.guild.id, type: 'role', deny: PermissionFlagsBits.EmbedLinks },
    ]);
    const reply = await h.command('announce channel', { channel: locked.id }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`I can't post in <#${locked.id}>: I'm missing **Embed Links**`);
    expect((await h.command('announce status').reply()).content).toMatch(/no announcement channel/);
  });

  it("names what is missing in the channel it was run in, from the interaction's app permissions", async () => {
    const quiet = h.discord.addChannel('read-only', [
      { id: h.discord.botUser.id, type: 'member', deny: PermissionFlagsBits.SendMessages },
    ]);
    const reply = await h.command('announce channel', { channel: quiet.id }, { channel: quiet }).reply();
    expect(reply.content).toContain('**Send Messages**');
    const rest = h.discord.requests.filter((r) => r.path.endsWith(`/channels/${quiet.id}`));
    expect(rest, 'no REST read for the channel the command came from').toEqual([]);
  });

  it('posts the fronter card of an opted-in system once per change, in the chosen channel', async () => {
    const board = h.discord.addChannel('fronts');
    expect((await h.command('announce channel', { channel: board.id }).reply()).content).toContain(`<#${board.id}>`);
    expect((await h.command('announce me', { state: 'on' }).reply()).content).toContain(`<#${board.id}>`);
    const change = await readFrontChange(h, h.discord.users.alice.id, h.pk.sample.own.token);
    await h.bot.frontChanges.publish(change);
    await h.bot.frontChanges.publish(change);
    const [card, ...more] = posts(board.id);
    expect(more, 'a second post for the same change').toEqual([]);
    expect(card?.embeds[0]?.title).toMatch(/^Current fronters?/);
    for (const member of sortedMembers(change.current!.members))
      expect(card?.embeds[0]?.description).toContain(memberName(member));
    expect((await h.command('announce status').reply()).content).toMatch(/are announced here/);
  });

  it('posts again for the next switch', async () => {
    const own = h.pk.state.systemByHid(h.pk.sample.own.systemId)!;
    const board = h.discord.guild.channels.find((c) => c.name === 'fronts')!;
    const before = posts(board.id).length;
    h.pk.state.addSwitch(
      own,
      h.pk.state
        .membersOf(own)
        .slice(0, 1)
        .map((m) => m.uuid),
    );
    await h.bot.frontChanges.publish(await readFrontChange(h, h.discord.users.alice.id, h.pk.sample.own.token));
    expect(posts(board.id)).toHaveLength(before + 1);
    expect(posts(board.id).at(-1)?.embeds[0]?.title).toBe('Current fronter');
  });

  it('posts nothing for a system that did not opt in, or whose front list is private', async () => {
    const board = h.discord.guild.channels.find((c) => c.name === 'fronts')!;
    const before = posts(board.id).length;
    const { bob, carol } = h.discord.users;
    await h.bot.frontChanges.publish(await readFrontChange(h, bob.id, h.pk.sample.other.token));
    expect((await h.command('announce me', { state: 'on' }, { user: carol }).reply()).content).toMatch(
      /unless your front list is private/,
    );
    const hidden = await readFrontChange(h, carol.id, h.pk.sample.frontPrivate.token);
    expect(hidden.frontIsPrivate).toBe(true);
    await h.bot.frontChanges.publish(hidden);
    expect(posts(board.id)).toHaveLength(before);
  });

  it('stops for a member who opts out, and for the whole server with /announce off', async () => {
    const board = h.discord.guild.channels.find((c) => c.name === 'fronts')!;
    const own = h.pk.state.systemByHid(h.pk.sample.own.systemId)!;
    const before = posts(board.id).length;
    await h.command('announce me', { state: 'off' }).reply();
    h.pk.state.addSwitch(
      own,
      h.pk.state
        .membersOf(own)
        .slice(1, 3)
        .map((m) => m.uuid),
    );
    await h.bot.frontChanges.publish(await readFrontChange(h, h.discord.users.alice.id, h.pk.sample.own.token));
    await h.command('announce me', { state: 'on' }).reply();
    expect((await h.command('announce off', {}, { user: h.discord.users.bob }).reply()).content).toMatch(
      /Manage Server/,
    );
    expect((await h.command('announce off').reply()).content).toMatch(/off in this server/);
    h.pk.state.addSwitch(
      own,
      h.pk.state
        .membersOf(own)
        .slice(0, 2)
        .map((m) => m.uuid),
    );
    await h.bot.frontChanges.publish(await readFrontChange(h, h.discord.users.alice.id, h.pk.sample.own.token));
    expect(posts(board.id)).toHaveLength(before);
  });

  it('answers only in servers', async () => {
    const reply = await h.command('announce status', {}, { where: 'bot-dm' }).reply();
    expect(reply.content).toMatch(/only works in a server/);
  });
});
