import { randomBytes } from 'node:crypto';
import { rememberSecret } from '../secret-ledger.js';
import { AttachmentSizeLimit } from './upload-limits.js';
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  Locale,
  type APIBaseInteraction,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type ChannelFlags,
  type GuildMemberFlags,
  type InteractionType,
} from 'discord-api-types/v10';
import { channelPermissions } from './guild-permissions.js';
import type { StandInWorld } from './world.js';

/**
 * Where an interaction happens:
 * - `guild`: in the guild's text channel (guild install; `member.user`, `guild_id`, context 0);
 * - `bot-dm`: in the user's DM with the bot (`user`, channel type 1, context 1);
 * - `user-dm` / `group-dm`: a user-installed app used in someone else's DM (type 1) or a group DM (type 3),
 *   context 2, `authorizing_integration_owners` `{"1": userId}`.
 */
export type InteractionWhere = 'guild' | 'bot-dm' | 'user-dm' | 'group-dm';

/** Who invokes an interaction and where. Everything is optional: default is alice in the guild. */
export interface InteractionContextOptions {
  where?: InteractionWhere | undefined;
  user?: APIUser | undefined;
  /** For `user-dm`: the other person in the DM (default bob, or alice when bob invokes). */
  peer?: APIUser | undefined;
  locale?: Locale | undefined;
  appPermissions?: string | undefined;
  /** For `guild`: which of the bot's guilds (`world.guilds`), in its first channel. @defaultValue world.guild */
  guild?: GatewayGuildCreateDispatchData | undefined;
  /** For `guild`: the channel of that guild it is used in. @defaultValue its first channel */
  channel?: APITextChannel | undefined;
}

/** The fields every interaction carries, minus `type` and `data`. */
export type InteractionBase = Omit<APIBaseInteraction<InteractionType, never>, 'type' | 'data'>;

/** Channels the stand-in keeps so that the same pair of people always gets the same DM channel id. */
export interface ChannelDirectory {
  botDm(user: APIUser): { id: string };
  userDm(a: APIUser, b: APIUser): { id: string };
}

/** What a bot may do in a private channel where the app is only user-installed. */
const PRIVATE_APP_PERMISSIONS = '1126209376050240';

/** A realistic, URL-safe interaction token (Discord's are long opaque strings). */
export function newInteractionToken(): string {
  const token = `aW50ZXJhY3Rpb24${randomBytes(60).toString('base64url')}`;
  rememberSecret(token);
  return token;
}

/** Builds the shared interaction fields for a context, exactly as discord.js needs them to emit the event. */
export function interactionBase(
  world: StandInWorld,
  id: string,
  directory: ChannelDirectory,
  ctx: InteractionContextOptions = {},
): InteractionBase {
  const user = ctx.user ?? world.users.alice;
  const where = ctx.where ?? 'guild';
  const common = {
    id,
    application_id: world.applicationId,
    token: newInteractionToken(),
    version: 1 as const,
    locale: ctx.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: AttachmentSizeLimit,
  };
  if (where === 'guild') {
    const guild = ctx.guild ?? world.guild;
    const channel = ctx.channel ?? (guild === world.guild ? world.channel : (guild.channels[0] as APITextChannel));
    const member = guild.members.find((m) => m.user.id === user.id);
    return {
      ...common,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
      guild_locale: guild.preferred_locale,
      channel,
      channel_id: channel.id,
      member: {
        user,
        roles: member?.roles ?? [],
        joined_at: guild.joined_at,
        deaf: false,
        mute: false,
        nick: member?.nick ?? null,
        avatar: null,
        // As Discord sends them: the member's and the bot's permissions in this channel, overwrites applied.
        permissions: String(channelPermissions(guild, channel, user.id)),
        flags: 0 as GuildMemberFlags,
      },
      app_permissions: ctx.appPermissions ?? String(channelPermissions(guild, channel, world.botUser.id)),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
    };
  }
  if (where === 'bot-dm') {
    const channel = {
      id: directory.botDm(user).id,
      type: ChannelType.DM as const,
      recipients: [user],
      last_message_id: null,
      flags: 0 as ChannelFlags,
      name: null,
    };
    return {
      ...common,
      user,
      channel,
      channel_id: channel.id,
      app_permissions: ctx.appPermissions ?? PRIVATE_APP_PERMISSIONS,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
      context: InteractionContextType.BotDM,
    };
  }
  const owners = { [ApplicationIntegrationType.UserInstall]: user.id };
  if (where === 'group-dm') {
    const group = world.groupDm;
    return {
      ...common,
      user,
      channel: group,
      channel_id: group.id,
      app_permissions: ctx.appPermissions ?? PRIVATE_APP_PERMISSIONS,
      authorizing_integration_owners: owners,
      context: InteractionContextType.PrivateChannel,
    };
  }
  const peer = ctx.peer ?? (user.id === world.users.bob.id ? world.users.alice : world.users.bob);
  const channel = {
    id: directory.userDm(user, peer).id,
    type: ChannelType.DM as const,
    recipients: [peer],
    last_message_id: null,
    flags: 0 as ChannelFlags,
    name: null,
  };
  return {
    ...common,
    user,
    channel,
    channel_id: channel.id,
    app_permissions: ctx.appPermissions ?? PRIVATE_APP_PERMISSIONS,
    authorizing_integration_owners: owners,
    context: InteractionContextType.PrivateChannel,
  };
}
