import { UserFacingError } from '../errors.js';
import { normalizeMemberRef, PluralKitErrorCode } from '../pluralkit/index.js';
import { memberName } from '../render/names.js';
import { orOnCode } from './fallback.js';

/** What members and groups share for lookups. */
export interface Referable {
  readonly id: string;
  readonly uuid: string;
  readonly name: string;
  readonly display_name: string | null;
}

/** The outcome of looking a typed reference up in a list. */
export type Picked<T> = { kind: 'found'; item: T } | { kind: 'ambiguous'; items: T[] } | { kind: 'none' };

/** Which kind of thing a lookup is for; it names the messages. */
export type LookupKind = 'member' | 'group';

const combiningMarks = /\p{M}/gu;

/**
 * Text as every lookup compares it: compatibility-decomposed (NFKD) with combining marks dropped, so
 * `Émile`, `émile` and `Emile` are one; lowercased; runs of spaces made one and the ends trimmed.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(combiningMarks, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A short id as typed (any case, with or without the `-` PluralKit may show in it), compared form. */
function foldId(text: string): string {
  return foldText(text).replace(/-/g, '');
}

/**
 * Finds what the user typed in `items`: its short id (any case, dash allowed) or UUID, else an exact
 * name, else an exact display name, each compared by {@link foldText}. Two equal names are ambiguous
 * rather than a guess; ids win over names, so a member named like another's id stays reachable.
 */
export function pickByReference<T extends Referable>(items: readonly T[], typed: string): Picked<T> {
  const id = foldId(typed);
  const uuid = foldText(typed);
  const byId = items.find((item) => item.id === id || item.uuid === uuid);
  if (byId !== undefined) return { kind: 'found', item: byId };
  const text = foldText(typed);
  for (const key of [(item: T) => item.name, (item: T) => item.display_name]) {
    const matches = items.filter((item) => {
      const value = key(item);
      return value !== null && foldText(value) === text;
    });
    if (matches.length === 1) return { kind: 'found', item: matches[0]! };
    if (matches.length > 1) return { kind: 'ambiguous', items: matches };
  }
  return { kind: 'none' };
}

/**
 * The item `typed` names in `items`. @throws {UserFacingError} `MemberNotFound` / `GroupNotFound`, or
 * `AmbiguousMember` / `AmbiguousGroup` when several share that name.
 */
export function requireByReference<T extends Referable>(items: readonly T[], typed: string, kind: LookupKind): T {
  const picked = pickByReference(items, typed);
  if (picked.kind === 'found') return picked.item;
  if (picked.kind === 'ambiguous') throw ambiguous(kind, typed, picked.items);
  throw notFound(kind, typed);
}

/** How to look a member or group up in one system: its list (absent when private) and a fetch by id. */
export interface SystemLookup<T extends Referable> {
  readonly kind: LookupKind;
  /** The list, or `undefined` when the system keeps it private. */
  readonly list: Promise<T[] | undefined>;
  /** The one with that reference, from PluralKit (finds hidden and unlisted ones too). */
  byId(ref: string): Promise<T>;
}

/**
 * What `typed` names in a system: looked up in its list first (names need it), then by id, which also
 * finds entries hidden from the list and those of systems whose list is private.
 * @throws {UserFacingError} not found / ambiguous (see {@link requireByReference}), `PrivateListNeedsId`.
 */
export async function findInSystem<T extends Referable>(lookup: SystemLookup<T>, typed: string): Promise<T> {
  const { kind } = lookup;
  const items = await lookup.list;
  const picked = items === undefined ? undefined : pickByReference(items, typed);
  if (picked?.kind === 'found') return picked.item;
  if (picked?.kind === 'ambiguous') throw ambiguous(kind, typed, picked.items);
  const id = asEntityRef(typed);
  if (id === undefined) {
    if (items === undefined) throw new UserFacingError('PrivateListNeedsId', { what: kind });
    throw notFound(kind, typed);
  }
  const code = kind === 'member' ? PluralKitErrorCode.MemberNotFound : PluralKitErrorCode.GroupNotFound;
  const found = await orOnCode(lookup.byId(id), code, undefined);
  if (found === undefined) throw notFound(kind, typed);
  return found;
}

/**
 * Items whose name, display name or short id contain `typed` (by {@link foldText}), those starting with
 * it first, each part in name order; empty input lists all by name. For autocomplete and searches.
 */
export function matchByText<T extends Referable>(
  items: readonly T[],
  typed: string | undefined,
  limit = Infinity,
): T[] {
  const text = foldText(typed ?? '');
  const sorted = sortByName(items);
  if (text === '') return sorted.slice(0, limit);
  const id = foldId(text);
  const starts = (item: T): boolean =>
    keysOf(item).some((key) => key.startsWith(text)) || (id !== '' && item.id.startsWith(id));
  const contains = (item: T): boolean =>
    keysOf(item).some((key) => key.includes(text)) || (id !== '' && item.id.includes(id));
  const prefix = sorted.filter(starts);
  const inside = sorted.filter((item) => !starts(item) && contains(item));
  return [...prefix, ...inside].slice(0, limit);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** By shown name (display name when set), case- and accent-insensitive; ties by id, so the order is stable. */
export function sortByName<T extends Referable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(memberName(a), memberName(b)) || (a.id < b.id ? -1 : 1));
}

function keysOf(item: Referable): string[] {
  return [item.name, item.display_name ?? ''].map(foldText);
}

/** The typed text as a member or group reference PluralKit accepts (short id or UUID), else `undefined`. */
export function asEntityRef(typed: string): string | undefined {
  try {
    // Members and groups share one reference format.
    return normalizeMemberRef(typed.trim());
  } catch {
    return undefined;
  }
}

/** Typed text quoted for a message, cut so a pasted essay cannot flood it. */
export function quoteTyped(typed: string): string {
  const text = typed.replace(/\s+/g, ' ').trim();
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

function notFound(kind: LookupKind, typed: string): UserFacingError {
  return new UserFacingError(kind === 'member' ? 'MemberNotFound' : 'GroupNotFound', { ref: quoteTyped(typed) });
}

function ambiguous(kind: LookupKind, typed: string, items: readonly Referable[]): UserFacingError {
  const context = { ref: quoteTyped(typed), ids: items.map((item) => item.id) };
  return kind === 'member'
    ? new UserFacingError('AmbiguousMember', context)
    : new UserFacingError('AmbiguousGroup', context);
}
