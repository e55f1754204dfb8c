import { stdSerializers } from 'pino';
import { describeDiscordRequestError, isDiscordRequestError } from './discord/request-error.js';

/**
 * An error as a log line holds it: type, message, stack (both with their causes) and the error's own
 * fields, as pino's `err` serializer makes them. A failed Discord request keeps only its route template,
 * status and code: its body holds users' data and its URL the interaction token.
 */
export function serializeError(error: Error): Record<string, unknown> {
  if (isDiscordRequestError(error)) return { ...describeDiscordRequestError(error) };
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    // Nested errors (other than the cause, already folded into message and stack) get the same treatment.
    out[key] = value instanceof Error ? serializeError(value) : value;
  }
  return out;
}
