import { describe, expect, it } from 'vitest';
import { DefaultStatsMode, withStatsMode, type StatsMode } from '../../src/front/stats-modes.js';
import { computeFrontStats, type StatsRange } from '../../src/front/stats.js';
import type { Switch } from '../../src/pluralkit/schemas.js';
import { formatPercent, renderFrontStats } from '../../src/render/frontstats.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeSwitch, makeSystem, testControls } from './fixtures.js';

const H = 3_600_000;
const T0 = Date.parse('2025-06-01T00:00:00Z');
const at = (hours: number): Date => new Date(T0 + hours * H);
const sw = (hours: number, members: string[]) => makeSwitch(hours, at(hours).toISOString(), members);
const footnote =
  'Percentages are of the whole range. Co-fronters each get the full time, so they can add up to more than 100%.';
const stats = (
  history: Switch[],
  range: StatsRange,
  groups: { id: string; memberIds: string[] }[] = [],
  mode: StatsMode = DefaultStatsMode,
) => withStatsMode(computeFrontStats(history, range, groups), mode);

describe('renderFrontStats', () => {
  it('shows members by time with share, times fronted and the longest one, then groups and totals', () => {
    const history = [
      sw(0, ['aaaaa']),
      sw(2, ['aaaaa', 'bbbbb']),
      sw(3, ['bbbbb']),
      sw(5, []),
      sw(6, ['aaaaa']),
    ].reverse();
    const message = renderFrontStats(
      stats(history, { start: at(-2), end: at(10) }, [{ id: 'ggggg', memberIds: ['aaaaa', 'bbbbb'] }]),
      {
        names: new Map([['aaaaa', 'Alice']]),
        groupNames: new Map([['ggggg', 'Everyone']]),
        system: makeSystem({ name: 'Stars', color: 'ffffff' }),
      },
    );
    expect(message).toEqual({
      embeds: [
        {
          title: 'Front stats of Stars',
          description: [
            '<t:1748736000:f> → <t:1748772000:f> (10h)',
            'The range reached back before the first switch, so it starts there.',
            '',
            '1. **Alice** — 70% (7h) · fronted 2 times, longest 4h',
            '2. `bbbbb` — 30% (3h) · fronted once',
          ].join('\n'),
          color: 0xffffff,
        },
        {
          title: 'Groups',
          description: '1. **Everyone** — 90% (9h) · fronted 2 times, longest 5h',
          color: 0xffffff,
          footer: { text: `These figures cover the whole 10h. No one was fronting for 1h (10%).\n${footnote}` },
        },
      ],
      components: [],
    });
  });

  it('says so when no switch is logged yet', () => {
    expect(renderFrontStats(stats([], { start: at(0), end: at(5) }), { names: new Map() })).toEqual({
      embeds: [
        {
          title: 'Front stats',
          description:
            '<t:1748754000:f> → <t:1748754000:f> (0s)\nNo switches are logged yet, so there is nothing to count.\n\nNo one fronted in this range.',
          footer: { text: footnote },
        },
      ],
      components: [],
    });
  });

  it('names the flat and fronters-only modes and what the percentages are of', () => {
    const history = [
      sw(0, ['aaaaa']),
      sw(2, ['aaaaa', 'bbbbb']),
      sw(3, ['bbbbb']),
      sw(5, []),
      sw(6, ['aaaaa']),
    ].reverse();
    const render = (mode: StatsMode) =>
      renderFrontStats(stats(history, { start: 'beginning', end: at(10) }, [], mode), { names: new Map() }).embeds[0]!;
    const flat = render({ flat: true, frontersOnly: false });
    expect(flat.description!.split('\n').slice(1)).toEqual([
      'Flat list: the percentages add up to 100%.',
      '',
      '1. `aaaaa` — 63.6% (7h) · fronted 2 times, longest 4h',
      '2. `bbbbb` — 27.3% (3h) · fronted once',
    ]);
    expect(flat.footer!.text).toBe(
      "These figures cover the whole 10h. No one was fronting for 1h (9.1%).\nPercentages are of all members' times plus the time with no fronter, so together they add up to 100%.",
    );
    const both = render({ flat: true, frontersOnly: true });
    expect(both.description!.split('\n')[1]).toBe(
      'Flat list: the percentages add up to 100% · Fronters only: switch-outs left out.',
    );
    expect(both.footer!.text).toBe(
      "These figures cover the whole 10h. No one was fronting for 1h, left out of the percentages.\nPercentages are of all members' times added up, so they add up to 100%.",
    );
    const frontersOnly = render({ flat: false, frontersOnly: true });
    expect(frontersOnly.description!.split('\n')[1]).toBe('Fronters only: switch-outs left out.');
    expect(frontersOnly.footer!.text).toBe(
      'These figures cover the whole 10h. No one was fronting for 1h, left out of the percentages.\nPercentages are of the time someone was fronting. Co-fronters each get the full time, so they can add up to more than 100%.',
    );
  });

  it('shows the top 24 per page within the limits, the rest by paging', () => {
    const members = Array.from({ length: 2000 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const history = Array.from({ length: 10_000 }, (_, i) =>
      sw(i, [members[i % 2000]!, members[(i * 7) % 2000]!]),
    ).reverse();
    const groups = Array.from({ length: 100 }, (_, g) => ({
      id: `g${g}`,
      memberIds: members.slice(g * 20, g * 20 + 20),
    }));
    const big = stats(history, { start: 'beginning', end: at(10_000) }, groups);
    const names = new Map(members.map((id) => [id, `${id} ${'*'.repeat(60)}`]));
    const groupNames = new Map(groups.map((g) => [g.id, `${g.id} ${'_'.repeat(80)}`]));
    const pages = Math.ceil(big.members.length / 24);
    const shown = new Set<string>();
    for (let page = 0; page < pages; page++) {
      const message = renderFrontStats(big, {
        names,
        groupNames,
        page,
        controls: testControls,
        system: makeSystem({ name: 'x'.repeat(100) }),
      });
      assertWithinDiscordLimits(message);
      if (page === 0) expect(message.embeds[0]!.description).toMatch(/\n\(\d+ more on the next pages\)$/);
      for (const match of message.embeds[0]!.description!.matchAll(/\*\*(m\d{4})/g)) shown.add(match[1]!);
    }
    expect(pages).toBeGreaterThan(24);
    expect(shown.size).toBe(big.members.length);
  });

  it('formats percentages with at most one decimal', () => {
    expect([
      formatPercent(12.5),
      formatPercent(50),
      formatPercent(0.04),
      formatPercent(0),
      formatPercent(133.333),
    ]).toEqual(['12.5%', '50%', '<0.1%', '0%', '133.3%']);
  });
});
