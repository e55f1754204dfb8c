import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatsRange } from '../../src/front/stats.js';
import { frontStretches, type FrontStretch } from '../../src/front/stretches.js';
import type { Switch } from '../../src/pluralkit/schemas.js';
import { H, T0, at, sw } from './hour-switches.js';

/** Oldest first here for reading; PluralKit order (newest first) is what the function gets. */
const history = [sw(0, ['a']), sw(2, ['a', 'b']), sw(3, ['b']), sw(5, []), sw(6, ['a', 'a'])].reverse();

const brief = (stretches: FrontStretch[]) =>
  stretches.map((s) => [s.memberId, (s.startMs - T0) / H, (s.endMs - T0) / H, s.ongoing, s.fromSwitchId]);

describe('frontStretches', () => {
  it('makes one stretch per continuous time in front, from the switch that brought a member in to the one that took them out', () => {
    expect(brief(frontStretches(history, { start: 'beginning', end: at(10) }, at(10)))).toEqual([
      ['a', 0, 3, false, 's0'],
      ['b', 2, 5, false, 's2'],
      ['a', 6, 10, true, 's6'],
    ]);
  });

  it('cuts stretches to the range, starting from the switch in force at its start', () => {
    expect(brief(frontStretches(history, { start: at(1), end: at(4) }, at(10)))).toEqual([
      ['a', 1, 3, false, 's0'],
      ['b', 2, 4, false, 's2'],
    ]);
  });

  it('calls a stretch ongoing only when the range reaches now', () => {
    const ended = frontStretches(history, { start: at(5.5), end: at(8) }, at(10));
    expect(brief(ended)).toEqual([['a', 6, 8, false, 's6']]);
  });

  it('gives nothing for an empty history or a range before it', () => {
    expect(frontStretches([], { start: 'beginning', end: at(1) }, at(1))).toEqual([]);
    expect(frontStretches(history, { start: at(-5), end: at(-1) }, at(10))).toEqual([]);
  });
});

/** Independent reference: each switch's span clipped to the range, for one member, merged when touching. */
function referenceIntervals(oldestFirst: Switch[], range: { start: number; end: number }, member: string) {
  const merged: [number, number][] = [];
  oldestFirst.forEach((s, i) => {
    if (!s.members.includes(member)) return;
    const next = oldestFirst[i + 1];
    const from = Math.max(Date.parse(s.timestamp), range.start);
    const until = Math.min(next === undefined ? range.end : Date.parse(next.timestamp), range.end);
    if (until <= from) return;
    const last = merged.at(-1);
    if (last !== undefined && last[1] === from) last[1] = until;
    else merged.push([from, until]);
  });
  return merged;
}

const pool = ['a', 'b', 'c', 'd'];
const histories = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.array(fc.constantFrom(...pool), { maxLength: 4 })), {
    maxLength: 40,
  })
  .map((steps) => {
    let t = T0;
    return steps.map(([gapMinutes, members], i): Switch => {
      t += gapMinutes * 60_000;
      return { id: `s${i}`, timestamp: new Date(t).toISOString(), members };
    });
  });

describe('frontStretches (property)', () => {
  it('never overlaps or touches for one member, and covers exactly the time its switches list them', () => {
    fc.assert(
      fc.property(
        histories,
        fc.integer({ min: -600, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.boolean(),
        (oldestFirst, startMinutes, lengthMinutes, reachesNow) => {
          const start = T0 + startMinutes * 60_000;
          const end = start + lengthMinutes * 60_000;
          const range: StatsRange = { start: new Date(start), end: new Date(end) };
          const now = new Date(reachesNow ? end : end + 1);
          const stretches = frontStretches([...oldestFirst].reverse(), range, now);
          const latest = oldestFirst.filter((s) => Date.parse(s.timestamp) < end).at(-1);
          for (const member of pool) {
            const mine = stretches.filter((s) => s.memberId === member);
            expect(mine.map((s) => [s.startMs, s.endMs])).toEqual(
              referenceIntervals(oldestFirst, { start, end }, member),
            );
            for (const s of mine) {
              expect(s.ongoing).toBe(reachesNow && s.endMs === end && latest!.members.includes(member));
            }
          }
          const starts = stretches.map((s) => s.startMs);
          expect(starts).toEqual([...starts].sort((x, y) => x - y));
        },
      ),
      { numRuns: 300 },
    );
  });
});
