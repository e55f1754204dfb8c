/** How an export writes an instant in UTC. */
export type UtcStyle = 'iso' | 'ics';

const DayMs = 86_400_000;
const TwoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const ThreeDigits = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * A writer of instants (epoch ms) as UTC text, for one file: `'iso'` is ISO 8601 with milliseconds
 * (`2025-06-01T09:30:00.000Z`, as `toISOString`), `'ics'` an iCalendar UTC DATE-TIME cut to the second
 * (`20250601T093000Z`). An export writes tens of thousands of instants on a few hundred days, and
 * `toISOString` per instant was its largest cost, so the date is taken from it once per day and the time
 * of day is plain arithmetic (UTC days have no leap seconds in JavaScript time).
 * @throws {RangeError} for an invalid instant, as `toISOString` does.
 */
export function utcText(style: UtcStyle): (ms: number) => string {
  const dates = new Map<number, string>();
  return (ms) => {
    const day = Math.floor(ms / DayMs);
    let date = dates.get(day);
    if (date === undefined) {
      const iso = new Date(day * DayMs).toISOString();
      // Up to the `T`; years past 9999 have six digits and a sign.
      date = iso.slice(0, iso.indexOf('T') + 1);
      if (style === 'ics') date = date.replaceAll('-', '');
      dates.set(day, date);
    }
    const msOfDay = ms - day * DayMs;
    const hour = TwoDigits[Math.floor(msOfDay / 3_600_000)]!;
    const minute = TwoDigits[Math.floor(msOfDay / 60_000) % 60]!;
    const second = TwoDigits[Math.floor(msOfDay / 1000) % 60]!;
    return style === 'iso'
      ? `${date}${hour}:${minute}:${second}.${ThreeDigits[msOfDay % 1000]!}Z`
      : `${date}${hour}${minute}${second}Z`;
  };
}
