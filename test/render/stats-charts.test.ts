import { describe, expect, it } from 'vitest';
import { computeHourMap } from '../../src/front/hour-map.js';
import { withStatsMode } from '../../src/front/stats-modes.js';
import { computeFrontStats } from '../../src/front/stats.js';
import { ChartPalette } from '../../src/render/charts/canvas.js';
import { cellShade, hourCellCentre, renderHourMap } from '../../src/render/charts/hours.js';
import { renderShareChart, shareBarTop, ShareLayout, shareX } from '../../src/render/charts/shares.js';
import { renderFrontStatsPage } from '../../src/features/front-stats.js';
import { decodePng } from '../support/png.js';
import { makeSwitch, makeSystem, testControls } from './fixtures.js';

const H = 3_600_000;
const T0 = Date.parse('2025-06-02T00:00:00Z'); // a Monday
const sw = (hours: number, members: string[]) => makeSwitch(hours, new Date(T0 + hours * H).toISOString(), members);
// 10 hours: aaaaa alone 6 h, aaaaa with bbbbb 2 h, nobody 2 h. Newest first.
const history = [sw(8, []), sw(6, ['aaaaa', 'bbbbb']), sw(0, ['aaaaa'])];
const range = { start: new Date(T0), end: new Date(T0 + 10 * H) };
const colours = new Map([
  ['aaaaa', '#ff0000'],
  ['bbbbb', '#0000ff'],
]);
const names = new Map([
  ['aaaaa', 'Alice'],
  ['bbbbb', 'ミナ'],
]);

describe('the /frontstats share chart', () => {
  it('draws one bar per member as long as its share, in flat mode adding up to 100 % with the switch-outs', async () => {
    const stats = withStatsMode(computeFrontStats(history, range), { flat: true, frontersOnly: false });
    // Flat: of 8 + 2 + 2 = 12 h, Alice 8 h (66.7 %), ミナ 2 h (16.7 %), nobody 2 h (16.7 %).
    const total = stats.members.reduce((sum, m) => sum + m.percent, 0) + (stats.switchedOutPercent ?? 0);
    expect(total).toBeCloseTo(100, 6);
    const file = await renderShareChart(stats, {
      title: 'Front shares',
      names,
      colours,
      groupNames: new Map(),
      groupColours: new Map(),
    });
    const png = await decodePng(file!.data);
    expect(png.width).toBe(ShareLayout.width);
    const y = (row: number) => shareBarTop(row) + ShareLayout.barHeight / 2;
    expect(png.colourAt(shareX(66), y(0))).toBe('#ff0000');
    expect(png.colourAt(shareX(68), y(0))).toBe(ChartPalette.background);
    expect(png.colourAt(shareX(16), y(1))).toBe('#0000ff');
    expect(png.colourAt(shareX(18), y(1))).toBe(ChartPalette.background);
    expect(png.colourAt(shareX(16), y(2))).toBe(ChartPalette.muted);
    // The CJK name is drawn in its row's label cell.
    expect(png.inkIn(ShareLayout.padding, shareBarTop(1), 60, ShareLayout.barHeight)).toBeGreaterThan(30);
  });
});

describe('a stats card with a picture', () => {
  it('shows the attached picture in its last embed on every page, so turning a page keeps it', () => {
    const many = Array.from({ length: 30 }, (_, i) => sw(i, [`m${String(i).padStart(4, '0')}`])).reverse();
    const stats = withStatsMode(computeFrontStats(many, { start: new Date(T0), end: new Date(T0 + 30 * H) }), {
      flat: false,
      frontersOnly: false,
    });
    const view = { stats, names: new Map(), groupNames: new Map(), system: makeSystem(), chartFile: 'frontstats.png' };
    for (const page of [0, 1]) {
      const message = renderFrontStatsPage(view, page, testControls);
      expect(message.embeds.at(-1)?.image?.url).toBe('attachment://frontstats.png');
    }
    const { chartFile: _none, ...plain } = view;
    expect(renderFrontStatsPage(plain, 0).embeds.at(-1)?.image).toBeUndefined();
  });
});

describe('the /frontstats hours heat map', () => {
  it("shades each weekday's hours in the system's time zone, fullest darkest, empty white", async () => {
    // Berlin is UTC+2 in June: Alice's 00:00–08:00 UTC Monday is 02:00–10:00 Monday on the clock.
    const map = computeHourMap(history, range, 'Europe/Berlin', 'aaaaa');
    expect(map.cells[0]![1]).toBe(0);
    expect(map.cells[0]![2]).toBe(H);
    expect(map.cells[0]![10]).toBe(0);
    const png = await decodePng((await renderHourMap(map, { title: 'When Alice fronts', colour: '#ff0000' }))!.data);
    const at = (weekday: number, hour: number) => {
      const { x, y } = hourCellCentre(weekday, hour);
      return png.colourAt(x, y);
    };
    expect(at(0, 5)).toBe(cellShade('#ff0000', 1));
    expect(at(0, 5)).toBe('#ff0000');
    expect(at(0, 11)).toBe(ChartPalette.background);
    expect(at(1, 5)).toBe(ChartPalette.background);
  });

  it('counts anyone fronting for the whole system, and splits hours at wall-clock hours (India, +5:30)', () => {
    const map = computeHourMap(history, range, 'Asia/Kolkata');
    // 00:00 UTC is 05:30 there: half of hour 5, then whole hours 6–12, and 13:00–13:30 until the switch-out.
    expect(map.cells[0]![5]).toBe(H / 2);
    expect(map.cells[0]![6]).toBe(H);
    expect(map.cells[0]![13]).toBe(H / 2);
    expect(map.cells[0]![14]).toBe(0);
  });
});
