import { OverwriteType, PermissionFlagsBits, type APIOverwrite, type APIRole } from 'discord-api-types/v10';
import type { GatewayGuildCreateDispatchData } from 'discord-api-types/v10';

/** Every permission bit Discord has (what the owner and administrators get). */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

type Guild = GatewayGuildCreateDispatchData;

/** The roles of `userId` in `guild` (without @everyone); empty for someone who is not a member. */
export function memberRoleIds(guild: Guild, userId: string): string[] {
  return guild.members.find((m) => m.user.id === userId)?.roles ?? [];
}

/**
 * A member's guild-wide permissions, as Discord computes them (developers/topics/permissions, "Permission
 * Hierarchy"): the owner has all; otherwise @everyone's bits OR'd with every role's; Administrator means all.
 */
export function basePermissions(guild: Guild, userId: string): bigint {
  if (guild.owner_id === userId) return ALL_PERMISSIONS;
  const roles = new Set([guild.id, ...memberRoleIds(guild, userId)]);
  let bits = 0n;
  for (const role of guild.roles) if (roles.has(role.id)) bits |= BigInt(role.permissions);
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}

/**
 * A member's permissions in a channel: the base ones, then the channel's overwrites in Discord's order
 * (@everyone, then all role overwrites together, then the member's own); without View Channel, nothing.
 */
export function channelPermissions(
  guild: Guild,
  channel: { permission_overwrites?: APIOverwrite[] | undefined },
  userId: string,
): bigint {
  const base = basePermissions(guild, userId);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  const overwrites = channel.permission_overwrites ?? [];
  const apply = (bits: bigint, allow: bigint, deny: bigint): bigint => (bits & ~deny) | allow;
  let bits = base;
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) bits = apply(bits, BigInt(everyone.allow), BigInt(everyone.deny));
  const roles = new Set(memberRoleIds(guild, userId));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites)
    if (o.type === OverwriteType.Role && roles.has(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  bits = apply(bits, allow, deny);
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
  if (own) bits = apply(bits, BigInt(own.allow), BigInt(own.deny));
  return (bits & PermissionFlagsBits.ViewChannel) === 0n ? 0n : bits;
}

/** The position of a member's highest role (0 for @everyone only); the owner outranks everyone. */
export function highestPosition(guild: Guild, userId: string): number {
  if (guild.owner_id === userId) return Number.POSITIVE_INFINITY;
  const roles = new Set(memberRoleIds(guild, userId));
  return Math.max(0, ...guild.roles.filter((r: APIRole) => roles.has(r.id)).map((r) => r.position));
}

/** Whether `bits` include `flag`. */
export function hasPermission(bits: bigint, flag: bigint): boolean {
  return (bits & flag) === flag;
}
