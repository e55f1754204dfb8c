/**
 * UTC offsets of IANA time zones, for reading times a user typed without an offset.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows `timeZone` (an IANA id such as `Europe/Berlin`). */
export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

/**
 * The offset of `timeZone` from UTC at the instant `at`, in minutes (Berlin in summer: 120).
 * Unknown zones count as UTC.
 */
export function zoneOffsetMinutes(timeZone: string | undefined, at: Date): number {
  if (timeZone === undefined) return 0;
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) return 0;
  const name = formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
