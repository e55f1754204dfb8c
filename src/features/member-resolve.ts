import { UserFacingError } from '../errors.js';
import type { Member } from '../pluralkit/index.js';
import { requireByReference } from './lookup.js';

/**
 * Resolves every typed member to its short id, in the given order (see `requireByReference` for the rules).
 * @throws {UserFacingError} `DuplicateMembers` when two entries are the same member (checked before PluralKit
 * would answer 40003), `MemberNotFound`, `AmbiguousMember`.
 */
export function resolveMembers(members: readonly Member[], typed: readonly string[]): string[] {
  const ids = typed.map((text) => requireByReference(members, text, 'member').id);
  if (new Set(ids).size !== ids.length) throw new UserFacingError('DuplicateMembers');
  return ids;
}

/** Splits a typed list of members (`Ash, Kai; abcde` or one per line) into entries. */
export function splitMemberList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
