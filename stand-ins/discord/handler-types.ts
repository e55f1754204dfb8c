import type { UploadedFile } from './messages.js';
import type { StandInState } from './stand-in-state.js';

/** What a route handler gets. */
export interface HandlerContext {
  state: StandInState;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** Unix ms when the request arrived (Discord times the response window by arrival, not by our processing). */
  receivedAt: number;
}

/** What a route handler answers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Discord's error body. */
export function discordError(status: number, code: number, message: string): HandlerResult {
  return { status, body: { message, code } };
}

/** The errors the handlers use, with Discord's own codes and wording. */
export const Errors = {
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  unknownChannel: () => discordError(404, 10003, 'Unknown Channel'),
  unknownUser: () => discordError(404, 10013, 'Unknown User'),
  missingAccess: () => discordError(403, 50001, 'Missing Access'),
  missingPermissions: () => discordError(403, 50013, 'Missing Permissions'),
  unknownGuild: () => discordError(404, 10004, 'Unknown Guild'),
  unknownMember: () => discordError(404, 10007, 'Unknown Member'),
  unknownRole: () => discordError(404, 10011, 'Unknown Role'),
  cannotDmUser: () => discordError(403, 50007, 'Cannot send messages to this user'),
  invalidRecipient: () => discordError(400, 50033, 'Invalid Recipient(s)'),
  invalidWebhookToken: () => discordError(401, 50027, 'Invalid Webhook Token'),
  tooManyFollowUps: () => discordError(400, 40094, 'This interaction has hit the maximum number of follow up messages'),
} as const;
