import { describe, expect, it } from 'vitest';
import { parseSwitchTime } from '../../src/front/time-input.js';

const now = new Date('2025-06-15T12:00:00Z');
const ok = (input: string, timeZone?: string) => {
  const result = parseSwitchTime(input, now, timeZone);
  if (!result.ok) throw new Error(`${input}: ${result.reason}`);
  return result.date.toISOString();
};
const reason = (input: string, timeZone?: string) => {
  const result = parseSwitchTime(input, now, timeZone);
  if (result.ok) throw new Error(`${input} parsed as ${result.date.toISOString()}`);
  return result.reason;
};

describe('parseSwitchTime', () => {
  it('reads relative times', () => {
    expect(ok('10 minutes ago')).toBe('2025-06-15T11:50:00.000Z');
    expect(ok('2h ago')).toBe('2025-06-15T10:00:00.000Z');
    expect(ok('1h30m ago', 'Europe/Berlin')).toBe('2025-06-15T10:30:00.000Z');
  });

  it('reads calendar times in the system time zone, UTC without one', () => {
    expect(ok('yesterday 21:30')).toBe('2025-06-14T21:30:00.000Z');
    expect(ok('yesterday 21:30', 'Europe/Berlin')).toBe('2025-06-14T19:30:00.000Z');
    expect(ok('yesterday 21:30', 'America/New_York')).toBe('2025-06-15T01:30:00.000Z');
    expect(ok('2025-06-01 10:00', 'Asia/Tokyo')).toBe('2025-06-01T01:00:00.000Z');
  });

  it('uses the offset in force at the parsed time, not at now (daylight saving)', () => {
    const afterDst = new Date('2025-04-02T12:00:00Z');
    const result = parseSwitchTime('2025-03-29 21:30', afterDst, 'Europe/Berlin');
    expect(result).toEqual({ ok: true, date: new Date('2025-03-29T20:30:00Z') });
  });

  it('takes a time of day that is still ahead as the last time it was that hour', () => {
    expect(ok('21:30')).toBe('2025-06-14T21:30:00.000Z');
    expect(ok('9:00')).toBe('2025-06-15T09:00:00.000Z');
  });

  it('reads ISO 8601 with an offset or Z, ignoring the system zone', () => {
    expect(ok('2025-06-01T10:00:00+02:00', 'America/New_York')).toBe('2025-06-01T08:00:00.000Z');
    expect(ok('2025-06-01T10:00Z')).toBe('2025-06-01T10:00:00.000Z');
    expect(ok('2025-06-01 10:00:00.250 -0130')).toBe('2025-06-01T11:30:00.250Z');
  });

  it('accepts a time a few seconds ahead but refuses the future', () => {
    expect(ok('2025-06-15T12:00:30Z')).toBe('2025-06-15T12:00:30.000Z');
    expect(reason('in 2 hours')).toMatch(/^That time is in the future \(<t:1749996000:f>\)/);
    expect(reason('tomorrow 10:00')).toContain('in the future');
  });

  it('refuses times before 2020 as a likely typo', () => {
    expect(reason('2019-12-31T23:00:00Z')).toBe(
      'That time (<t:1577833200:f>) is before 2020, which looks like a typo in the year.',
    );
  });

  it('explains what it could not read', () => {
    expect(reason('')).toMatch(/^Give a time, like `10 minutes ago`/);
    expect(reason('banana')).toMatch(/^I couldn't read `banana` as a time\./);
    expect(reason('10 minutes ago please')).toMatch(/^I could only read `10 minutes ago` in `10 minutes ago please`\./);
  });

  it('refuses dates and clock times that do not exist instead of rolling them over, naming only the date', () => {
    expect(reason('2025-02-30T10:00:00Z')).toBe('`2025-02-30` is not a date: February 2025 has 28 days.');
    expect(reason('2025-02-29T10:00:00+01:00')).toBe('`2025-02-29` is not a date: February 2025 has 28 days.');
    expect(reason('2025-04-31 10:00')).toBe('`2025-04-31` is not a date: April 2025 has 30 days.');
    expect(reason('2025-13-01T10:00:00Z')).toBe('`2025-13-01` is not a date: there is no month 13.');
    expect(reason('2025-13-01 10:00', 'Europe/Berlin')).toBe('`2025-13-01` is not a date: there is no month 13.');
    expect(reason('2025/02/30 10:00')).toBe('`2025/02/30` is not a date: February 2025 has 28 days.');
    expect(reason('30 feb 2025 10:00')).toBe('`30 feb 2025` is not a date: February 2025 has 28 days.');
    expect(reason('February 30 2025')).toBe('`February 30 2025` is not a date: February 2025 has 28 days.');
    expect(reason('31st of june')).toBe('`31st of june` is not a date: June has 30 days.');
    expect(reason('2025-02-28T24:30:00Z')).toBe('`24:30:00` is not a time of day.');
    expect(reason('2025-02-28T10:00:61Z')).toBe('`10:00:61` is not a time of day.');
    expect(ok('2024-02-29T10:00:00Z')).toBe('2024-02-29T10:00:00.000Z');
    expect(ok('29 feb 2024 10:00')).toBe('2024-02-29T10:00:00.000Z');
    expect(reason('pkapi:eyJ0aWQiOiIx 2025-02-30')).toBe('`2025-02-30` is not a date: February 2025 has 28 days.');
  });

  it('keeps user text from breaking out of its code span', () => {
    expect(reason('`@everyone` ago')).not.toContain('``');
  });

  it('treats an unknown time zone as UTC', () => {
    expect(ok('yesterday 21:30', 'Mars/Olympus_Mons')).toBe('2025-06-14T21:30:00.000Z');
  });
});
