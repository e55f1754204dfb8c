import {
  ApplicationCommandType,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
} from 'discord-api-types/v10';
import { channelPermissions, hasPermission } from './guild-permissions.js';
import { Errors, type HandlerContext, type HandlerResult } from './handler-types.js';
import { createMessageState, toApiMessage } from './messages.js';
import { guildChannel } from './rest-guilds.js';

/**
 * `GET /gateway/bot`: the only place discord.js learns the gateway URL and the recommended shard count; every
 * IDENTIFY uses up one of 1000 daily session starts, and `max_concurrency` IDENTIFYs may start per 5 s.
 */
export function getGatewayBot(
  gatewayUrl: string,
  sessionStarts: number,
  sharding: { shards: number; maxConcurrency: number },
): HandlerResult {
  const remaining = Math.max(0, 1000 - sessionStarts);
  return {
    status: 200,
    body: {
      url: gatewayUrl,
      shards: sharding.shards,
      session_start_limit: {
        total: 1000,
        remaining,
        reset_after: 86_400_000,
        max_concurrency: sharding.maxConcurrency,
      },
    },
  };
}

/** `GET /users/@me` and `GET /users/{id}`. */
export function getUser(ctx: HandlerContext, id: string | undefined): HandlerResult {
  const { world } = ctx.state;
  if (id === undefined)
    return { status: 200, body: { ...world.botUser, verified: true, mfa_enabled: false, flags: 0, bot: true } };
  const user = ctx.state.knownUsers.find((u) => u.id === id);
  return user ? { status: 200, body: user } : Errors.unknownUser();
}

/** `GET /applications/@me`. */
export function getCurrentApplication(ctx: HandlerContext): HandlerResult {
  const { world } = ctx.state;
  return {
    status: 200,
    body: {
      id: world.applicationId,
      name: world.botUser.username,
      icon: null,
      description: 'PluralKit companion (stand-in)',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      owner: world.users.alice,
      team: null,
      bot: world.botUser,
      integration_types_config: { 0: {}, 1: {} },
      approximate_guild_count: 1,
    },
  };
}

/** `POST /users/@me/channels`: opens (or returns) the bot's DM channel with a recipient. */
export function createDm(ctx: HandlerContext): HandlerResult {
  const recipientId = (ctx.body as { recipient_id?: string } | null)?.recipient_id;
  const user = ctx.state.knownUsers.find((u) => u.id === recipientId && !u.bot);
  return user ? { status: 200, body: ctx.state.botDm(user) } : Errors.invalidRecipient();
}

function channelById(ctx: HandlerContext, id: string | undefined) {
  const inGuild = guildChannel(ctx.state, id);
  if (inGuild) return inGuild.channel;
  return id === undefined ? undefined : ctx.state.findBotDm(id);
}

/**
 * Why the bot may not post `body` in a guild channel, as Discord answers: 50001 without View Channel, 50013
 * without Send Messages, or with embeds and no Embed Links, or files and no Attach Files.
 */
function postRefusal(ctx: HandlerContext, channelId: string | undefined): HandlerResult | undefined {
  const found = guildChannel(ctx.state, channelId);
  if (!found) return undefined;
  const bits = channelPermissions(found.guild, found.channel, ctx.state.world.botUser.id);
  if (!hasPermission(bits, PermissionFlagsBits.ViewChannel)) return Errors.missingAccess();
  const body = (ctx.body ?? {}) as { embeds?: unknown[] };
  const needs = [
    PermissionFlagsBits.SendMessages,
    ...((body.embeds?.length ?? 0) > 0 ? [PermissionFlagsBits.EmbedLinks] : []),
    ...(ctx.files.length > 0 ? [PermissionFlagsBits.AttachFiles] : []),
  ];
  return needs.every((flag) => hasPermission(bits, flag)) ? undefined : Errors.missingPermissions();
}

/** `GET /channels/{id}`: the guild channels and bot DMs; anything else is unknown to the bot. */
export function getChannel(ctx: HandlerContext): HandlerResult {
  const channel = channelById(ctx, ctx.params[0]);
  return channel ? { status: 200, body: channel } : Errors.unknownChannel();
}

/** `POST /channels/{id}/messages`: recorded per channel; a recipient with closed DMs gives 50007. */
export function createMessage(ctx: HandlerContext): HandlerResult {
  const channel = channelById(ctx, ctx.params[0]);
  if (!channel) return Errors.unknownChannel();
  const refusal = postRefusal(ctx, channel.id);
  if (refusal) return refusal;
  const recipient = 'recipients' in channel ? channel.recipients?.[0] : undefined;
  if (recipient && ctx.state.closedDms.has(recipient.id)) return Errors.cannotDmUser();
  const message = createMessageState(
    { id: ctx.state.newId(), channelId: channel.id, author: ctx.state.world.botUser, type: MessageType.Default },
    ctx.body as Record<string, unknown> | null,
    ctx.files,
    ctx.state.newId,
  );
  ctx.state.messagesIn(channel.id).push(ctx.state.storeMessage(message));
  return { status: 200, body: toApiMessage(message, null) };
}

function commandList(ctx: HandlerContext, guildId: string | undefined): APIApplicationCommand[] | undefined {
  if (guildId === undefined) return ctx.state.globalCommands;
  if (guildId !== ctx.state.world.guild.id) return undefined;
  let list = ctx.state.guildCommands.get(guildId);
  if (!list) ctx.state.guildCommands.set(guildId, (list = []));
  return list;
}

/** `GET /applications/{app}/commands` and the guild variant. */
export function listCommands(ctx: HandlerContext, guildId?: string): HandlerResult {
  if (ctx.params[0] !== ctx.state.world.applicationId) return Errors.missingAccess();
  const list = commandList(ctx, guildId);
  return list ? { status: 200, body: list } : Errors.missingAccess();
}

/** `PUT /applications/{app}/commands` (bulk overwrite) and the guild variant. Ids survive for unchanged names, as on Discord. */
export function putCommands(ctx: HandlerContext, guildId?: string): HandlerResult {
  const list = ctx.params[0] === ctx.state.world.applicationId ? commandList(ctx, guildId) : undefined;
  if (!list) return Errors.missingAccess();
  const previous = [...list];
  const input = (ctx.body ?? []) as Partial<
    APIApplicationCommand & { default_member_permissions: string | number | null }
  >[];
  const next = input.map((command): APIApplicationCommand => {
    const type = command.type ?? ApplicationCommandType.ChatInput;
    const kept = previous.find((c) => c.name === command.name && c.type === type);
    return {
      ...command,
      id: kept?.id ?? ctx.state.newId(),
      application_id: ctx.state.world.applicationId,
      version: ctx.state.newId(),
      type,
      name: command.name ?? '',
      description: command.description ?? '',
      default_member_permissions:
        command.default_member_permissions == null ? null : String(command.default_member_permissions),
      integration_types: command.integration_types ?? [0],
      nsfw: command.nsfw ?? false,
      ...(guildId === undefined ? {} : { guild_id: guildId }),
    };
  });
  list.splice(0, list.length, ...next);
  return { status: 200, body: next };
}
