import type { GatewayGuildCreateDispatchData } from 'discord-api-types/v10';
import { Errors, type HandlerContext, type HandlerResult } from './handler-types.js';
import type { StandInState } from './stand-in-state.js';

type Guild = GatewayGuildCreateDispatchData;

/** The bot's guild with this id. */
export function guildById(state: StandInState, id: string | undefined): Guild | undefined {
  return state.world.guilds.find((g) => g.id === id);
}

/** A channel of any of the bot's guilds, with its guild. */
export function guildChannel(
  state: StandInState,
  id: string | undefined,
): { guild: Guild; channel: Guild['channels'][number] } | undefined {
  for (const guild of state.world.guilds) {
    const channel = guild.channels.find((c) => c.id === id);
    if (channel) return { guild, channel };
  }
  return undefined;
}

/**
 * `GET /guilds/{id}`: the guild as REST gives it, without the gateway-only parts (members, channels,
 * presences, voice states, threads…).
 */
export function getGuild(ctx: HandlerContext): HandlerResult {
  const guild = guildById(ctx.state, ctx.params[0]);
  if (!guild) return Errors.unknownGuild();
  const {
    members: _members,
    channels: _channels,
    presences: _presences,
    voice_states: _voice,
    threads: _threads,
    stage_instances: _stages,
    guild_scheduled_events: _events,
    soundboard_sounds: _sounds,
    joined_at: _joined,
    large: _large,
    member_count: _count,
    unavailable: _unavailable,
    ...rest
  } = guild;
  return { status: 200, body: rest };
}

/** `GET /guilds/{id}/roles`: every role, @everyone among them. */
export function getGuildRoles(ctx: HandlerContext): HandlerResult {
  const guild = guildById(ctx.state, ctx.params[0]);
  return guild ? { status: 200, body: guild.roles } : Errors.unknownGuild();
}

/** `GET /guilds/{id}/members/{user}`: one member (roles without @everyone, nickname). */
export function getGuildMember(ctx: HandlerContext): HandlerResult {
  const guild = guildById(ctx.state, ctx.params[0]);
  if (!guild) return Errors.unknownGuild();
  const member = guild.members.find((m) => m.user.id === ctx.params[1]);
  return member ? { status: 200, body: member } : Errors.unknownMember();
}
