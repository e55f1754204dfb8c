import type { CommandContext } from '../discord/command.js';
import type { CallOptions, KeyArea } from '../pluralkit/index.js';
import { idDisplayOf, type IdDisplay } from '../render/ids.js';
import { forTarget, ownTarget, type Target } from '../targets.js';
import { keyViewNote } from './key-view-note.js';

/**
 * A target as kept in a session behind buttons. The caller's own system keeps no token: it is looked
 * up again on every click, so an unlink (or a refreshed token) takes effect at once.
 */
export type StoredTarget = { readonly kind: 'own' } | Exclude<Target, { kind: 'own' }>;

/** The part of a target that may live in a session. */
export function storeTarget(target: Target): StoredTarget {
  return target.kind === 'own' ? { kind: 'own' } : target;
}

/** A target as its reads need it: the reference to ask PluralKit for, and the options carrying the caller's token. */
export interface TargetView {
  readonly ref: string;
  /** The caller's token when it is their own system, else none (the public view). */
  readonly o: CallOptions;
  /** The line saying an answer about `area` is only the public view, when the caller's linked key cannot read more. */
  readonly keyNote: (area: KeyArea) => string | undefined;
}

/**
 * Runs the reads of a view of `target` for `callerId`, with their token when it is their own system (see
 * `forTarget`, which also names what was looked up when PluralKit does not know it). A stored target is
 * restored first. @throws {UserFacingError} `NotLinked` when a stored own target was unlinked since.
 */
export async function readTarget<T>(
  ctx: CommandContext,
  callerId: string,
  target: Target | StoredTarget,
  read: (view: TargetView) => Promise<T>,
): Promise<T> {
  const resolved = 'ref' in target ? target : await ownTarget(ctx.accounts, callerId);
  return forTarget(ctx.accounts, callerId, resolved, (ref, token) =>
    read({ ref, o: { token }, keyNote: (area) => keyViewNote(resolved, area) }),
  );
}

/**
 * Runs `use` with the caller's own token (refreshed or dropped as `Accounts.withToken` decides).
 * @throws {UserFacingError} `NotLinked`
 */
export async function withOwnToken<T>(
  ctx: CommandContext,
  callerId: string,
  use: (o: CallOptions & { token: string }) => Promise<T>,
): Promise<T> {
  const target = await ownTarget(ctx.accounts, callerId);
  return ctx.accounts.withToken(target.account, callerId, (token) => use({ token }));
}

/**
 * How system `ref` wants its short ids shown (its `hid_display_split` / `hid_display_caps` settings,
 * which PluralKit shows to everyone). Cached by the client like every read.
 */
export async function idDisplayFor(ctx: CommandContext, view: Pick<TargetView, 'ref' | 'o'>): Promise<IdDisplay> {
  return idDisplayOf(await ctx.pluralkit.getSystemSettings(view.ref, view.o));
}
