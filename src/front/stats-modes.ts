import type { FrontStats, FrontStatsEntry } from './stats.js';

/**
 * PluralKit's `frontpercent` flags (docs/pluralkit-switches.md): `flat` divides by the sum of all
 * members' times, so co-fronting no longer pushes the total past 100 %; `frontersOnly` leaves the
 * switch-outs out of the shares.
 */
export interface StatsMode {
  flat: boolean;
  frontersOnly: boolean;
}

/** Front stats with the shares of a {@link StatsMode}. */
export interface FrontShares extends FrontStats {
  mode: StatsMode;
  /** What the shares are of, in ms: the range, the fronting time, or the sum of members' times. */
  basisMs: number;
  /** Share of the switch-outs, or `undefined` when they are left out (`frontersOnly`) or there are none. */
  switchedOutPercent: number | undefined;
}

/** The plain mode: shares of the whole range, co-fronters each with the full time. */
export const DefaultStatsMode: StatsMode = { flat: false, frontersOnly: false };

/**
 * Recomputes the member and group shares of `stats` for `mode`, as PluralKit does: in flat mode the
 * member shares and the switch-out share add up to 100 % (the members' alone with `frontersOnly`).
 * Groups overlap, so in flat mode they keep shares of the time they are divided by without it.
 */
export function withStatsMode(stats: FrontStats, mode: StatsMode): FrontShares {
  const frontingMs = stats.rangeMs - stats.switchedOutMs;
  const plainBasis = mode.frontersOnly ? frontingMs : stats.rangeMs;
  const memberSum = stats.members.reduce((sum, entry) => sum + entry.totalMs, 0);
  const basisMs = mode.flat ? memberSum + (mode.frontersOnly ? 0 : stats.switchedOutMs) : plainBasis;
  const showSwitchedOut = !mode.frontersOnly && stats.switchedOutMs > 0;
  return {
    ...stats,
    members: shares(stats.members, basisMs),
    groups: shares(stats.groups, plainBasis),
    mode,
    basisMs,
    switchedOutPercent: showSwitchedOut ? share(stats.switchedOutMs, basisMs) : undefined,
  };
}

function shares(entries: readonly FrontStatsEntry[], basisMs: number): FrontStatsEntry[] {
  return entries.map((entry) => ({ ...entry, percent: share(entry.totalMs, basisMs) }));
}

function share(ms: number, basisMs: number): number {
  return basisMs > 0 ? (ms / basisMs) * 100 : 0;
}
