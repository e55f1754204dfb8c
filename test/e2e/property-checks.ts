/**
 * What the property-based test holds true for every generated interaction: it was answered (the stand-in
 * accepted a first callback inside Discord's window, and a deferral was followed by the answer), no answer
 * is an internal error, no body sent to Discord or log line holds token-shaped text, and nothing pings.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { looksSecret } from '../../src/log.js';
import type { InteractionHandle, MessageState, RecordedRequest } from '../../stand-ins/discord/index.js';

/** The words of the internal-error answer (`UserErrorMessages.Internal`), which user input must never get. */
export const InternalErrorMarker = 'report error id';

const mentionSyntax = /<@!?\d+>|<@&\d+>|@everyone|@here/;

/** Every `content` string anywhere in a body (message content, Components V2 text displays). */
function contents(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) contents(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'content' && typeof item === 'string') out.push(item);
      else contents(item, out);
    }
  }
  return out;
}

/** True when the body would notify someone: it has mention syntax and its allowed_mentions let it through. */
export function pings(body: unknown): boolean {
  if (!contents(body).some((text) => mentionSyntax.test(text))) return false;
  const outer = body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
  const allowed = (outer.allowed_mentions ?? outer.data?.allowed_mentions) as
    { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
  if (allowed === undefined) return true;
  return (allowed.parse?.length ?? 1) > 0 || (allowed.users?.length ?? 0) > 0 || (allowed.roles?.length ?? 0) > 0;
}

/**
 * Waits for the answer a user would see: the first callback must be accepted (a late one is refused by the
 * stand-in with 10062 and never lands), and a deferral must be followed by the real answer or a follow-up.
 * Returns the problems found, empty when it was answered.
 */
export async function awaitAnswer(handle: InteractionHandle, autocomplete: boolean): Promise<string[]> {
  try {
    const first = await handle.firstResponse(15_000);
    // A deferral is answered by filling it in, or (the error path of a public one) by deleting it and following up privately.
    if (first.type === 5)
      await handle.waitFor(
        (r) =>
          (r.original !== undefined && !r.original.loading && !r.original.deleted) ||
          (r.original?.deleted === true && r.followUps.length > 0),
        15_000,
      );
    if (first.type === 6)
      await handle.waitFor((record) => (record.original?.editCount ?? 0) > 0 || record.followUps.length > 0, 15_000);
    if (autocomplete && first.type !== 8) return [`autocomplete answered with callback type ${first.type}`];
  } catch (error) {
    const notes = handle.followUps.map((message) => message.content.slice(0, 200)).join(' | ');
    return [
      `no answer: ${error instanceof Error ? error.message : String(error)}${notes ? ` (follow-ups: ${notes})` : ''}`,
    ];
  }
  return handle.record.problems
    .filter((problem) => problem.includes('10062'))
    .map((problem) => `outside the window: ${problem}`);
}

/** The text of everything the user saw for one interaction. */
export function seenText(handle: InteractionHandle): string {
  const messages: (MessageState | undefined)[] = [handle.original, ...handle.followUps];
  return JSON.stringify(
    messages
      .filter((m) => m !== undefined)
      .map((m) => ({ content: m.content, embeds: m.embeds, components: m.components })),
  );
}

/** Problems in the requests the bot made to Discord: token-shaped text, a generated secret (or part), a ping. */
export function requestProblems(
  requests: readonly RecordedRequest[],
  holdsSecret: (text: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const request of requests) {
    const body = JSON.stringify(request.body ?? null);
    const where = `${request.method} ${request.route ?? request.path}`;
    if (looksSecret(body)) problems.push(`${where}: token-shaped text in the body`);
    else if (holdsSecret(body)) problems.push(`${where}: part of a generated token in the body`);
    if (pings(request.body)) problems.push(`${where}: a mention that pings`);
  }
  return problems;
}

/** Problems in log lines: a generated secret or a fragment of one (the scrubber hides only whole tokens). */
export function logProblems(lines: readonly string[], holdsSecret: (text: string) => boolean): string[] {
  return lines
    .filter((line) => looksSecret(line) || holdsSecret(line))
    .map((line) => `log line holds a token: ${line.slice(0, 160)}`);
}

/** Interactive controls (buttons with a custom id, string selects) anywhere in a message, in order. */
export function controlsOf(
  message: Pick<APIMessage, 'components'> | MessageState | undefined,
): { customId: string; kind: 'button' | 'select'; values: string[] }[] {
  const found: { customId: string; kind: 'button' | 'select'; values: string[] }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const node = value as { type?: number; custom_id?: string; options?: { value: string }[]; disabled?: boolean };
    if (node.type === 2 && typeof node.custom_id === 'string' && node.disabled !== true)
      found.push({ customId: node.custom_id, kind: 'button', values: [] });
    if (node.type === 3 && typeof node.custom_id === 'string' && node.disabled !== true) {
      found.push({
        customId: node.custom_id,
        kind: 'select',
        values: (node.options ?? []).map((option) => option.value),
      });
    }
    Object.values(value).forEach(walk);
  };
  walk(message?.components ?? []);
  return found;
}
