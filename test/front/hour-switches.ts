/** Switches placed by hour from a fixed start, for the front statistics and stretch tests. */
import type { Switch } from '../../src/pluralkit/schemas.js';

/** One hour in milliseconds. */
export const H = 3_600_000;
/** Hour 0 of every test history: 2025-06-01T00:00Z. */
export const T0 = Date.parse('2025-06-01T00:00:00Z');
/** The instant `hours` after {@link T0}. */
export const at = (hours: number): Date => new Date(T0 + hours * H);
/** A switch at hour `hours` of `members` (short ids), with the id `s<hours>`. */
export const sw = (hours: number, members: string[]): Switch => ({
  id: `s${hours}`,
  timestamp: at(hours).toISOString(),
  members,
});
