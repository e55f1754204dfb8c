import type { Switch } from '../pluralkit/schemas.js';
import { oldestFirst, type StatsRange } from './stats.js';

/** One member's continuous time in front: from the switch that brought them in to the one that took them out. */
export interface FrontStretch {
  memberId: string;
  /** When the stretch began, or the range start when it began earlier. */
  start: Date;
  /** When the member left the front, or the range end when they were still fronting then. */
  end: Date;
  /** True when the member was still fronting at the end of the range and the range ends at the latest switch's "now". */
  ongoing: boolean;
  /** The switch that began the stretch (the one in force at the range start for a stretch cut by it). */
  fromSwitchId: string;
}

interface OpenStretch {
  startMs: number;
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
  const history = oldestFirst(switches);
  const endMs = range.end.getTime();
  const startMs = range.start === 'beginning' ? Number.NEGATIVE_INFINITY : range.start.getTime();
  const reachesNow = endMs >= now.getTime();
  const open = new Map<string, OpenStretch>();
  const done: FrontStretch[] = [];
  const close = (memberId: string, stretch: OpenStretch, untilMs: number, ongoing: boolean): void => {
    if (untilMs > stretch.startMs) {
      done.push({
        memberId,
        start: new Date(stretch.startMs),
        end: new Date(untilMs),
        ongoing,
        fromSwitchId: stretch.fromSwitchId,
      });
    }
  };

  for (let i = 0; i < history.length; i++) {
    const sw = history[i]!;
    const atMs = Date.parse(sw.timestamp);
    if (atMs >= endMs) break;
    const next = history[i + 1];
    // A switch that ends before the range only matters if it is the one in force at its start.
    if (next !== undefined && Date.parse(next.timestamp) <= startMs) continue;
    const fromMs = Math.max(atMs, startMs);
    const inThis = new Set(sw.members);
    for (const [memberId, stretch] of open) {
      if (inThis.has(memberId)) continue;
      close(memberId, stretch, fromMs, false);
      open.delete(memberId);
    }
    for (const memberId of inThis) {
      if (!open.has(memberId)) open.set(memberId, { startMs: fromMs, fromSwitchId: sw.id });
    }
  }
  for (const [memberId, stretch] of open) close(memberId, stretch, endMs, reachesNow);
  return done.sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );
}
