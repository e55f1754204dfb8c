import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, type FrontTimeline } from '../../src/front/timeline.js';
import { LegendLayout, legendCell } from '../../src/render/charts/legend.js';
import { ChartPalette } from '../../src/render/charts/canvas.js';
import { TimelineLayout, timelineLegendTop, timelinePoint } from '../../src/render/charts/timeline.js';
import { memberColours, renderTimelineMessage } from '../../src/render/timeline.js';
import { decodePng, type DecodedPng } from '../support/png.js';
import { makeMember, makeSwitch, makeSystem } from './fixtures.js';

const now = new Date('2025-06-10T12:00:00Z');
const zone = 'Europe/Berlin'; // UTC+2 in June
const sw = (n: number, iso: string, members: string[]) => makeSwitch(n, iso, members);
// Newest first, as PluralKit lists them; the first one is in force when the first day (8 June) starts.
const history = [
  sw(6, '2025-06-10T09:00:00Z', ['eeeee']),
  sw(5, '2025-06-09T18:00:00Z', ['ddddd']),
  sw(4, '2025-06-09T04:00:00Z', ['ccccc']),
  sw(3, '2025-06-08T16:00:00Z', []),
  sw(2, '2025-06-08T10:00:00Z', ['aaaaa', 'bbbbb']),
  sw(1, '2025-06-07T20:00:00Z', ['aaaaa']),
];
const members = [
  makeMember('aaaaa', 'Alice', { color: 'ff0000' }),
  makeMember('bbbbb', 'Bob', { color: '0000ff' }),
  makeMember('ccccc', 'ミナ 李伟'),
  makeMember('ddddd', 'נועה سارة', { color: '00aa00' }),
  makeMember('eeeee', 'Kai 🌊', { color: 'ffaa00' }),
];
const names = new Map(members.map((m) => [m.id, m.name]));

async function draw(timeline: FrontTimeline): Promise<DecodedPng> {
  const message = await renderTimelineMessage(timeline, {
    system: makeSystem({ name: 'Lantern' }),
    names,
    colours: memberColours(members),
  });
  const file = message.files?.[0];
  expect(file?.name).toBe('timeline.png');
  expect(message.embeds[0]?.image?.url).toBe('attachment://timeline.png');
  if (process.env['TIMELINE_PNG']) writeFileSync(process.env['TIMELINE_PNG'], file!.data);
  return decodePng(file!.data);
}

/** The colour at local time `hh:mm` (Berlin) of row `day`, `depth` down the row. */
function colourAt(png: DecodedPng, timeline: FrontTimeline, day: number, localIso: string, depth = 0.5): string {
  const { x, y } = timelinePoint(timeline, day, Date.parse(`${localIso}+02:00`), depth);
  return png.colourAt(x, y);
}

describe('the /timeline picture', () => {
  const timeline = buildTimeline(history, { end: now, days: 3, timeZone: zone });

  it('is one row per day, in member colours at the right local times, co-fronters stacked', async () => {
    const png = await draw(timeline);
    expect(png.width).toBe(TimelineLayout.width);
    expect(png.height).toBeGreaterThan(TimelineLayout.headerHeight + 3 * TimelineLayout.rowHeight);
    // 8 June in Berlin starts at 7 June 22:00 UTC, when Alice was fronting alone.
    expect(colourAt(png, timeline, 0, '2025-06-08T00:20')).toBe('#ff0000');
    expect(colourAt(png, timeline, 0, '2025-06-08T11:30')).toBe('#ff0000');
    // 12:00–18:00 local: Alice and Bob, Alice (more time) on top.
    expect(colourAt(png, timeline, 0, '2025-06-08T14:20', 0.2)).toBe('#ff0000');
    expect(colourAt(png, timeline, 0, '2025-06-08T14:20', 0.8)).toBe('#0000ff');
    // The switch-out at 18:00 local: blank until ミナ at 06:00 the next day.
    expect(colourAt(png, timeline, 0, '2025-06-08T19:20')).toBe(ChartPalette.background);
    expect(colourAt(png, timeline, 1, '2025-06-09T04:20')).toBe(ChartPalette.background);
    expect(colourAt(png, timeline, 1, '2025-06-09T21:20')).toBe('#00aa00');
    // Later today (after 14:00 local) is not known yet.
    expect(colourAt(png, timeline, 2, '2025-06-10T11:20')).toBe('#ffaa00');
    expect(colourAt(png, timeline, 2, '2025-06-10T16:20')).toBe(ChartPalette.unknown);
  });

  it('lists members in the legend by time fronted, drawing CJK, right-to-left and emoji names', async () => {
    const png = await draw(timeline);
    // ミナ 14h, Alice 20h (from 22:00 UTC to 16:00 UTC), ddddd 15h, Bob 6h, eeeee 3h.
    expect(timeline.totals.map((t) => t.id)).toEqual(['aaaaa', 'ddddd', 'ccccc', 'bbbbb', 'eeeee']);
    const left = TimelineLayout.padding;
    const top = timelineLegendTop(timeline);
    const width = TimelineLayout.width - 2 * left;
    const swatches = timeline.totals.map((_, i) => {
      const cell = legendCell(i, left, top, width);
      return png.colourAt(cell.x + 4, cell.y + 4);
    });
    const mina = memberColours(members).get('ccccc');
    expect(swatches).toEqual(['#ff0000', '#00aa00', mina, '#0000ff', '#ffaa00']);
    for (const index of [1, 2, 4]) {
      const cell = legendCell(index, left, top, width);
      const textLeft = cell.x + LegendLayout.swatch + 6;
      expect(png.inkIn(textLeft, cell.y - 3, 60, LegendLayout.swatch + 6), `legend entry ${index}`).toBeGreaterThan(40);
    }
  });
});
