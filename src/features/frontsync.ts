import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { missingFrom, Needed, readBotInGuild, type NamedPermission } from '../discord/guild-permissions.js';
import { readOnOff } from '../discord/on-off.js';
import { UserFacingError } from '../errors.js';
import { FrontSyncSettings } from './frontsync-settings.js';
import { adminServerOf, serverOf } from './server-checks.js';

const onOff = (on: boolean): string => (on ? 'on' : 'off');

/** Throws `BotLacksPermission` when the bot's guild-wide permissions lack `permission`. */
async function requireBotPermission(
  interaction: ChatInputCommandInteraction,
  guildId: string,
  permission: NamedPermission,
  why: string,
) {
  const bot = await readBotInGuild(interaction.client.rest, guildId, interaction.applicationId);
  if (missingFrom(bot.base, [permission]).length > 0)
    throw new UserFacingError('BotLacksPermission', { permission: permission.label, why });
  return bot;
}

/** `/frontsync server`: an admin turns nicknames and/or roles on or off for the server. */
export async function configureServer(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = adminServerOf(interaction);
  const nickname = readOnOff(interaction, 'nickname');
  const roles = readOnOff(interaction, 'roles');
  if (nickname === true) await requireBotPermission(interaction, guildId, Needed.ManageNicknames, 'change nicknames');
  if (roles === true) await requireBotPermission(interaction, guildId, Needed.ManageRoles, 'give or take roles');
  const server = await new FrontSyncSettings(ctx.settings).updateServer(guildId, (now) => ({
    ...now,
    nickname: nickname ?? now.nickname,
    roles: roles ?? now.roles,
  }));
  return [
    `Nicknames that follow the front: **${onOff(server.nickname)}**. Roles that follow the front: **${onOff(server.roles)}**.`,
    'Members turn it on for themselves with `/frontsync me`; roles need `/frontsync role-allow` first.',
  ].join('\n');
}

/** `/frontsync role-allow`: an admin lets a role follow the front, if the bot can give it. */
export async function allowRole(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = adminServerOf(interaction);
  const role = interaction.options.getRole('role', true);
  const refuse = (reason: string) => new UserFacingError('RoleNotFollowable', { role: role.id, reason });
  if (role.id === guildId) throw refuse('@everyone belongs to everyone.');
  if (role.managed) throw refuse('an integration manages it (a bot’s or the boosters’ role), so nobody can give it.');
  const bot = await requireBotPermission(interaction, guildId, Needed.ManageRoles, 'give or take roles');
  // discord.js's `position` is the order among cached roles; Discord's own number is `rawPosition`.
  const position = 'rawPosition' in role ? role.rawPosition : role.position;
  if (position >= bot.highestPosition)
    throw refuse('it is not below my highest role, so Discord won’t let me give it. Move my role above it first.');
  await new FrontSyncSettings(ctx.settings).updateServer(guildId, (now) => ({
    ...now,
    allowedRoles: [...now.allowedRoles.filter((id) => id !== role.id), role.id],
  }));
  return `<@&${role.id}> may now follow the front: members map it to a member or group with \`/frontsync role\`.`;
}

/** `/frontsync role`: a member maps an allowed role to one of their PluralKit members or groups. */
export async function mapRole(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = serverOf(interaction);
  const role = interaction.options.getRole('role', true);
  const memberRef = interaction.options.getString('member');
  const groupRef = interaction.options.getString('group');
  if ((memberRef === null) === (groupRef === null)) throw new UserFacingError('PickMemberOrGroup');
  const settings = new FrontSyncSettings(ctx.settings);
  if (!(await settings.server(guildId)).allowedRoles.includes(role.id))
    throw new UserFacingError('RoleNotAllowed', { role: role.id });
  const account = await ctx.accounts.find(interaction.user.id);
  if (account === undefined) throw new UserFacingError('NotLinked');
  const o = { token: account.token };
  const kind = memberRef === null ? 'group' : 'member';
  const ref = (memberRef ?? groupRef)!.trim().toLowerCase();
  const items =
    kind === 'member' ? await ctx.pluralkit.getMembers('@me', o) : await ctx.pluralkit.getGroups('@me', {}, o);
  const found = items.find((item) => item.id === ref || item.name.toLowerCase() === ref);
  if (found === undefined)
    throw new UserFacingError(kind === 'member' ? 'MemberNotFound' : 'GroupNotFound', { ref: `\`${ref}\`` });
  await settings.updateMember(guildId, interaction.user.id, (now) => ({
    ...now,
    mappings: [...now.mappings.filter((m) => m.roleId !== role.id), { roleId: role.id, kind, id: found.id }],
  }));
  const when = kind === 'member' ? 'is fronting' : 'has a member fronting';
  return `You'll have <@&${role.id}> while ${found.name} (\`${found.id}\`) ${when}, once roles are on for you (\`/frontsync me roles:on\`).`;
}

/** `/frontsync me`: a member turns their own nickname and/or roles on or off in this server. */
export async function setOwnSync(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = serverOf(interaction);
  const nickname = readOnOff(interaction, 'nickname');
  const roles = readOnOff(interaction, 'roles');
  const settings = new FrontSyncSettings(ctx.settings);
  const server = await settings.server(guildId);
  if (nickname === true && !server.nickname) throw new UserFacingError('FrontSyncNotEnabled', { what: 'nicknames' });
  if (roles === true && !server.roles) throw new UserFacingError('FrontSyncNotEnabled', { what: 'roles' });
  const account = nickname === true || roles === true ? await ctx.accounts.find(interaction.user.id) : undefined;
  if ((nickname === true || roles === true) && account === undefined) throw new UserFacingError('NotLinked');
  const notes: string[] = [];
  if (nickname === true) {
    const bot = await requireBotPermission(interaction, guildId, Needed.ManageNicknames, 'change your nickname');
    if (bot.guild.owner_id === interaction.user.id)
      notes.push('Discord never lets a bot change the server owner’s nickname, so I’ll leave yours alone.');
  }
  if (roles === true) await requireBotPermission(interaction, guildId, Needed.ManageRoles, 'give or take roles');
  if (account !== undefined) {
    const system = await ctx.pluralkit.getSystem('@me', { token: account.token });
    if (system.privacy?.front_privacy === 'private')
      notes.push(
        'Your front list is private in PluralKit, so I won’t show your fronters in a nickname or roles until it’s public.',
      );
  }
  const me = await settings.updateMember(guildId, interaction.user.id, (now) => ({
    ...now,
    nickname: nickname ?? now.nickname,
    roles: roles ?? now.roles,
  }));
  return [
    `Your nickname follows the front: **${onOff(me.nickname)}**. Your roles follow it: **${onOff(me.roles)}**.`,
    ...notes,
  ].join('\n');
}
