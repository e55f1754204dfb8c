import { describe, expect, it } from 'vitest';
import { computeFrontStats } from '../../src/front/stats.js';
import { formatPercent, renderFrontStats } from '../../src/render/frontstats.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeSwitch, makeSystem, testControls } from './fixtures.js';

const H = 3_600_000;
const T0 = Date.parse('2025-06-01T00:00:00Z');
const at = (hours: number): Date => new Date(T0 + hours * H);
const sw = (hours: number, members: string[]) => makeSwitch(hours, at(hours).toISOString(), members);
const footnote = 'Percentages are of the time covered. Co-fronters each get the full time, so they can add up to more than 100%.';

describe('renderFrontStats', () => {
  it('shows members by time with share, times fronted and the longest one, then groups and totals', () => {
    const history = [sw(0, ['aaaaa']), sw(2, ['aaaaa', 'bbbbb']), sw(3, ['bbbbb']), sw(5, []), sw(6, ['aaaaa'])].reverse();
    const stats = computeFrontStats(history, { start: at(-2), end: at(10) }, [{ id: 'ggggg', memberIds: ['aaaaa', 'bbbbb'] }]);
    const message = renderFrontStats(stats, {
      names: new Map([['aaaaa', 'Alice']]), groupNames: new Map([['ggggg', 'Everyone']]), system: makeSystem({ name: 'Stars', color: 'ffffff' }),
    });
    expect(message).toEqual({
      embeds: [
        {
          title: 'Front stats of Stars',
          description: [
            '<t:1748728800:f> → <t:1748772000:f> (12h)',
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
          footer: { text: `These figures cover 10h of the 12h. No one was fronting for 1h. I left out 2h before the first switch, as I can't tell who fronted then.\n${footnote}` },
        },
      ],
      components: [],
    });
  });

  it('says so when no one fronted in the range', () => {
    const stats = computeFrontStats([], { start: at(0), end: at(5) });
    expect(renderFrontStats(stats, { names: new Map() })).toEqual({
      embeds: [{
        title: 'Front stats',
        description: '<t:1748736000:f> → <t:1748754000:f> (5h)\n\nNo one fronted in this range.',
        footer: { text: `These figures cover 0s of the 5h. I left out 5h before the first switch, as I can't tell who fronted then.\n${footnote}` },
      }],
      components: [],
    });
  });

  it('shows the top 24 per page within the limits, the rest by paging', () => {
    const members = Array.from({ length: 2000 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const history = Array.from({ length: 10_000 }, (_, i) => sw(i, [members[i % 2000]!, members[(i * 7) % 2000]!])).reverse();
    const groups = Array.from({ length: 100 }, (_, g) => ({ id: `g${g}`, memberIds: members.slice(g * 20, g * 20 + 20) }));
    const stats = computeFrontStats(history, { start: 'beginning', end: at(10_000) }, groups);
    const names = new Map(members.map((id) => [id, `${id} ${'*'.repeat(60)}`]));
    const groupNames = new Map(groups.map((g) => [g.id, `${g.id} ${'_'.repeat(80)}`]));
    const pages = Math.ceil(stats.members.length / 24);
    const shown = new Set<string>();
    for (let page = 0; page < pages; page++) {
      const message = renderFrontStats(stats, { names, groupNames, page, controls: testControls, system: makeSystem({ name: 'x'.repeat(100) }) });
      assertWithinDiscordLimits(message);
      if (page === 0) expect(message.embeds[0]!.description).toMatch(/\n\(\d+ more on the next pages\)$/);
      for (const match of message.embeds[0]!.description!.matchAll(/\*\*(m\d{4})/g)) shown.add(match[1]!);
    }
    expect(pages).toBeGreaterThan(24);
    expect(shown.size).toBe(stats.members.length);
  });

  it('formats percentages with at most one decimal', () => {
    expect([formatPercent(12.5), formatPercent(50), formatPercent(0.04), formatPercent(0), formatPercent(133.333)]).toEqual(['12.5%', '50%', '<0.1%', '0%', '133.3%']);
  });
});
