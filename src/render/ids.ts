import type { SystemSettings } from '../pluralkit/schemas.js';

/**
 * How a system wants short ids shown, from its PluralKit settings `hid_display_split` (a 6-letter id
 * as `abc-def`) and `hid_display_caps` (capital letters). Both default to off; see docs/cards.md.
 */
export interface IdDisplay {
  readonly split: boolean;
  readonly caps: boolean;
}

/** Ids as PluralKit stores them: lower case, unsplit. */
export const PlainIds: IdDisplay = { split: false, caps: false };

/** The id display a system's settings ask for; plain when the settings are unknown. */
export function idDisplayOf(
  settings: Pick<SystemSettings, 'hid_display_split' | 'hid_display_caps'> | null | undefined,
): IdDisplay {
  return { split: settings?.hid_display_split === true, caps: settings?.hid_display_caps === true };
}

/**
 * A short id as the system's settings show it: `abcdef` → `abc-def` when split (only 6-letter ids;
 * 5-letter ones stay whole, as in PluralKit), upper case when caps. The bot reads ids back in any of
 * these forms, so a copied id still works.
 */
export function displayId(id: string, display: IdDisplay = PlainIds): string {
  const split = display.split && id.length === 6 ? `${id.slice(0, 3)}-${id.slice(3)}` : id;
  return display.caps ? split.toUpperCase() : split;
}
