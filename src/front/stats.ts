import type { Switch } from '../pluralkit/schemas.js';

/** The time range of a stats query; `'beginning'` starts at the first logged switch. Any start before it is cut to it. */
export interface StatsRange {
  start: Date | 'beginning';
  end: Date;
}

/** A group for stats: its short id and its members' short ids (see {@link groupMembersByShortId}). */
export interface StatsGroup {
  id: string;
  memberIds: readonly string[];
}

/** Front time of one member or group inside the range. */
export interface FrontStatsEntry {
  /** Member or group short id. */
  id: string;
  totalMs: number;
  /** Share of the range (0–100); co-fronters each get the full time (see `stats-modes.ts` for the others). */
  percent: number;
  /** Continuous stretches; consecutive switches that keep the member count as one. */
  stretches: number;
  /** Longest stretch, counting only the part inside the range. */
  longestStretchMs: number;
}

/** Front stats of a range, see {@link computeFrontStats}. */
export interface FrontStats {
  /**
   * Resolved range start, never before the system's first switch (as PluralKit's `frontpercent`):
   * `'beginning'` and any earlier start become the first switch (or `end` without switches).
   */
  start: Date;
  end: Date;
  rangeMs: number;
  /** True when the start asked for was before the first switch, so the range was cut to the history. */
  cutToHistory: boolean;
  /** Time of the range with no fronter (switch-outs). */
  switchedOutMs: number;
  /** Members by total time, longest first (ties by id); only members with time in the range. */
  members: FrontStatsEntry[];
  /** Groups by total time; a group fronts while any of its members does, counted once. */
  groups: FrontStatsEntry[];
}

/** Per member or group bookkeeping; runs close lazily when the id shows up again or at the end. */
interface Tally {
  totalMs: number;
  stretches: number;
  longestMs: number;
  runMs: number;
  /** Index of the last switch that contained the id. */
  lastIndex: number;
}

/**
 * Front stats over `range` from a switch history given newest first (as PluralKit lists it).
 * Linear in the number of (switch, member) pairs plus group memberships of fronting members.
 */
export function computeFrontStats(
  switches: readonly Switch[],
  range: StatsRange,
  groups: readonly StatsGroup[] = [],
): FrontStats {
  const { switches: history, atMs } = oldestFirst(switches);
  const endMs = range.end.getTime();
  const firstMs = history.length > 0 ? atMs[0]! : endMs;
  const askedMs = range.start === 'beginning' ? firstMs : range.start.getTime();
  const startMs = Math.min(Math.max(askedMs, firstMs), endMs);
  const rangeMs = endMs - startMs;

  const groupsOf = indexGroups(groups);
  const members = new Map<string, Tally>();
  const groupTallies = new Map<string, Tally>();
  let switchedOutMs = 0;

  for (let i = 0; i < history.length; i++) {
    const sw = history[i]!;
    const from = Math.max(atMs[i]!, startMs);
    if (from >= endMs) break;
    const until = Math.min(atMs[i + 1] ?? endMs, endMs);
    const spanMs = Math.max(0, until - from);
    if (sw.members.length === 0) switchedOutMs += spanMs;
    for (const memberId of sw.members) {
      if (!count(members, memberId, i, spanMs)) continue;
      for (const groupId of groupsOf.get(memberId) ?? []) count(groupTallies, groupId, i, spanMs);
    }
  }

  return {
    start: new Date(startMs),
    end: range.end,
    rangeMs,
    cutToHistory: range.start !== 'beginning' && askedMs < firstMs && history.length > 0,
    switchedOutMs,
    members: entries(members, rangeMs),
    groups: entries(groupTallies, rangeMs),
  };
}

/** Adds a switch's span to an id; false when the id was already counted for this switch (duplicate). */
function count(tallies: Map<string, Tally>, id: string, index: number, spanMs: number): boolean {
  let tally = tallies.get(id);
  if (tally === undefined) {
    tally = { totalMs: 0, stretches: 0, longestMs: 0, runMs: 0, lastIndex: -2 };
    tallies.set(id, tally);
  }
  if (tally.lastIndex === index) return false;
  if (tally.lastIndex !== index - 1) closeRun(tally);
  tally.lastIndex = index;
  tally.runMs += spanMs;
  tally.totalMs += spanMs;
  return true;
}

function closeRun(tally: Tally): void {
  if (tally.runMs > 0) {
    tally.stretches++;
    tally.longestMs = Math.max(tally.longestMs, tally.runMs);
  }
  tally.runMs = 0;
}

function entries(tallies: Map<string, Tally>, rangeMs: number): FrontStatsEntry[] {
  const list: FrontStatsEntry[] = [];
  for (const [id, tally] of tallies) {
    closeRun(tally);
    if (tally.totalMs === 0) continue;
    list.push({
      id,
      totalMs: tally.totalMs,
      percent: rangeMs > 0 ? (tally.totalMs / rangeMs) * 100 : 0,
      stretches: tally.stretches,
      longestStretchMs: tally.longestMs,
    });
  }
  return list.sort((a, b) => b.totalMs - a.totalMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function indexGroups(groups: readonly StatsGroup[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    for (const memberId of new Set(group.memberIds)) {
      const list = index.get(memberId);
      if (list === undefined) index.set(memberId, [group.id]);
      else list.push(group.id);
    }
  }
  return index;
}

/** A switch history oldest first, with each switch's time parsed once (`atMs[i]` is `switches[i]`'s). */
export interface TimedHistory {
  switches: Switch[];
  atMs: number[];
}

/** The history oldest first; sorts only when the input was not in PluralKit's newest-first order. */
export function oldestFirst(switches: readonly Switch[]): TimedHistory {
  const reversed = [...switches].reverse();
  const atMs = reversed.map((sw) => Date.parse(sw.timestamp));
  for (let i = 1; i < atMs.length; i++) {
    if (atMs[i]! < atMs[i - 1]!) {
      const order = atMs.map((_, j) => j).sort((a, b) => atMs[a]! - atMs[b]!);
      return { switches: order.map((j) => reversed[j]!), atMs: order.map((j) => atMs[j]!) };
    }
  }
  return { switches: reversed, atMs };
}

/**
 * Groups keyed for stats: PluralKit lists group members as UUIDs while switches use short ids, so map
 * them through the system's members. Members missing from `members` (hidden, deleted) are skipped.
 */
export function groupMembersByShortId(
  groups: readonly { id: string; members?: readonly string[] | undefined }[],
  members: readonly { id: string; uuid: string }[],
): StatsGroup[] {
  const shortIdOf = new Map(members.map((m) => [m.uuid, m.id]));
  return groups.map((group) => ({
    id: group.id,
    memberIds: (group.members ?? []).flatMap((uuid) => {
      const id = shortIdOf.get(uuid);
      return id === undefined ? [] : [id];
    }),
  }));
}
