import * as chrono from 'chrono-node';
import { impossibleClockTime, impossibleDate } from './calendar-check.js';
import { discordTimestamp } from './format.js';
import { zoneOffsetMinutes } from './time-zone.js';

/** A parsed time, or why the text could not be used. `reason` is ready to show to the user. */
export type TimeInputResult = { ok: true; date: Date } | { ok: false; reason: string };

/** Switches before this are refused: PluralKit's switch API is younger, so such a date is a typo. */
export const EarliestSwitchTime = new Date('2020-01-01T00:00:00Z');

/** How far ahead of `now` a switch time may be (clocks differ a little). */
export const FutureToleranceMs = 60_000;

const examples = '`10 minutes ago`, `2h ago`, `yesterday 21:30` or `2025-06-01T21:30:00Z`';
const isoWithOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Reads the time a user gave to `/switch … time:`: relative (`10 minutes ago`, `2h ago`), calendar
 * (`yesterday 21:30`, `monday 9am`) or ISO 8601 with an offset or `Z`. Times without an offset are in
 * `timeZone` (the system's PluralKit setting; UTC when absent or unknown). A time of day without a date
 * that would be in the future means the last time it was that hour (`21:30` at 10:00 is yesterday's).
 * Refuses times more than a minute ahead of `now` and times before 2020.
 */
export function parseSwitchTime(input: string, now: Date, timeZone?: string): TimeInputResult {
  const parsed = parseTimeText(input, now, timeZone);
  if (!parsed.ok) return parsed;
  const { date } = parsed;
  if (date.getTime() > now.getTime() + FutureToleranceMs) {
    return {
      ok: false,
      reason: `That time is in the future (${discordTimestamp(date, 'f')}). A switch can only be logged for now or the past.`,
    };
  }
  if (date < EarliestSwitchTime) {
    return {
      ok: false,
      reason: `That time (${discordTimestamp(date, 'f')}) is before 2020, which looks like a typo in the year.`,
    };
  }
  return parsed;
}

/**
 * Reads a point in time without judging it (no future or age checks). The whole text must be a time:
 * `10 minutes ago please` is refused with what was understood, rather than silently half-read, and a
 * date that does not exist (`2025-02-30`) is refused by name rather than rolled into the next month.
 */
export function parseTimeText(input: string, now: Date, timeZone?: string): TimeInputResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: `Give a time, like ${examples}.` };
  const impossible = impossibleDate(text);
  if (impossible !== undefined) return { ok: false, reason: impossible };

  const iso = isoWithOffset.exec(text);
  if (iso !== null) {
    const [hours, minutes] = iso[2]!.split(':').map(Number) as [number, number];
    const badClock = impossibleClockTime(
      hours,
      minutes,
      iso[3] === undefined ? 0 : Math.floor(Number(iso[3].slice(1))),
    );
    if (badClock !== undefined) return { ok: false, reason: badClock };
    const offset = iso[4]!.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(iso[4]!);
    const date = new Date(`${iso[1]}T${iso[2]}${iso[3] ?? ':00'}${offset}`);
    if (Number.isNaN(date.getTime())) return { ok: false, reason: `${quote(text)} is not a valid date.` };
    return { ok: true, date };
  }

  let result = parseWithChrono(text, now, zoneOffsetMinutes(timeZone, now));
  if (result === undefined) return { ok: false, reason: `I couldn't read ${quote(text)} as a time. Try ${examples}.` };
  // The zone's offset at `now` may differ from its offset at the parsed time (daylight saving).
  const offsetThen = zoneOffsetMinutes(timeZone, result.start.date());
  if (offsetThen !== zoneOffsetMinutes(timeZone, now)) result = parseWithChrono(text, now, offsetThen) ?? result;

  const leftover = text.slice(0, result.index) + text.slice(result.index + result.text.length);
  if (/[\p{L}\p{N}]/u.test(leftover)) {
    return { ok: false, reason: `I could only read ${quote(result.text)} in ${quote(text)}. Try ${examples}.` };
  }
  let date = result.start.date();
  const dateGiven = result.start.isCertain('day') || result.start.isCertain('weekday');
  if (!dateGiven && date.getTime() > now.getTime() + FutureToleranceMs) date = new Date(date.getTime() - 86_400_000);
  return { ok: true, date };
}

function parseWithChrono(text: string, now: Date, offsetMinutes: number): chrono.ParsedResult | undefined {
  return chrono.parse(text, { instant: now, timezone: offsetMinutes }, { forwardDate: false })[0];
}

function normaliseOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

/** User text inside a code span, so it cannot format or mention anything. */
function quote(text: string): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, ' ');
  return `\`${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}\``;
}
