import {
  ChannelType,
  OverwriteType,
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type APITextChannel,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type RoleFlags,
  type APIUser,
} from 'discord-api-types/v10';
import type { StandInWorld } from './world.js';

type Guild = GatewayGuildCreateDispatchData;

/** A permission overwrite to give a new channel: allow and deny bits for @everyone, a role or a member. */
export interface OverwriteInput {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: 'role' | 'member';
  allow?: bigint;
  deny?: bigint;
}

/** A role to create: its permissions and place in the hierarchy. */
export interface RoleInput {
  name: string;
  permissions?: bigint;
  /** Higher is more powerful; @everyone is 0. @defaultValue one above the highest existing role */
  position?: number;
  /** Roles of integrations and boosters, which nobody can give or take. */
  managed?: boolean;
}

/**
 * What a server admin does in Discord's client, for tests: add channels with overwrites, create roles, give
 * members roles. Changes apply to REST at once; like any change after READY, the gateway cache does not see them.
 */
export function createGuildAdmin(world: StandInWorld, newId: () => string) {
  const memberOf = (user: APIUser, guild: Guild): APIGuildMember => {
    const member = guild.members.find((m) => m.user.id === user.id);
    if (!member) throw new Error(`${user.username} is not a member of ${guild.name}`);
    return member;
  };
  return {
    /** Adds a text channel to `guild` (default: the first guild). */
    addChannel(name: string, overwrites: OverwriteInput[] = [], guild: Guild = world.guild): APITextChannel {
      const channel: APITextChannel = {
        ...(guild.channels[0] as APITextChannel),
        id: newId(),
        name,
        position: guild.channels.length,
        permission_overwrites: overwrites.map((o): APIOverwrite => ({
          id: o.id,
          type: o.type === 'role' ? OverwriteType.Role : OverwriteType.Member,
          allow: String(o.allow ?? 0n),
          deny: String(o.deny ?? 0n),
        })),
        type: ChannelType.GuildText,
        flags: 0 as ChannelFlags,
      };
      guild.channels.push(channel);
      return channel;
    },
    /** Creates a role in `guild` (default: the first guild). */
    addRole(input: RoleInput, guild: Guild = world.guild): APIRole {
      const role: APIRole = {
        ...guild.roles[0]!,
        id: newId(),
        name: input.name,
        permissions: String(input.permissions ?? 0n),
        position: input.position ?? Math.max(...guild.roles.map((r) => r.position)) + 1,
        managed: input.managed ?? false,
        flags: 0 as RoleFlags,
      };
      guild.roles.push(role);
      return role;
    },
    /** Gives `user` the role `roleId` in `guild`. */
    giveRole(user: APIUser, roleId: string, guild: Guild = world.guild): void {
      const member = memberOf(user, guild);
      if (!member.roles.includes(roleId)) member.roles.push(roleId);
    },
    /** `user`'s member object in `guild`, as it is now (nickname, roles). */
    member: (user: APIUser, guild: Guild = world.guild): APIGuildMember => memberOf(user, guild),
  };
}

/** The admin functions exposed on the stand-in. */
export type GuildAdmin = ReturnType<typeof createGuildAdmin>;
