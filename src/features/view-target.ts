import type { Accounts } from '../accounts.js';
import { encodeCustomId } from '../discord/custom-id.js';
import type { CommandContext } from '../discord/command.js';
import { isPluralKitAPIError, type CallOptions, type PluralKitErrorCode } from '../pluralkit/index.js';
import { idDisplayOf, type IdDisplay } from '../render/ids.js';
import type { RenderControls } from '../render/message.js';
import { ownTarget, type Target } from '../targets.js';

/**
 * A target as kept in a session behind buttons. The caller's own system keeps no token: it is looked
 * up again on every click, so an unlink (or a refreshed token) takes effect at once.
 */
export type StoredTarget = { readonly kind: 'own' } | Exclude<Target, { kind: 'own' }>;

/** The part of a target that may live in a session. */
export function storeTarget(target: Target): StoredTarget {
  return target.kind === 'own' ? { kind: 'own' } : target;
}

/** A stored target made usable again. @throws {UserFacingError} `NotLinked` when the caller unlinked since. */
export async function restoreTarget(accounts: Accounts, callerId: string, stored: StoredTarget): Promise<Target> {
  return stored.kind === 'own' ? ownTarget(accounts, callerId) : stored;
}

/** Controls whose custom ids route back to `command` with the session `sessionId`. */
export function sessionControls(command: string, sessionId: string): RenderControls {
  return { customId: (action, arg) => encodeCustomId({ command, action, session: sessionId, ...(arg !== undefined && { arg }) }) };
}

/**
 * The answer of `call`, or `undefined` when PluralKit says it is private (one of `codes`). For the
 * optional parts of a view (counts, groups, last fronted): privacy leaves them out instead of failing.
 */
export async function unlessPrivate<T>(call: Promise<T>, ...codes: PluralKitErrorCode[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (codes.some((code) => isPluralKitAPIError(error, code))) return undefined;
    throw error;
  }
}

/**
 * How system `ref` wants its short ids shown (its `hid_display_split` / `hid_display_caps` settings,
 * which PluralKit shows to everyone). Cached by the client like every read.
 */
export async function idDisplayFor(ctx: CommandContext, ref: string, o: CallOptions): Promise<IdDisplay> {
  return idDisplayOf(await ctx.pluralkit.getSystemSettings(ref, o));
}
