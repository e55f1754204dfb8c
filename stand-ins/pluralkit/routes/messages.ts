/** `GET /messages/{id}` (https://pluralkit.me/api/endpoints/#misc, https://pluralkit.me/api/models/#message-model). */
import type { Message } from '../../../src/pluralkit/schemas.js';
import { badRequest, coded } from '../errors.js';
import { snowflakeTime } from '../ids.js';
import type { MessageRecord } from '../records.js';
import type { RouteContext, Router } from '../router.js';
import { formatInstant, memberView, systemView } from '../views.js';
import { isOwner } from './common.js';

/** How long the trigger-message → proxied-message mapping lives in PluralKit's Redis. */
const ORIGINAL_LOOKUP_MS = 30 * 60 * 1000;
const U64_MAX = 18_446_744_073_709_551_615n;

function findMessage(ctx: RouteContext, id: string): MessageRecord | undefined {
  const direct = ctx.state.messages.get(id);
  if (direct !== undefined) return direct;
  for (const message of ctx.state.messages.values()) {
    if (message.original === id && Date.now() - snowflakeTime(message.id) < ORIGINAL_LOOKUP_MS) return message;
  }
  return undefined;
}

/** Registers the message lookup. */
export function addMessageRoutes(router: Router): void {
  router.add('GET', '/v2/messages/{message_id}', (ctx) => {
    const raw = ctx.params.get('message_id') ?? '';
    if (!/^\d{1,20}$/.test(raw) || BigInt(raw) > U64_MAX) throw badRequest();
    const message = findMessage(ctx, BigInt(raw).toString());
    if (message === undefined) throw coded(20006);
    const system = message.systemUuid === null ? undefined : ctx.state.systems.get(message.systemUuid);
    const member = message.memberUuid === null ? undefined : ctx.state.members.get(message.memberUuid);
    const owner = system !== undefined && isOwner(ctx, system);
    const body: Message = {
      // From the snowflake: whole seconds.
      timestamp: formatInstant(Math.floor(snowflakeTime(message.id) / 1000) * 1000),
      id: message.id,
      original: message.original,
      sender: message.sender,
      channel: message.channel,
      guild: message.guild,
      system: system === undefined ? null : systemView(system, owner),
      member: member === undefined ? null : memberView(member, owner),
    };
    return { status: 200, body };
  });
}
