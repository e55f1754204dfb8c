import {
  OverwriteType,
  PermissionFlagsBits,
  PermissionsBitField,
  Routes,
  type APIGuild,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type REST,
} from 'discord.js';

/** A permission the bot needs, with the name Discord's client shows for it. */
export interface NamedPermission {
  readonly flag: bigint;
  readonly label: string;
}

/** The permissions the bot's features ask for, named as in Discord's role settings. */
export const Needed = {
  ViewChannel: { flag: PermissionFlagsBits.ViewChannel, label: 'View Channel' },
  SendMessages: { flag: PermissionFlagsBits.SendMessages, label: 'Send Messages' },
  EmbedLinks: { flag: PermissionFlagsBits.EmbedLinks, label: 'Embed Links' },
  ManageNicknames: { flag: PermissionFlagsBits.ManageNicknames, label: 'Manage Nicknames' },
  ManageRoles: { flag: PermissionFlagsBits.ManageRoles, label: 'Manage Roles' },
} as const satisfies Record<string, NamedPermission>;

/** The labels of those of `needed` that `bits` lack, in order. */
export function missingFrom(bits: bigint, needed: readonly NamedPermission[]): string[] {
  const has = new PermissionsBitField(bits);
  if (has.has(PermissionFlagsBits.Administrator)) return [];
  return needed.filter((permission) => !has.has(permission.flag)).map((permission) => permission.label);
}

/** What the bot knows about itself in a guild, read over REST (works with no gateway cache, `--role http`). */
export interface BotInGuild {
  readonly guild: APIGuild;
  readonly member: APIGuildMember;
  /** Guild-wide permissions (owner and Administrator: all). */
  readonly base: bigint;
  /** Position of the bot's highest role; it can only manage roles and members below it. */
  readonly highestPosition: number;
}

/** Reads the guild (with its roles) and the bot's member object, and computes the bot's guild-wide permissions. */
export async function readBotInGuild(rest: REST, guildId: string, botId: string): Promise<BotInGuild> {
  const [guild, member] = (await Promise.all([
    rest.get(Routes.guild(guildId)),
    rest.get(Routes.guildMember(guildId, botId)),
  ])) as [APIGuild, APIGuildMember];
  const held = new Set([guildId, ...member.roles]);
  const roles = guild.roles.filter((role) => held.has(role.id));
  let base = roles.reduce((bits, role) => bits | BigInt(role.permissions), 0n);
  if (guild.owner_id === botId || (base & PermissionFlagsBits.Administrator) !== 0n) base = PermissionsBitField.All;
  const highestPosition = Math.max(0, ...roles.filter((r) => r.id !== guildId).map((role: APIRole) => role.position));
  return { guild, member, base, highestPosition };
}

/**
 * The bot's permissions in one channel, computed as Discord does (base, then the @everyone overwrite, the role
 * overwrites together, the bot's own overwrite; nothing without View Channel).
 */
export async function botPermissionsIn(rest: REST, guildId: string, channelId: string, botId: string): Promise<bigint> {
  const [bot, channel] = await Promise.all([
    readBotInGuild(rest, guildId, botId),
    rest.get(Routes.channel(channelId)) as Promise<{ permission_overwrites?: APIOverwrite[] }>,
  ]);
  if ((bot.base & PermissionFlagsBits.Administrator) !== 0n) return PermissionsBitField.All;
  const overwrites = channel.permission_overwrites ?? [];
  const apply = (bits: bigint, o: { allow: bigint; deny: bigint }): bigint => (bits & ~o.deny) | o.allow;
  const bitsOf = (o: APIOverwrite) => ({ allow: BigInt(o.allow), deny: BigInt(o.deny) });
  let bits = bot.base;
  const everyone = overwrites.find((o) => o.id === guildId);
  if (everyone) bits = apply(bits, bitsOf(everyone));
  const roles = new Set(bot.member.roles);
  const roleWide = overwrites
    .filter((o) => o.type === OverwriteType.Role && roles.has(o.id))
    .map(bitsOf)
    .reduce((sum, o) => ({ allow: sum.allow | o.allow, deny: sum.deny | o.deny }), { allow: 0n, deny: 0n });
  bits = apply(bits, roleWide);
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === botId);
  if (own) bits = apply(bits, bitsOf(own));
  return (bits & PermissionFlagsBits.ViewChannel) === 0n ? 0n : bits;
}
