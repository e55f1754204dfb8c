import {
  DiscordAPIError,
  PermissionFlagsBits,
  Routes,
  type APIGuild,
  type APIGuildMember,
  type APITextChannel,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { useStandInClient } from './client-fixture.js';

const world = useStandInClient({ client: { rest: { retries: 0 } } });

/** The Discord error code a REST call fails with. */
const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: unknown) => (error instanceof DiscordAPIError ? error.code : String(error)),
  );

describe('guilds, members and roles as Discord serves them', () => {
  it('serves the guild with its roles, and members with their roles and nickname', async () => {
    const { standIn, bot } = world;
    const guild = (await bot.client.rest.get(Routes.guild(standIn.guild.id))) as APIGuild;
    expect(guild.owner_id).toBe(standIn.users.alice.id);
    expect(guild.roles.map((r) => r.id)).toContain(standIn.guild.id);
    expect('members' in guild, 'REST guilds have no member list').toBe(false);
    const member = (await bot.client.rest.get(
      Routes.guildMember(standIn.guild.id, standIn.users.bob.id),
    )) as APIGuildMember;
    expect(member).toMatchObject({ nick: null, roles: [] });
    expect(await codeOf(bot.client.rest.get(Routes.guildMember(standIn.guild.id, '1')))).toBe(10007);
    expect(await codeOf(bot.client.rest.get(Routes.guild('1')))).toBe(10004);
  });

  it('refuses nicknames and roles without the permission, above the bot, of the owner, or over 32 characters', async () => {
    const { standIn, bot } = world;
    const { bob, alice } = standIn.users;
    const nick = (user: string, value: string | null) =>
      codeOf(bot.client.rest.patch(Routes.guildMember(standIn.guild.id, user), { body: { nick: value } }));
    const low = standIn.addRole({ name: 'Low', position: 1 });
    expect(await nick(bob.id, 'Ash')).toBe(50013);
    expect(await codeOf(bot.client.rest.put(Routes.guildMemberRole(standIn.guild.id, bob.id, low.id)))).toBe(50013);
    const botRole = standIn.addRole({
      name: 'Bot',
      position: 5,
      permissions: PermissionFlagsBits.ManageNicknames | PermissionFlagsBits.ManageRoles,
    });
    standIn.giveRole(standIn.botUser, botRole.id);
    expect(await nick(bob.id, 'Ash | Ember')).toBe('ok');
    expect(standIn.member(bob).nick).toBe('Ash | Ember');
    expect(await nick(bob.id, 'x'.repeat(33))).toBe(50035);
    expect(await nick(alice.id, 'Owner')).toBe(50013);
    expect(await codeOf(bot.client.rest.put(Routes.guildMemberRole(standIn.guild.id, bob.id, low.id)))).toBe('ok');
    expect(standIn.member(bob).roles).toContain(low.id);
    expect(await codeOf(bot.client.rest.delete(Routes.guildMemberRole(standIn.guild.id, bob.id, low.id)))).toBe('ok');
    expect(standIn.member(bob).roles).not.toContain(low.id);
    const high = standIn.addRole({ name: 'High', position: 9 });
    const managed = standIn.addRole({ name: 'Boosters', position: 2, managed: true });
    expect(await codeOf(bot.client.rest.put(Routes.guildMemberRole(standIn.guild.id, bob.id, high.id)))).toBe(50013);
    expect(await codeOf(bot.client.rest.put(Routes.guildMemberRole(standIn.guild.id, bob.id, managed.id)))).toBe(50013);
    standIn.giveRole(bob, high.id);
    expect(await nick(bob.id, 'Above me'), 'a member above the bot').toBe(50013);
  });

  it('refuses a message where the bot may not see, send or embed', async () => {
    const { standIn, bot } = world;
    const everyone = standIn.guild.id;
    const post = (channel: string, body: object) =>
      codeOf(bot.client.rest.post(Routes.channelMessages(channel), { body }));
    const hidden = standIn.addChannel('hidden', [
      { id: everyone, type: 'role', deny: PermissionFlagsBits.ViewChannel },
    ]);
    const muted = standIn.addChannel('muted', [{ id: everyone, type: 'role', deny: PermissionFlagsBits.SendMessages }]);
    const plain = standIn.addChannel('plain', [{ id: everyone, type: 'role', deny: PermissionFlagsBits.EmbedLinks }]);
    expect(await post(hidden.id, { content: 'hi' })).toBe(50001);
    expect(await post(muted.id, { content: 'hi' })).toBe(50013);
    expect(await post(plain.id, { content: 'hi' })).toBe('ok');
    expect(await post(plain.id, { embeds: [{ title: 'card' }] })).toBe(50013);
  });

  it('sends the permissions Discord computes with a guild interaction', () => {
    const { standIn } = world;
    const muted = standIn.guild.channels.find((c) => c.name === 'muted')!;
    const payload = standIn.chatInput('x', {}, { user: standIn.users.bob, channel: muted as APITextChannel });
    const member = BigInt(payload.member!.permissions);
    expect(member & PermissionFlagsBits.ManageGuild).toBe(0n);
    expect(BigInt(payload.app_permissions) & PermissionFlagsBits.SendMessages).toBe(0n);
    const owner = standIn.chatInput('x', {}, { user: standIn.users.alice });
    expect(BigInt(owner.member!.permissions) & PermissionFlagsBits.Administrator).not.toBe(0n);
  });
});
