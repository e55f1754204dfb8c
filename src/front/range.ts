import type { StatsRange } from './stats.js';
import { impossibleDate } from './calendar-check.js';
import { parseTimeText } from './time-input.js';
import { zoneOffsetMinutes } from './time-zone.js';

/** A stats range, or why the text could not be used (ready to show to the user). */
export type RangeResult = { ok: true; range: StatsRange } | { ok: false; reason: string };

/** The range used when the user gives none; PluralKit's `frontpercent` also defaults to 30 days. */
export const DefaultStatsRange = '30d';

const hint = 'Try `7d`, `12h`, `2w`, `1y`, `all`, or `since 2025-01-01`.';
const spanPattern = /^(?:last\s+|past\s+)?(\d+)\s*([a-z]+)$/;
const unitMs: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const unitAliases: Record<string, string> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  mo: 'mo',
  month: 'mo',
  months: 'mo',
  y: 'y',
  yr: 'y',
  yrs: 'y',
  year: 'y',
  years: 'y',
};

/**
 * Reads a stats range ending at `now`: a span (`7d`, `30d`, `12h`, `2w`, `3mo`, `1y`, `last 2 weeks`),
 * `all`, a start (`since 2025-01-01`, `since last monday`, or just the date), or `from X to Y`.
 * Months and years are calendar months and years in UTC; a bare date means its midnight in `timeZone`.
 */
export function parseStatsRange(input: string | undefined, now: Date, timeZone?: string): RangeResult {
  const text = (input ?? DefaultStatsRange).trim().toLowerCase();
  if (text === '') return parseStatsRange(DefaultStatsRange, now, timeZone);
  if (['all', 'all time', 'alltime', 'ever', 'everything'].includes(text)) {
    return { ok: true, range: { start: 'beginning', end: now } };
  }

  const span = spanPattern.exec(text);
  if (span !== null) return spanRange(Number(span[1]), span[2]!, now);

  const fromTo = /^(?:from\s+)?(.+?)\s+(?:to|until|till)\s+(.+)$/.exec(text);
  if (fromTo !== null) {
    const start = readPoint(fromTo[1]!, now, timeZone);
    if (!start.ok) return start;
    const end = readPoint(fromTo[2]!, now, timeZone);
    if (!end.ok) return end;
    return checked(start.date, end.date > now ? now : end.date, now);
  }

  const start = readPoint(text.replace(/^(?:since|from)\s+/, ''), now, timeZone);
  return start.ok ? checked(start.date, now, now) : start;
}

function spanRange(amount: number, unitText: string, now: Date): RangeResult {
  const unit = unitAliases[unitText];
  if (unit === undefined) return { ok: false, reason: `\`${unitText}\` is not a unit I know. ${hint}` };
  if (amount <= 0) return { ok: false, reason: `A range must be longer than zero. ${hint}` };
  const start = new Date(now);
  if (unit === 'mo') start.setUTCMonth(start.getUTCMonth() - amount);
  else if (unit === 'y') start.setUTCFullYear(start.getUTCFullYear() - amount);
  else start.setTime(now.getTime() - amount * unitMs[unit]!);
  if (Number.isNaN(start.getTime())) return { ok: false, reason: `That range is too long. ${hint}` };
  return { ok: true, range: { start, end: now } };
}

function readPoint(
  text: string,
  now: Date,
  timeZone: string | undefined,
): { ok: true; date: Date } | { ok: false; reason: string } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (day !== null) {
    const impossible = impossibleDate(text);
    if (impossible !== undefined) return { ok: false, reason: impossible };
    const utcMidnight = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const offset = zoneOffsetMinutes(timeZone, new Date(utcMidnight));
    return { ok: true, date: new Date(utcMidnight - offset * 60_000) };
  }
  const parsed = parseTimeText(text, now, timeZone);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason.replace(/Try .*$/, hint) };
}

function checked(start: Date, end: Date, now: Date): RangeResult {
  if (start > now) return { ok: false, reason: 'That start is in the future.' };
  if (start >= end) return { ok: false, reason: 'The start of the range must be before its end.' };
  return { ok: true, range: { start, end } };
}
