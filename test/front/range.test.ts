import { describe, expect, it } from 'vitest';
import { parseStatsRange } from '../../src/front/range.js';

const now = new Date('2025-06-15T12:00:00Z');
const start = (input: string | undefined, timeZone?: string) => {
  const result = parseStatsRange(input, now, timeZone);
  if (!result.ok) throw new Error(`${input}: ${result.reason}`);
  expect(result.range.end).toEqual(now);
  const s = result.range.start;
  return s === 'beginning' ? s : s.toISOString();
};
const reason = (input: string) => {
  const result = parseStatsRange(input, now);
  if (result.ok) throw new Error(`${input} parsed`);
  return result.reason;
};

describe('parseStatsRange', () => {
  it('reads spans back from now', () => {
    expect(start('7d')).toBe('2025-06-08T12:00:00.000Z');
    expect(start('30d')).toBe('2025-05-16T12:00:00.000Z');
    expect(start('12h')).toBe('2025-06-15T00:00:00.000Z');
    expect(start('2w')).toBe('2025-06-01T12:00:00.000Z');
    expect(start('1y')).toBe('2024-06-15T12:00:00.000Z');
    expect(start('3mo')).toBe('2025-03-15T12:00:00.000Z');
    expect(start('Last 2 Weeks')).toBe('2025-06-01T12:00:00.000Z');
    expect(start('90 min')).toBe('2025-06-15T10:30:00.000Z');
  });

  it('defaults to 30 days and knows "all"', () => {
    expect(start(undefined)).toBe('2025-05-16T12:00:00.000Z');
    expect(start('  ')).toBe('2025-05-16T12:00:00.000Z');
    expect(start('all')).toBe('beginning');
    expect(start('All time')).toBe('beginning');
  });

  it('reads "since" dates at midnight in the system time zone', () => {
    expect(start('since 2025-01-01')).toBe('2025-01-01T00:00:00.000Z');
    expect(start('2025-01-01')).toBe('2025-01-01T00:00:00.000Z');
    expect(start('since 2025-01-01', 'Europe/Berlin')).toBe('2024-12-31T23:00:00.000Z');
    expect(start('since yesterday 18:00')).toBe('2025-06-14T18:00:00.000Z');
  });

  it('reads "from X to Y"', () => {
    const result = parseStatsRange('from 2025-01-01 to 2025-02-01', now);
    expect(result).toEqual({
      ok: true,
      range: { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-02-01T00:00:00Z') },
    });
  });

  it('explains bad ranges', () => {
    expect(reason('0d')).toMatch(/^A range must be longer than zero\./);
    expect(reason('5x')).toMatch(/^`x` is not a unit I know\./);
    expect(reason('since 2030-01-01')).toBe('That start is in the future.');
    expect(reason('2025-02-30')).toBe('`2025-02-30` is not a date: February 2025 has 28 days.');
    expect(reason('from 2025-04-31 to 2025-05-02')).toBe('`2025-04-31` is not a date: April 2025 has 30 days.');
    expect(reason('from 2025-02-01 to 2025-01-01')).toBe('The start of the range must be before its end.');
    expect(reason('banana')).toMatch(/^I couldn't read `banana` as a time\. Try `7d`/);
  });
});
