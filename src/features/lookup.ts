import { normalizeMemberRef } from '../pluralkit/index.js';

/** What members and groups share for lookups. */
export interface Referable {
  readonly id: string;
  readonly uuid: string;
  readonly name: string;
  readonly display_name: string | null;
}

/** The outcome of looking a typed reference up in a list. */
export type Picked<T> = { kind: 'found'; item: T } | { kind: 'ambiguous'; items: T[] } | { kind: 'none' };

/**
 * Finds what the user typed in `items`: its short id (any case, dash allowed) or UUID, else a name that
 * matches exactly (ignoring case), else a display name that does. Two equal names are ambiguous rather
 * than a guess.
 */
export function pickByReference<T extends Referable>(items: readonly T[], typed: string): Picked<T> {
  const text = typed.trim().toLowerCase();
  const compactId = text.replace(/-/g, '');
  const byId = items.find((item) => item.id === compactId || item.uuid === text);
  if (byId !== undefined) return { kind: 'found', item: byId };
  for (const key of [(item: T) => item.name, (item: T) => item.display_name]) {
    const matches = items.filter((item) => key(item)?.trim().toLowerCase() === text);
    if (matches.length === 1) return { kind: 'found', item: matches[0]! };
    if (matches.length > 1) return { kind: 'ambiguous', items: matches };
  }
  return { kind: 'none' };
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
