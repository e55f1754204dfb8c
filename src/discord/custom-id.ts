/**
 * Custom ids of our buttons, selects and modals: `command:action:session:arg`. The router reads the
 * command to dispatch and the session to check who may act; the rest belongs to the command.
 */
export interface CustomId {
  /** The slash command that owns the control, e.g. `members`. */
  readonly command: string;
  /** What the control does, e.g. `next` or `open`. */
  readonly action: string;
  /** Session id, or `-` for controls that need none (the /link modal). */
  readonly session: string;
  /** Free argument (a page number, an index); never user-typed text. */
  readonly arg: string;
}

/** Discord's limit on a custom id. */
export const MaxCustomIdLength = 100;

/** Builds a custom id; throws if it would be longer than Discord allows. */
export function encodeCustomId(id: Omit<CustomId, 'arg' | 'session'> & { session?: string; arg?: string }): string {
  const text = [id.command, id.action, id.session ?? '-', id.arg ?? ''].join(':');
  if (text.length > MaxCustomIdLength)
    throw new RangeError(`custom id too long (${text.length}): ${id.command}:${id.action}`);
  return text;
}

/** Parses a custom id made by {@link encodeCustomId}; `undefined` for anything else. */
export function decodeCustomId(text: string): CustomId | undefined {
  const [command, action, session, ...rest] = text.split(':');
  if (!command || !action || session === undefined) return undefined;
  return { command, action, session, arg: rest.join(':') };
}
