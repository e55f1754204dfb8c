import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionType,
  MessageType,
  type APIInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import { Errors, type HandlerContext, type HandlerResult } from './handler-types.js';
import type { InteractionRecord } from './interaction-state.js';
import {
  applyMessageEdit,
  createMessageState,
  stateFromApiMessage,
  toApiMessage,
  type MessageState,
} from './messages.js';

type Body = Record<string, unknown> | null;

/** Callback types Discord allows as the first response to each interaction type. */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function replyType(payload: APIInteraction): MessageType {
  if (payload.type !== InteractionType.ApplicationCommand) return MessageType.Reply;
  return payload.data.type === ApplicationCommandType.ChatInput
    ? MessageType.ChatInputCommand
    : MessageType.ContextMenuCommand;
}

/** The user an interaction came from (a guild member's user, or the DM user). */
export function interactionUser(payload: APIInteraction): APIUser | undefined {
  return payload.member?.user ?? payload.user;
}

function newReply(ctx: HandlerContext, record: InteractionRecord, body: Body, loading: boolean): MessageState {
  const { state } = ctx;
  const message = createMessageState(
    {
      id: state.newId(),
      channelId: record.payload.channel?.id ?? '0',
      author: state.world.botUser,
      type: replyType(record.payload),
      interactionId: record.payload.id,
      loading,
    },
    body,
    ctx.files,
    state.newId,
  );
  return state.storeMessage(message, interactionUser(record.payload)?.id ?? null);
}

/** The message a component (or a modal shown from one) sat on, as the store has it now: updates change it in place. */
function messageUnderInteraction(ctx: HandlerContext, record: InteractionRecord): MessageState | undefined {
  const sent = record.payload.message;
  if (sent === undefined) return undefined;
  const stored = ctx.state.messages.get(sent.id);
  if (stored !== undefined) return stored.message;
  // A forged click on a message the stand-in never saw: keep it from now on, as Discord would have it.
  return ctx.state.storeMessage(stateFromApiMessage(sent, record.payload.id));
}

/** `POST /interactions/{id}/{token}/callback`: the first (and only) response, within the response window. */
export function interactionCallback(ctx: HandlerContext): HandlerResult {
  const [id = '', token] = ctx.params;
  const record = ctx.state.interactions.get(id);
  if (!record || record.payload.token !== token || record.sentAt === null) return Errors.unknownInteraction();
  if (record.responses.length > 0) {
    record.problems.push('a second callback was refused with 40060');
    return Errors.alreadyAcknowledged();
  }
  const atMs = ctx.receivedAt - record.sentAt;
  if (atMs > ctx.state.interactionWindowMs) {
    record.problems.push(
      `first callback came ${atMs} ms after dispatch (window ${ctx.state.interactionWindowMs} ms) → 10062`,
    );
    return Errors.unknownInteraction();
  }
  const { type, data = null } = ctx.body as { type: number; data?: Body };
  if (
    !ALLOWED_CALLBACKS[record.payload.type]?.includes(type) ||
    ((type === 6 || type === 7) && !record.payload.message)
  ) {
    record.problems.push(`callback type ${type} is not valid for interaction type ${record.payload.type}`);
    return {
      status: 400,
      body: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          type: {
            _errors: [
              {
                code: 'INTERACTION_CALLBACK_TYPE_INVALID',
                message: 'Invalid interaction callback type for this interaction',
              },
            ],
          },
        },
      },
    };
  }
  if (type === 4) record.original = newReply(ctx, record, data, false);
  if (type === 5) record.original = newReply(ctx, record, data, true);
  if (type === 6 || type === 7) {
    record.original = messageUnderInteraction(ctx, record);
    if (type === 7 && record.original) applyMessageEdit(record.original, data, ctx.files, ctx.state.newId);
  }
  if (type === 8) record.choices = (data?.['choices'] as InteractionRecord['choices']) ?? [];
  if (type === 9) {
    record.modal = data as unknown as InteractionRecord['modal'];
    if (record.modal) ctx.state.modalsShown.push(record.modal);
  }
  record.responses.push({ type, body: ctx.body, atMs });
  if (ctx.query.get('with_response') !== 'true') return { status: 204 };
  const message = record.original ? toApiMessage(record.original, ctx.state.world.applicationId) : undefined;
  return {
    status: 200,
    body: {
      interaction: {
        id,
        type: record.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: record.original?.loading,
              response_message_ephemeral: record.original?.ephemeral,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    },
  };
}

/** Interaction tokens are valid for 15 minutes (receiving-and-responding, "Followup Messages"). */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

function webhookRecord(ctx: HandlerContext): InteractionRecord | undefined {
  const [appId, token = ''] = ctx.params;
  return appId === ctx.state.world.applicationId ? ctx.state.interactionByToken(token) : undefined;
}

/** The interaction of a webhook request, or Discord's answer: unknown webhook, or 401 50027 once the token expired. */
function liveWebhookRecord(ctx: HandlerContext): InteractionRecord | HandlerResult {
  const record = webhookRecord(ctx);
  if (!record) return Errors.unknownWebhook();
  if (record.sentAt !== null && ctx.receivedAt - record.sentAt > TOKEN_LIFETIME_MS) {
    record.problems.push('the interaction token was used after 15 minutes → 50027');
    return Errors.invalidWebhookToken();
  }
  return record;
}

/**
 * A user-installed app used where it is not installed in the server (the authorizing integration owners
 * hold only USER_INSTALL) may send at most 5 follow-ups per interaction.
 */
function followUpLimit(payload: APIInteraction): number {
  const owners = payload.authorizing_integration_owners;
  return Object.keys(owners).every((key) => key === String(ApplicationIntegrationType.UserInstall)) ? 5 : Infinity;
}

/** `POST /webhooks/{app}/{token}`: a follow-up. After a bare defer, the first follow-up fills the deferred reply, as on Discord. */
export function executeWebhook(ctx: HandlerContext): HandlerResult {
  const record = liveWebhookRecord(ctx);
  if ('status' in record) return record;
  if (record.responses.length === 0) return Errors.unknownWebhook();
  let message: MessageState;
  // Only a deferred reply still loading is filled; once deleted, a follow-up is a new message with its own flags.
  if (record.original?.loading && !record.original.deleted && record.responses[0]?.type === 5) {
    message = record.original;
    applyMessageEdit(message, ctx.body as Body, ctx.files, ctx.state.newId);
    record.originalEdits += 1;
  } else {
    if (record.followUps.length >= followUpLimit(record.payload)) {
      record.problems.push(`follow-up ${record.followUps.length + 1} of a user-installed app outside a server → 40094`);
      return Errors.tooManyFollowUps();
    }
    message = newReply(ctx, record, ctx.body as Body, false);
    message.type = MessageType.Default;
    record.followUps.push(message);
  }
  return ctx.query.get('wait') === 'true'
    ? { status: 200, body: toApiMessage(message, ctx.state.world.applicationId) }
    : { status: 204 };
}

/** The webhook message a request names (`@original` or an id), or the error Discord answers. */
export function findMessage(ctx: HandlerContext): MessageState | HandlerResult {
  const record = liveWebhookRecord(ctx);
  const messageId = ctx.params[2];
  if ('status' in record) return record;
  if (messageId === '@original') {
    // Discord has no original message until the first callback; the webhook itself does not exist yet.
    if (record.responses.length === 0) {
      record.problems.push('@original was used before any callback → 10015');
      return Errors.unknownWebhook();
    }
    return record.original && !record.original.deleted ? record.original : Errors.unknownMessage();
  }
  const message = [record.original, ...record.followUps].find(
    (m) => m !== undefined && m.id === messageId && !m.deleted,
  );
  return message ?? Errors.unknownMessage();
}

/** `GET /webhooks/{app}/{token}/messages/{id|@original}`. */
export function getWebhookMessage(ctx: HandlerContext): HandlerResult {
  const found = findMessage(ctx);
  return 'status' in found ? found : { status: 200, body: toApiMessage(found, ctx.state.world.applicationId) };
}

/** `PATCH /webhooks/{app}/{token}/messages/{id|@original}`: editReply / editFollowUp. */
export function editWebhookMessage(ctx: HandlerContext): HandlerResult {
  const found = findMessage(ctx);
  if ('status' in found) return found;
  applyMessageEdit(found, ctx.body as Body, ctx.files, ctx.state.newId);
  const owner = webhookRecord(ctx);
  if (owner && found === owner.original) owner.originalEdits += 1;
  return { status: 200, body: toApiMessage(found, ctx.state.world.applicationId) };
}

/** `DELETE /webhooks/{app}/{token}/messages/{id|@original}`: deleteReply / deleteFollowUp. */
export function deleteWebhookMessage(ctx: HandlerContext): HandlerResult {
  const found = findMessage(ctx);
  if ('status' in found) return found;
  found.deleted = true;
  return { status: 204 };
}
