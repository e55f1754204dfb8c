import { randomBytes } from 'node:crypto';
import { UserErrorMessages, UserFacingError } from '../errors.js';
import {
  PluralKitAPIError,
  PluralKitError,
  PluralKitErrorCode,
  PluralKitInputError,
  PluralKitRateLimitError,
} from '../pluralkit/index.js';
import { VaultUnavailableError } from '../vault/index.js';
import { isDiscordServerError } from './request-error.js';

/** What the boundary does with an error: what the user reads, and how loudly we log it. */
export interface DescribedError {
  readonly message: string;
  /** `info`: the user's own mistake; `warn`: upstream trouble; `error`: our bug. */
  readonly level: 'info' | 'warn' | 'error';
  /** Set for our own bugs: shown to the user and logged, so a report can be matched to a log line. */
  readonly errorId?: string;
}

const privateWhat: Partial<Record<number, string>> = {
  [PluralKitErrorCode.MemberListPrivate]: 'member list',
  [PluralKitErrorCode.GroupListPrivate]: 'group list',
  [PluralKitErrorCode.GroupMemberListPrivate]: 'group member lists',
  [PluralKitErrorCode.FrontersPrivate]: 'current fronters',
  [PluralKitErrorCode.FrontHistoryPrivate]: 'front history',
};

function describeApiError(error: PluralKitAPIError): UserFacingError | undefined {
  const what = privateWhat[error.code];
  if (what !== undefined) return new UserFacingError('Private', { what });
  switch (error.code) {
    case PluralKitErrorCode.SystemNotFound:
      return new UserFacingError('SystemNotFound', {});
    case PluralKitErrorCode.MemberNotFound:
    case PluralKitErrorCode.MemberRefNotFound:
      return new UserFacingError('MemberNotFound', {});
    case PluralKitErrorCode.GroupNotFound:
    case PluralKitErrorCode.GroupRefNotFound:
      return new UserFacingError('GroupNotFound', {});
    case PluralKitErrorCode.SwitchNotFound:
    case PluralKitErrorCode.SwitchNotFoundOrPrivate:
      return new UserFacingError('SwitchNotFound');
    case PluralKitErrorCode.MessageNotFound:
      return new UserFacingError('MessageNotFound');
    case PluralKitErrorCode.DuplicateMembers:
      return new UserFacingError('DuplicateMembers');
    case PluralKitErrorCode.SameSwitchMembers:
      return new UserFacingError('SameAsCurrent');
    case PluralKitErrorCode.SameSwitchTimestamp:
      return new UserFacingError('SwitchTimeTaken');
    default:
      break;
  }
  if (error.status === 403) return describeForbidden(error);
  return undefined;
}

/** Where users report an internal error's id: the operator's `SUPPORT_URL`, when set. */
export interface DescribeErrorOptions {
  readonly supportUrl?: string | undefined;
}

const notYours: readonly number[] = [
  PluralKitErrorCode.MemberNotInYourSystem,
  PluralKitErrorCode.GroupNotInYourSystem,
  PluralKitErrorCode.MemberRefNotInYourSystem,
  PluralKitErrorCode.GroupRefNotInYourSystem,
];

/** A 403 says why: privacy is handled above; "not part of your system" codes, or a plain refusal (code 0). */
function describeForbidden(error: PluralKitAPIError): UserFacingError {
  return notYours.includes(error.code) ? new UserFacingError('NotYourSystem') : new UserFacingError('Forbidden');
}

/**
 * Turns anything a handler threw into what the user is told. User mistakes and privacy answers are
 * explained; PluralKit trouble asks them to retry; anything else is our bug and gets an error id,
 * with where to report it.
 */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): DescribedError {
  if (error instanceof UserFacingError) return { message: error.message, level: 'info' };
  if (error instanceof VaultUnavailableError) return { message: UserErrorMessages.StoreUnavailable(), level: 'warn' };
  if (error instanceof PluralKitInputError) {
    return {
      message: UserErrorMessages.InvalidReference({
        kind: friendlyArgument(error.argument),
        detail: `expected ${error.expected}.`,
      }),
      level: 'info',
    };
  }
  // Discord failing (5xx) is Discord's trouble: no error id, since there is nothing of ours to report.
  if (isDiscordServerError(error)) return { message: UserErrorMessages.DiscordDown(), level: 'warn' };
  if (error instanceof PluralKitRateLimitError) return { message: UserErrorMessages.PluralKitBusy(), level: 'warn' };
  if (error instanceof PluralKitAPIError) {
    const known = describeApiError(error);
    if (known !== undefined) return { message: known.message, level: 'info' };
    if (error.status >= 500) return { message: UserErrorMessages.PluralKitDown(), level: 'warn' };
  } else if (error instanceof PluralKitError) {
    // Timeouts, network failures, 5xx and bodies that fail their schema are PluralKit's trouble, not the user's.
    return { message: UserErrorMessages.PluralKitDown(), level: 'warn' };
  }
  const errorId = randomBytes(4).toString('hex');
  return { message: UserErrorMessages.Internal({ errorId, supportUrl: options.supportUrl }), level: 'error', errorId };
}

/** `systemRef` → `system`, `members[2]` → `member`: the client's argument names, in the user's words. */
function friendlyArgument(argument: string): string {
  const base = argument
    .replace(/\[\d+\]$/, '')
    .replace(/Refs?$/, '')
    .replace(/Id$/, '');
  return base === 'members' ? 'member' : base;
}
