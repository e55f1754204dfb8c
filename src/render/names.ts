import type { Member } from '../pluralkit/schemas.js';
import { truncate } from './limits.js';
import { inlineText } from './text.js';

/** Longest name (before escaping) a line shows; PluralKit allows 100, lists read better shorter. */
export const NameLengthInLists = 50;

/** The name a member goes by: the display name when set, else the name. */
export function memberName(member: Pick<Member, 'name' | 'display_name'>): string {
  const display = member.display_name?.trim();
  return display !== undefined && display !== '' ? display : member.name;
}

/** Short id → name, for views that show switches (whose members are short ids). */
export function nameLookup(members: readonly Pick<Member, 'id' | 'name' | 'display_name'>[]): Map<string, string> {
  return new Map(members.map((member) => [member.id, memberName(member)]));
}

/** A name in bold, escaped and cut for a list line. */
export function boldName(name: string, max: number = NameLengthInLists): string {
  return `**${inlineText(truncate(name.replace(/\s+/g, ' ').trim(), max)) || '\u200b'}**`;
}

/**
 * A member of a switch for display: the bold name when `names` knows the short id, else the id in a
 * code span (hidden or deleted members).
 */
export function switchMemberLabel(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name === undefined ? `\`${id}\`` : boldName(name);
}

/** The same as plain text, for select menu labels (no markdown there). */
export function plainMemberLabel(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id)?.replace(/\s+/g, ' ').trim() ?? id;
}

/**
 * A name in bold whose markdown (after escaping) takes at most `max` characters: the name is cut
 * further until its escaped form fits, so names full of `*` or `_` cannot blow a line budget.
 */
export function boldNameWithin(name: string, max: number): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  let raw = Math.max(1, max - 4);
  let text = inlineText(truncate(clean, raw));
  while (text.length > max - 4 && raw > 1) {
    raw = Math.max(1, raw - Math.ceil((text.length - (max - 4)) / 2));
    text = inlineText(truncate(clean, raw));
  }
  return `**${text || '\u200b'}**`;
}

/**
 * The one order co-fronters are shown in, everywhere: by shown name (case and accents ignored, numbers by value: `Member 6` before `Member 19`), then
 * by id. PluralKit's switch list does not keep a switch's member order while `/fronters` does, so
 * the order PluralKit sends cannot be shown consistently; this order does not depend on the route.
 */
export function sortedMembers<T extends Pick<Member, 'id' | 'name' | 'display_name'>>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => compareNames(memberName(a), memberName(b)) || a.id.localeCompare(b.id, 'en'));
}

/**
 * A switch's member ids in {@link sortedMembers} order, names from `names`; ids without a name
 * (hidden or deleted members) come last, by id.
 */
export function sortedSwitchMembers(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return [...ids].sort((a, b) => {
    const nameA = names.get(a);
    const nameB = names.get(b);
    if (nameA === undefined || nameB === undefined)
      return (nameA === undefined ? 1 : 0) - (nameB === undefined ? 1 : 0) || a.localeCompare(b, 'en');
    return compareNames(nameA, nameB) || a.localeCompare(b, 'en');
  });
}

function compareNames(a: string, b: string): number {
  return a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'base', numeric: true });
}
