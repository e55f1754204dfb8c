import { UserFacingError } from '../errors.js';
import type { Member } from '../pluralkit/index.js';
import { memberName } from '../render/names.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds the member a user typed: a short id in any display form (`ABC-DEF`), a UUID, or an exact name or
 * display name (case-insensitive). Ids win over names, so a member named like another's id stays reachable.
 * @throws {UserFacingError} `MemberNotFound`, or `AmbiguousMember` when several members share that name.
 */
export function resolveMember(members: readonly Member[], typed: string): Member {
  const text = typed.trim();
  const lower = text.toLowerCase();
  if (uuidPattern.test(text)) {
    const byUuid = members.find((member) => member.uuid === lower);
    if (byUuid) return byUuid;
  }
  const shortId = lower.replace(/-/g, '');
  const byId = /^[a-z]{5,6}$/.test(shortId) ? members.find((member) => member.id === shortId) : undefined;
  if (byId) return byId;
  const byName = members.filter((member) => [member.name, memberName(member)].some((name) => name.trim().toLowerCase() === lower));
  if (byName.length === 1) return byName[0]!;
  const shown = `\`${text.replace(/`/g, "'").slice(0, 100)}\``;
  if (byName.length > 1) throw new UserFacingError('AmbiguousMember', { ref: shown, ids: byName.map((member) => member.id) });
  throw new UserFacingError('MemberNotFound', { ref: shown });
}

/**
 * Resolves every typed member to its short id, in the given order.
 * @throws {UserFacingError} `DuplicateMembers` when two entries are the same member (checked before PluralKit
 * would answer 40003), or what {@link resolveMember} throws.
 */
export function resolveMembers(members: readonly Member[], typed: readonly string[]): string[] {
  const ids = typed.map((text) => resolveMember(members, text).id);
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
