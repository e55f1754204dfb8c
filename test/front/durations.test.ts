import { describe, expect, it } from 'vitest';
import { withDurations } from '../../src/front/durations.js';

const now = new Date('2025-06-15T12:00:00Z');

describe('withDurations', () => {
  it('lasts each switch until the next newer one, and the latest until now', () => {
    const timed = withDurations(
      [
        { id: 'c', timestamp: '2025-06-15T10:00:00Z', members: ['a'] },
        { id: 'b', timestamp: '2025-06-15T09:30:00Z', members: [] },
        { id: 'a', timestamp: '2025-06-14T09:30:00Z', members: ['a', 'b'] },
      ],
      now,
    );
    expect(timed.map((s) => [s.id, s.durationMs, s.ongoing, s.end.toISOString()])).toEqual([
      ['c', 2 * 3_600_000, true, '2025-06-15T12:00:00.000Z'],
      ['b', 30 * 60_000, false, '2025-06-15T10:00:00.000Z'],
      ['a', 24 * 3_600_000, false, '2025-06-15T09:30:00.000Z'],
    ]);
  });

  it('ends a later page at the switch just before it', () => {
    const [first] = withDurations([{ id: 'x', timestamp: '2025-06-15T09:00:00Z', members: [] }], now, {
      timestamp: '2025-06-15T09:45:00Z',
    });
    expect(first).toMatchObject({ durationMs: 45 * 60_000, ongoing: false });
  });

  it('never gives a negative duration when now is before the latest switch', () => {
    const [first] = withDurations([{ id: 'x', timestamp: '2025-06-15T12:00:30Z', members: [] }], now);
    expect(first!.durationMs).toBe(0);
  });
});
