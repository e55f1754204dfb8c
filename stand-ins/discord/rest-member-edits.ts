import { PermissionFlagsBits, type APIGuildMember, type GatewayGuildCreateDispatchData } from 'discord-api-types/v10';
import { basePermissions, hasPermission, highestPosition } from './guild-permissions.js';
import { Errors, type HandlerContext, type HandlerResult } from './handler-types.js';
import { guildById } from './rest-guilds.js';

type Guild = GatewayGuildCreateDispatchData;

/** Discord's longest nickname, in characters. */
const MAX_NICK = 32;

function badNickLength(): HandlerResult {
  return {
    status: 400,
    body: {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        nick: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: `Must be ${MAX_NICK} or fewer in length.` }] },
      },
    },
  };
}

/** The guild and member a member route is about, or Discord's 404. */
function target(ctx: HandlerContext): { guild: Guild; member: APIGuildMember } | HandlerResult {
  const guild = guildById(ctx.state, ctx.params[0]);
  if (!guild) return Errors.unknownGuild();
  const member = guild.members.find((m) => m.user.id === ctx.params[1]);
  return member ? { guild, member } : Errors.unknownMember();
}

/**
 * Whether the bot may act on `member` with `permission`: it needs the permission, and (unless it is the member
 * itself) its highest role must be above the member's; nobody may edit the owner's nickname or roles.
 */
function mayEdit(guild: Guild, botId: string, member: APIGuildMember, permission: bigint): boolean {
  if (!hasPermission(basePermissions(guild, botId), permission)) return false;
  if (member.user.id === guild.owner_id) return false;
  return member.user.id === botId || highestPosition(guild, botId) > highestPosition(guild, member.user.id);
}

/** `PATCH /guilds/{id}/members/{user}` with `nick`: 1–32 characters, or null/"" to reset. */
export function modifyGuildMember(ctx: HandlerContext): HandlerResult {
  const found = target(ctx);
  if ('status' in found) return found;
  const { guild, member } = found;
  const body = (ctx.body ?? {}) as { nick?: unknown };
  if (!('nick' in body)) return { status: 200, body: member };
  const nick = body.nick;
  if (nick !== null && typeof nick !== 'string') return badNickLength();
  if (typeof nick === 'string' && [...nick].length > MAX_NICK) return badNickLength();
  const botId = ctx.state.world.botUser.id;
  if (!mayEdit(guild, botId, member, PermissionFlagsBits.ManageNicknames)) return Errors.missingPermissions();
  member.nick = nick === '' ? null : nick;
  return { status: 200, body: member };
}

/**
 * `PUT` (add) and `DELETE` (remove) `/guilds/{id}/members/{user}/roles/{role}`: needs Manage Roles and a
 * highest role above the role given; managed roles (bots', boosters') can't be given or taken. 204 on success.
 */
export function changeMemberRole(ctx: HandlerContext, add: boolean): HandlerResult {
  const found = target(ctx);
  if ('status' in found) return found;
  const { guild, member } = found;
  const role = guild.roles.find((r) => r.id === ctx.params[2] && r.id !== guild.id);
  if (!role) return Errors.unknownRole();
  const botId = ctx.state.world.botUser.id;
  const permitted =
    hasPermission(basePermissions(guild, botId), PermissionFlagsBits.ManageRoles) &&
    !role.managed &&
    highestPosition(guild, botId) > role.position;
  if (!permitted) return Errors.missingPermissions();
  const others = member.roles.filter((id) => id !== role.id);
  member.roles = add ? [...others, role.id] : others;
  return { status: 204 };
}
