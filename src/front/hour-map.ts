import type { Switch } from '../pluralkit/schemas.js';
import { zoneOffsetMinutes } from './time-zone.js';

const HourMs = 3_600_000;

/** Front time by weekday and hour of day, see {@link computeHourMap}. */
export interface HourMap {
  /** `cells[weekday][hour]` in ms; weekday 0 is Monday, hours are wall-clock hours in `timeZone`. */
  cells: number[][];
  /** The fullest cell, for the shading. */
  maxMs: number;
  /** Whose time: a member's short id, or `undefined` for anyone fronting. */
  memberId: string | undefined;
  timeZone: string | undefined;
}

/**
 * When a member (or, without `memberId`, anyone) fronts: the time of each span of `switches` (newest
 * first, as PluralKit lists them) inside `start`–`end`, spread over the weekday and hour of day it fell
 * on in `timeZone` (UTC without one). Hours are cut at wall-clock hour boundaries, so a DST change moves
 * time to the hour it was really shown on the clock.
 */
export function computeHourMap(
  switches: readonly Switch[],
  range: { start: Date; end: Date },
  timeZone: string | undefined,
  memberId?: string,
): HourMap {
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HourMs);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(timeZone, new Date(hour * HourMs)) * 60_000;
      offsets.set(hour, offset);
    }
    return offset;
  };
  const ordered = [...switches].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const startMs = range.start.getTime();
  const endMs = range.end.getTime();
  for (const [i, sw] of ordered.entries()) {
    const counts = memberId === undefined ? sw.members.length > 0 : sw.members.includes(memberId);
    if (!counts) continue;
    let at = Math.max(Date.parse(sw.timestamp), startMs);
    const stop = Math.min(i + 1 < ordered.length ? Date.parse(ordered[i + 1]!.timestamp) : endMs, endMs);
    while (at < stop) {
      // Step to the next wall-clock hour, which is not a UTC hour in zones such as India's (+5:30).
      const wallMs = at + offsetAt(at);
      const next = Math.min(stop, at + HourMs - (((wallMs % HourMs) + HourMs) % HourMs));
      const wall = new Date(wallMs);
      cells[(wall.getUTCDay() + 6) % 7]![wall.getUTCHours()]! += next - at;
      at = next;
    }
  }
  const maxMs = Math.max(0, ...cells.flat());
  return { cells, maxMs, memberId, timeZone };
}
