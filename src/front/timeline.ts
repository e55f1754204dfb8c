import type { Switch } from '../pluralkit/schemas.js';
import { zoneOffsetMinutes } from './time-zone.js';

const DayMs = 86_400_000;
const Weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const Months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The most days a timeline shows (one row each). */
export const MaxTimelineDays = 90;

/** One row of a timeline: a calendar day in the system's zone (23 or 25 hours long on a DST change). */
export interface TimelineDay {
  startMs: number;
  endMs: number;
  /** `Mon 30 Nov`. */
  label: string;
}

/** A stretch between two switches, cut to the timeline; no members is a switch-out. */
export interface TimelineSpan {
  startMs: number;
  endMs: number;
  /** Member short ids, each once, in the switch's order. */
  members: readonly string[];
}

/** A member's time on the timeline, for the legend's order. */
export interface TimelineTotal {
  id: string;
  totalMs: number;
}

/** Who fronted when over whole days in a time zone, see {@link buildTimeline}. */
export interface FrontTimeline {
  days: TimelineDay[];
  spans: TimelineSpan[];
  /** Members by time fronted on the timeline, longest first (ties by id). */
  totals: TimelineTotal[];
  /** The end of what is known: now; later parts of the last day are not drawn as anyone's. */
  endMs: number;
  /** IANA zone the days are in, or `undefined` for UTC. */
  timeZone: string | undefined;
}

/** What to draw: `days` whole days in `timeZone` (UTC without one), the last one being the day of `end`. */
export interface TimelineRequest {
  end: Date;
  days: number;
  timeZone?: string | undefined;
}

/**
 * The front history as timeline rows: `switches` (newest first, as PluralKit lists them, reaching back to
 * the one in force when the first day starts) become spans cut to the days. Before the first switch and
 * after `end` nothing is known, so no span covers them.
 */
export function buildTimeline(switches: readonly Switch[], request: TimelineRequest): FrontTimeline {
  const days = timelineDays(request);
  const fromMs = days[0]!.startMs;
  const endMs = request.end.getTime();
  const ordered = switches
    .map((sw) => ({ at: Date.parse(sw.timestamp), members: [...new Set(sw.members)] }))
    .sort((a, b) => a.at - b.at);
  const spans: TimelineSpan[] = [];
  const totals = new Map<string, number>();
  for (const [i, sw] of ordered.entries()) {
    const startMs = Math.max(sw.at, fromMs);
    const stopMs = Math.min(ordered[i + 1]?.at ?? endMs, endMs);
    if (stopMs <= startMs) continue;
    spans.push({ startMs, endMs: stopMs, members: sw.members });
    for (const id of sw.members) totals.set(id, (totals.get(id) ?? 0) + (stopMs - startMs));
  }
  const sorted = [...totals]
    .map(([id, totalMs]) => ({ id, totalMs }))
    .sort((a, b) => b.totalMs - a.totalMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { days, spans, totals: sorted, endMs, timeZone: request.timeZone };
}

/** The instant a wall-clock time (as UTC milliseconds) has in `timeZone`. */
function instantOf(wallMs: number, timeZone: string | undefined): number {
  const guess = wallMs - zoneOffsetMinutes(timeZone, new Date(wallMs)) * 60_000;
  return wallMs - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
}

/** The calendar days of a request, oldest first. */
export function timelineDays(request: TimelineRequest): TimelineDay[] {
  const endMs = request.end.getTime();
  const wallEnd = endMs + zoneOffsetMinutes(request.timeZone, request.end) * 60_000;
  const lastMidnight = Math.floor(wallEnd / DayMs) * DayMs;
  const count = Math.min(Math.max(1, request.days), MaxTimelineDays);
  return Array.from({ length: count }, (_, i) => {
    const wall = lastMidnight - (count - 1 - i) * DayMs;
    const date = new Date(wall);
    return {
      startMs: instantOf(wall, request.timeZone),
      endMs: instantOf(wall + DayMs, request.timeZone),
      label: `${Weekdays[date.getUTCDay()]} ${date.getUTCDate()} ${Months[date.getUTCMonth()]}`,
    };
  });
}
