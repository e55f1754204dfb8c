import { describe, expect, it } from 'vitest';
import { DefaultStatsMode, withStatsMode } from '../../src/front/stats-modes.js';
import { computeFrontStats } from '../../src/front/stats.js';
import { H, at, sw } from './hour-switches.js';

// a 0–2h, a+b 2–3h, b 3–5h, nobody 5–6h, a 6–10h: a 7h, b 3h, switched out 1h of 10h.
const history = [sw(0, ['a']), sw(2, ['a', 'b']), sw(3, ['b']), sw(5, []), sw(6, ['a'])].reverse();
const stats = computeFrontStats(history, { start: 'beginning', end: at(10) }, [{ id: 'both', memberIds: ['a', 'b'] }]);
const percents = (mode: { flat: boolean; frontersOnly: boolean }) => {
  const shares = withStatsMode(stats, mode);
  return {
    members: shares.members.map((m) => Number(m.percent.toFixed(1))),
    switchedOut: shares.switchedOutPercent === undefined ? undefined : Number(shares.switchedOutPercent.toFixed(1)),
    groups: shares.groups.map((g) => Number(g.percent.toFixed(1))),
    basisHours: shares.basisMs / H,
  };
};

describe('withStatsMode: PluralKit frontpercent modes', () => {
  it('by default takes shares of the whole range, co-fronters each with the full time', () => {
    expect(percents(DefaultStatsMode)).toEqual({ members: [70, 30], switchedOut: 10, groups: [90], basisHours: 10 });
  });

  it('fronters only: shares of the time someone was fronting, switch-outs left out', () => {
    expect(percents({ flat: false, frontersOnly: true })).toEqual({
      members: [77.8, 33.3],
      switchedOut: undefined,
      groups: [100],
      basisHours: 9,
    });
  });

  it("flat: shares of all members' times plus the switch-outs, adding up to 100%", () => {
    const flat = percents({ flat: true, frontersOnly: false });
    expect(flat).toEqual({ members: [63.6, 27.3], switchedOut: 9.1, groups: [90], basisHours: 11 });
    const exact = withStatsMode(stats, { flat: true, frontersOnly: false });
    expect(exact.members.reduce((sum, m) => sum + m.percent, exact.switchedOutPercent!)).toBeCloseTo(100, 9);
  });

  it('flat and fronters only: the members alone add up to 100%', () => {
    expect(percents({ flat: true, frontersOnly: true })).toEqual({
      members: [70, 30],
      switchedOut: undefined,
      groups: [100],
      basisHours: 10,
    });
  });

  it('keeps every share at 0 when there is nothing to divide by', () => {
    const outOnly = computeFrontStats([sw(0, [])], { start: 'beginning', end: at(1) });
    expect(withStatsMode(outOnly, { flat: true, frontersOnly: true })).toMatchObject({
      basisMs: 0,
      members: [],
      switchedOutPercent: undefined,
    });
    expect(withStatsMode(outOnly, { flat: false, frontersOnly: true }).basisMs).toBe(0);
  });
});
