import { describe, expect, it } from 'vitest';
import { computeFrontStats, groupMembersByShortId } from '../../src/front/stats.js';
import type { FrontStats, StatsGroup } from '../../src/front/stats.js';
import type { Switch } from '../../src/pluralkit/schemas.js';
import { H, at, sw } from './hour-switches.js';

/** Oldest first here for reading; PluralKit order (newest first) is what the function gets. */
const history = [sw(0, ['a']), sw(2, ['a', 'b']), sw(3, ['b']), sw(5, []), sw(6, ['a'])].reverse();
const groups: StatsGroup[] = [
  { id: 'both', memberIds: ['a', 'b'] },
  { id: 'onlyb', memberIds: ['b'] },
];

const entry = (id: string, hours: number, known: number, stretches: number, longest: number) => ({
  id,
  totalMs: hours * H,
  percent: (hours / known) * 100,
  stretches,
  longestStretchMs: longest * H,
});

describe('computeFrontStats', () => {
  it('merges consecutive switches that keep a member into one stretch, and counts groups once', () => {
    const stats = computeFrontStats(history, { start: 'beginning', end: at(10) }, groups);
    expect(stats).toEqual<FrontStats>({
      start: at(0),
      end: at(10),
      rangeMs: 10 * H,
      cutToHistory: false,
      switchedOutMs: 1 * H,
      members: [entry('a', 7, 10, 2, 4), entry('b', 3, 10, 1, 3)],
      groups: [entry('both', 9, 10, 2, 5), entry('onlyb', 3, 10, 1, 3)],
    });
  });

  it('clips a range that starts in the middle of a switch', () => {
    const stats = computeFrontStats(history, { start: at(2.5), end: at(10) }, groups);
    expect(stats.rangeMs).toBe(7.5 * H);
    expect(stats.members).toEqual([entry('a', 4.5, 7.5, 2, 4), entry('b', 2.5, 7.5, 1, 2.5)]);
    expect(stats.groups[0]).toEqual(entry('both', 6.5, 7.5, 2, 4));
  });

  it('clips a range that ends in the middle of a switch', () => {
    const stats = computeFrontStats(history, { start: at(0), end: at(2.5) });
    expect(stats.members).toEqual([entry('a', 2.5, 2.5, 1, 2.5), entry('b', 0.5, 2.5, 1, 0.5)]);
    expect(stats.switchedOutMs).toBe(0);
  });

  it('counts a stretch that began before the range only from the range start', () => {
    const stats = computeFrontStats(history, { start: at(7), end: at(10) });
    expect(stats.members).toEqual([entry('a', 3, 3, 1, 3)]);
  });

  it('cuts a range that reaches back before the first switch to the history, as PluralKit does', () => {
    const stats = computeFrontStats(history, { start: at(-2), end: at(10) });
    expect(stats).toMatchObject({ start: at(0), rangeMs: 10 * H, cutToHistory: true });
    expect(stats.members[0]).toEqual(entry('a', 7, 10, 2, 4));
    const ages = computeFrontStats(history, { start: new Date('-097975-06-10T12:00:00Z'), end: at(10) });
    expect(ages).toEqual({ ...computeFrontStats(history, { start: 'beginning', end: at(10) }), cutToHistory: true });
  });

  it('gives every co-fronter the full time, so shares can pass 100%', () => {
    const coFront = [sw(0, ['a', 'b']), sw(1, ['b', 'a', 'c']), sw(2, ['c', 'c'])].reverse();
    const stats = computeFrontStats(coFront, { start: 'beginning', end: at(4) });
    expect(stats.members).toEqual([entry('c', 3, 4, 1, 3), entry('a', 2, 4, 1, 2), entry('b', 2, 4, 1, 2)]);
    expect(stats.members.reduce((sum, m) => sum + m.percent, 0)).toBe(175);
  });

  it('handles no switches at all', () => {
    expect(computeFrontStats([], { start: at(0), end: at(5) })).toEqual({
      start: at(5),
      end: at(5),
      rangeMs: 0,
      cutToHistory: false,
      switchedOutMs: 0,
      members: [],
      groups: [],
    });
    expect(computeFrontStats([], { start: 'beginning', end: at(5) })).toMatchObject({ rangeMs: 0, members: [] });
  });

  it('handles a range entirely before the first switch', () => {
    const stats = computeFrontStats(history, { start: at(-10), end: at(-1) });
    expect(stats).toMatchObject({ start: at(-1), rangeMs: 0, cutToHistory: true, members: [], groups: [] });
  });

  it('copes with a history that is not newest first', () => {
    const shuffled = [history[2]!, history[0]!, history[4]!, history[1]!, history[3]!];
    expect(computeFrontStats(shuffled, { start: 'beginning', end: at(10) })).toEqual(
      computeFrontStats(history, { start: 'beginning', end: at(10) }),
    );
  });

  it('agrees with a slow reference on random histories', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const list: Switch[] = [];
      let hour = 0;
      for (let i = 0; i < 30; i++) {
        hour += random(3);
        list.push(
          sw(
            hour,
            ['a', 'b', 'c', 'd'].filter(() => random(2) === 0),
          ),
        );
      }
      const start = at(random(20) - 5);
      const end = at(hour + random(5));
      const stats = computeFrontStats([...list].reverse(), { start, end });
      for (const id of ['a', 'b', 'c', 'd']) {
        const got = stats.members.find((m) => m.id === id);
        const want = referenceStats(list, id, start.getTime(), end.getTime());
        const actual = got === undefined ? { totalMs: 0, stretches: 0, longestStretchMs: 0 } : got;
        expect({
          id,
          totalMs: actual.totalMs,
          stretches: actual.stretches,
          longestStretchMs: actual.longestStretchMs,
        }).toEqual({ id, ...want });
      }
    }
  });

  it('is exact on 10,000 switches over 2,000 members', () => {
    // Switch i (one per hour) has members i mod 2000 and i+1 mod 2000, so every member but m0 fronts
    // five stretches of two hours; m0 also fronts alone in the first and the last hour.
    const list: Switch[] = [];
    for (let i = 9999; i >= 0; i--) list.push(sw(i, [`m${i % 2000}`, `m${(i + 1) % 2000}`]));
    const even = { id: 'even', memberIds: Array.from({ length: 1000 }, (_, k) => `m${2 * k}`) };
    const stats = computeFrontStats(list, { start: 'beginning', end: at(10_000) }, [even]);
    expect(stats.members).toHaveLength(2000);
    expect(stats.members.find((m) => m.id === 'm0')).toEqual({
      id: 'm0',
      totalMs: 10 * H,
      percent: 0.1,
      stretches: 6,
      longestStretchMs: 2 * H,
    });
    expect(stats.members.find((m) => m.id === 'm1234')).toEqual({
      id: 'm1234',
      totalMs: 10 * H,
      percent: 0.1,
      stretches: 5,
      longestStretchMs: 2 * H,
    });
    expect(stats.members.every((m) => m.totalMs === 10 * H)).toBe(true);
    expect(stats.groups).toEqual([
      { id: 'even', totalMs: 10_000 * H, percent: 100, stretches: 1, longestStretchMs: 10_000 * H },
    ]);
  });
});

/** Independent, quadratic computation of one member's stats, to check the linear one. */
function referenceStats(oldestFirst: Switch[], id: string, start: number, end: number) {
  let totalMs = 0,
    stretches = 0,
    longestStretchMs = 0,
    run = 0;
  oldestFirst.forEach((s, i) => {
    const from = Math.max(Date.parse(s.timestamp), start);
    const next = oldestFirst[i + 1];
    const until = Math.min(next ? Date.parse(next.timestamp) : end, end);
    const span = Math.max(0, until - from);
    if (s.members.includes(id)) {
      run += span;
      totalMs += span;
    }
    if (!s.members.includes(id) || next === undefined) {
      if (run > 0) stretches++;
      longestStretchMs = Math.max(longestStretchMs, run);
      run = 0;
    }
  });
  return { totalMs, stretches, longestStretchMs };
}

describe('groupMembersByShortId', () => {
  it('maps group member UUIDs to short ids and skips unknown members', () => {
    const members = [
      { id: 'aaaaa', uuid: 'u-a' },
      { id: 'bbbbb', uuid: 'u-b' },
    ];
    expect(groupMembersByShortId([{ id: 'g', members: ['u-b', 'u-x'] }, { id: 'h' }], members)).toEqual([
      { id: 'g', memberIds: ['bbbbb'] },
      { id: 'h', memberIds: [] },
    ]);
  });
});
