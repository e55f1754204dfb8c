import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcText } from '../../src/export/utc-text.js';

/** The plain forms: `toISOString`, and iCalendar's basic form made from it. */
const plainIso = (ms: number): string => new Date(ms).toISOString();
const plainIcs = (ms: number): string =>
  plainIso(ms)
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');

// Every instant a Date can hold, and a stretch of days as an export sees them.
const anyInstant = fc.integer({ min: -8.64e15, max: 8.64e15 });
const nearNow = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 0, 1) });

describe('utcText', () => {
  it('writes what toISOString writes, and the iCalendar form of it cut to the second', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyInstant, nearNow), { minLength: 1, maxLength: 50 }), (instants) => {
        // One writer per file, so instants on the same day share its date.
        const iso = utcText('iso');
        const ics = utcText('ics');
        for (const ms of instants) {
          expect(iso(ms)).toBe(plainIso(ms));
          expect(ics(ms)).toBe(plainIcs(ms));
        }
      }),
      { numRuns: 500 },
    );
    expect(utcText('ics')(Date.parse('2025-06-01T09:30:59.999Z'))).toBe('20250601T093059Z');
    expect(utcText('iso')(Date.parse('1969-12-31T23:59:59.001Z'))).toBe('1969-12-31T23:59:59.001Z');
  });

  it('throws for an invalid instant as toISOString does', () => {
    expect(() => utcText('iso')(Number.NaN)).toThrow(RangeError);
  });
});
