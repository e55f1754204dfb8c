import { describe, expect, it } from 'vitest';
import { buildTimeline, MaxTimelineDays, timelineDays } from '../../src/front/timeline.js';
import { makeSwitch } from '../render/fixtures.js';

const H = 3_600_000;

describe('timeline days', () => {
  it("are whole days in the system's zone, ending with today, 25 hours long when the clocks go back", () => {
    // Berlin leaves summer time on 26 October 2025 at 03:00 (UTC+2 → UTC+1).
    const days = timelineDays({ end: new Date('2025-10-27T08:00:00Z'), days: 3, timeZone: 'Europe/Berlin' });
    expect(days.map((d) => d.label)).toEqual(['Sat 25 Oct', 'Sun 26 Oct', 'Mon 27 Oct']);
    expect(new Date(days[0]!.startMs).toISOString()).toBe('2025-10-24T22:00:00.000Z');
    expect(new Date(days[2]!.startMs).toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect((days[1]!.endMs - days[1]!.startMs) / H).toBe(25);
  });

  it('are UTC days without a zone, and never more than 90', () => {
    const days = timelineDays({ end: new Date('2025-06-10T00:30:00Z'), days: 500 });
    expect(days).toHaveLength(MaxTimelineDays);
    expect(new Date(days.at(-1)!.startMs).toISOString()).toBe('2025-06-10T00:00:00.000Z');
  });

  it('cuts spans to the days and to now, and counts each member once per switch', () => {
    const end = new Date('2025-06-10T12:00:00Z');
    const history = [
      makeSwitch(2, '2025-06-10T06:00:00Z', []),
      makeSwitch(1, '2025-06-01T00:00:00Z', ['aaaaa', 'aaaaa', 'bbbbb']),
    ];
    const timeline = buildTimeline(history, { end, days: 1 });
    expect(timeline.spans).toEqual([
      {
        startMs: Date.parse('2025-06-10T00:00:00Z'),
        endMs: Date.parse('2025-06-10T06:00:00Z'),
        members: ['aaaaa', 'bbbbb'],
      },
      { startMs: Date.parse('2025-06-10T06:00:00Z'), endMs: end.getTime(), members: [] },
    ]);
    expect(timeline.totals).toEqual([
      { id: 'aaaaa', totalMs: 6 * H },
      { id: 'bbbbb', totalMs: 6 * H },
    ]);
  });
});
