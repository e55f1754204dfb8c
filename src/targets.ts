import type { User } from 'discord.js';
import type { Accounts } from './accounts.js';
import { UserFacingError } from './errors.js';
import { isPluralKitAPIError, normalizeSystemRef, PluralKitErrorCode } from './pluralkit/index.js';
import type { LinkedAccount } from './vault/index.js';

/** Whose system a command is about, and how to ask PluralKit for it. */
export type Target =
  | { readonly kind: 'own'; readonly ref: '@me'; readonly account: LinkedAccount }
  | { readonly kind: 'system'; readonly ref: string }
  | { readonly kind: 'user'; readonly ref: string; readonly user: User };

/** The `system` / `user` options most commands share. */
export interface TargetOptions {
  system?: string | null | undefined;
  user?: User | null | undefined;
}

/**
 * Resolves the options to a target: nothing means the caller's own linked system; a system reference
 * or Discord user means someone else's public view, unless it turns out to be the caller's own system.
 * @throws {UserFacingError} `OptionConflict`, `NotLinked`; `PluralKitInputError` for a malformed reference.
 */
export async function resolveTarget(accounts: Accounts, callerId: string, options: TargetOptions): Promise<Target> {
  const { system, user } = options;
  if (system && user) throw new UserFacingError('OptionConflict', { first: 'system', second: 'user' });
  if (user) {
    const account = user.id === callerId ? await accounts.find(callerId) : undefined;
    return account ? { kind: 'own', ref: '@me', account } : { kind: 'user', ref: user.id, user };
  }
  if (system) {
    const ref = normalizeSystemRef(system);
    const account = await accounts.find(callerId);
    if (account && (ref === account.systemId || ref === account.systemUuid || ref === '@me')) {
      return { kind: 'own', ref: '@me', account };
    }
    if (ref === '@me') throw new UserFacingError('NotLinked');
    return { kind: 'system', ref };
  }
  return { kind: 'own', ref: '@me', account: await accounts.require(callerId) };
}

/** A human label for a target in messages ("your system", "system `abcde`", "@user's system"). */
export function describeTarget(target: Target): string {
  if (target.kind === 'own') return 'your system';
  if (target.kind === 'user') return `${target.user.username}'s system`;
  return `system \`${target.ref}\``;
}

/**
 * Runs a PluralKit call for a target, with the caller's token when it is their own system (and the
 * public view otherwise), turning "not found" into a message that names what was looked up.
 */
export async function forTarget<T>(
  accounts: Accounts,
  callerId: string,
  target: Target,
  call: (ref: string, token: string | undefined) => Promise<T>,
): Promise<T> {
  try {
    if (target.kind === 'own') return await accounts.withToken(target.account, callerId, (token) => call('@me', token));
    return await call(target.ref, undefined);
  } catch (error) {
    if (isPluralKitAPIError(error, PluralKitErrorCode.SystemNotFound)) {
      if (target.kind === 'user') throw new UserFacingError('UserHasNoSystem');
      throw new UserFacingError('SystemNotFound', { ref: `\`${target.ref}\`` });
    }
    throw error;
  }
}

/** The caller's own linked system. @throws {UserFacingError} `NotLinked` */
export async function ownTarget(accounts: Accounts, callerId: string): Promise<Target & { kind: 'own' }> {
  return { kind: 'own', ref: '@me', account: await accounts.require(callerId) };
}
