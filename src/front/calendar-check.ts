/**
 * Finds a calendar date in typed text that does not exist (`2025-02-30`, `2025-13-01`, `31 April`), so
 * it is refused by name instead of rolling over into the next month (JavaScript's `Date` and the
 * natural-language parser both do that silently).
 */

const MonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthWord = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const numericDate = /(?<![\d-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/g;
const dayThenMonth = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthWord}(?:,?\\s+(\\d{4}))?`,
  'gi',
);
const monthThenDay = new RegExp(`${monthWord}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`, 'gi');

/** Days in a month (1–12); without a year, February may have 29. */
function daysIn(month: number, year: number | undefined): number {
  const y = year ?? 2024;
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/** Why `year-month-day` is not a date, or `undefined` when it is one. `shown` names it for the user. */
function dateProblem(shown: string, year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `\`${shown}\` is not a date: there is no month ${month}.`;
  const days = daysIn(month, year);
  if (day < 1 || day > days) {
    const inYear = year === undefined ? '' : ` ${year}`;
    return `\`${shown}\` is not a date: ${MonthNames[month - 1]}${inYear} has ${days} days.`;
  }
  return undefined;
}

/**
 * The first impossible date in `text`, as a sentence naming it, or `undefined` when every date in it
 * exists. Only the date itself is quoted, never the rest of what was typed.
 */
export function impossibleDate(text: string): string | undefined {
  for (const m of text.matchAll(numericDate)) {
    const problem = dateProblem(m[0], Number(m[1]), Number(m[2]), Number(m[3]));
    if (problem !== undefined) return problem;
  }
  for (const m of text.matchAll(dayThenMonth)) {
    const problem = dateProblem(
      m[0].trim(),
      m[3] === undefined ? undefined : Number(m[3]),
      monthIndex(m[2]!),
      Number(m[1]),
    );
    if (problem !== undefined) return problem;
  }
  for (const m of text.matchAll(monthThenDay)) {
    const problem = dateProblem(
      m[0].trim(),
      m[3] === undefined ? undefined : Number(m[3]),
      monthIndex(m[1]!),
      Number(m[2]),
    );
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Why the clock time `hh:mm[:ss]` of an ISO timestamp does not exist (`24:30`, `10:61`), or `undefined`.
 */
export function impossibleClockTime(hours: number, minutes: number, seconds: number): string | undefined {
  if (hours > 23 || minutes > 59 || seconds > 59) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `\`${pad(hours)}:${pad(minutes)}:${pad(seconds)}\` is not a time of day.`;
  }
  return undefined;
}

function monthIndex(word: string): number {
  return (
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
      word.toLowerCase().slice(0, 3),
    ) + 1
  );
}
