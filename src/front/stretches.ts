import type { Switch } from '../pluralkit/schemas.js';
import { oldestFirst, type StatsRange } from './stats.js';

/** One member's continuous time in front: from the switch that brought them in to the one that took them out. */
export interface FrontStretch {
  memberId: string;
  /** When the stretch began (epoch ms), or the range start when it began earlier. */
  startMs: number;
  /** When the member left the front (epoch ms), or the range end when they were still fronting then. */
  endMs: number;
  /** True when the member was still fronting at the end of the range and the range ends at the latest switch's "now". */
  ongoing: boolean;
  /** The switch that began the stretch (the one in force at the range start for a stretch cut by it). */
  fromSwitchId: string;
}

/**
 * Every member's fronting stretches inside `range`, from a switch history given newest first (as
 * PluralKit lists it), oldest first (co-fronters who came in together by member id). Consecutive switches
 * that keep a member are one stretch; a member listed twice in a switch counts once. Stretches are cut
 * to the range; one that lasts past `range.end` is `ongoing` when `range.end` is `now` (nothing after it).
 * Empty stretches (two switches at the same instant) are left out. Linear in (switch, member) pairs.
 */
export function frontStretches(switches: readonly Switch[], range: StatsRange, now: Date): FrontStretch[] {
  const { switches: history, atMs } = oldestFirst(switches);
  const endMs = range.end.getTime();
  const startMs = range.start === 'beginning' ? Number.NEGATIVE_INFINITY : range.start.getTime();
  // Stretches are listed when they open, so the list is already in start order but for co-fronters.
  const stretches: FrontStretch[] = [];
  const open = new Map<string, FrontStretch>();
  // Index of the last switch that listed each member; stands in for a set of each switch's members.
  const lastListed = new Map<string, number>();

  for (let i = 0; i < history.length; i++) {
    const sw = history[i]!;
    if (atMs[i]! >= endMs) break;
    // A switch that ends before the range only matters if it is the one in force at its start.
    if (i + 1 < history.length && atMs[i + 1]! <= startMs) continue;
    const fromMs = Math.max(atMs[i]!, startMs);
    for (const memberId of sw.members) lastListed.set(memberId, i);
    for (const stretch of open.values()) {
      if (lastListed.get(stretch.memberId) === i) continue;
      stretch.endMs = fromMs;
      open.delete(stretch.memberId);
    }
    for (const memberId of sw.members) {
      if (open.has(memberId)) continue;
      const stretch = { memberId, startMs: fromMs, endMs: fromMs, ongoing: false, fromSwitchId: sw.id };
      open.set(memberId, stretch);
      stretches.push(stretch);
    }
  }
  const reachesNow = endMs >= now.getTime();
  for (const stretch of open.values()) {
    stretch.endMs = endMs;
    stretch.ongoing = reachesNow;
  }
  // Nearly sorted already, so this is close to one pass.
  return stretches
    .filter((s) => s.endMs > s.startMs)
    .sort((a, b) => a.startMs - b.startMs || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}
