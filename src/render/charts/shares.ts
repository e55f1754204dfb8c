import type { SKRSContext2D } from '@napi-rs/canvas';
import type { FrontShares } from '../../front/stats-modes.js';
import type { FrontStatsEntry } from '../../front/stats.js';
import { formatPercent } from '../frontstats.js';
import type { RenderedFile } from '../message.js';
import { ChartPalette, drawText, newChart, pngFile } from './canvas.js';

/** Where the share chart puts things, in pixels; exported so tests can look at a known bar. */
export const ShareLayout = {
  width: 800,
  padding: 16,
  headerHeight: 62,
  nameWidth: 200,
  percentWidth: 64,
  barHeight: 16,
  rowPitch: 22,
  /** Gap and heading above the group bars. */
  sectionGap: 34,
  /** Bars per section; the rest are summed up in one line, as the embed pages them. */
  maxBars: 24,
} as const;

const barLeft = ShareLayout.padding + ShareLayout.nameWidth;
const barWidth = ShareLayout.width - barLeft - ShareLayout.percentWidth - ShareLayout.padding;

/** What the share chart names and colours. */
export interface ShareChartOptions {
  title: string;
  /** Member short id → name, and → `#rrggbb`. */
  names: ReadonlyMap<string, string>;
  colours: ReadonlyMap<string, string>;
  groupNames: ReadonlyMap<string, string>;
  groupColours: ReadonlyMap<string, string>;
}

/** One bar: what it is called, its share and colour. */
interface Bar {
  label: string;
  percent: number;
  colour: string;
}

/** The top of bar `index` of the member section (0-based), for tests. */
export function shareBarTop(index: number): number {
  return ShareLayout.headerHeight + index * ShareLayout.rowPitch + (ShareLayout.rowPitch - ShareLayout.barHeight) / 2;
}

/** The x of `percent` on the bars' scale (0 % at the bars' left edge, 100 % at their right). */
export function shareX(percent: number): number {
  return barLeft + (Math.min(100, Math.max(0, percent)) / 100) * barWidth;
}

/**
 * Front shares as a PNG: a horizontal bar per member (and, below, per group) on a 0–100 % scale, in
 * their colours, the switch-outs as a grey bar when they count. The same figures as the embed's text.
 */
export function renderShareChart(stats: FrontShares, options: ShareChartOptions): Promise<RenderedFile | undefined> {
  const members = bars(stats.members, options.names, options.colours);
  if (stats.switchedOutPercent !== undefined) {
    members.push({ label: 'No one fronting', percent: stats.switchedOutPercent, colour: ChartPalette.muted });
  }
  const groups = bars(stats.groups, options.groupNames, options.groupColours);
  const memberRows = rowsOf(members.length, stats.members.length);
  const groupRows = groups.length === 0 ? 0 : rowsOf(groups.length, stats.groups.length);
  const groupTop = ShareLayout.headerHeight + memberRows * ShareLayout.rowPitch + ShareLayout.sectionGap;
  const height =
    groups.length === 0
      ? ShareLayout.headerHeight + memberRows * ShareLayout.rowPitch + ShareLayout.padding
      : groupTop + groupRows * ShareLayout.rowPitch + ShareLayout.padding;
  const { canvas, ctx } = newChart(ShareLayout.width, height);
  drawText(ctx, options.title, ShareLayout.padding, 20, {
    size: 18,
    bold: true,
    maxWidth: ShareLayout.width - 2 * ShareLayout.padding,
  });
  drawScale(ctx, height);
  drawBars(ctx, members, stats.members.length, ShareLayout.headerHeight);
  if (groups.length > 0) {
    drawText(ctx, 'Groups', ShareLayout.padding, groupTop - 12, { size: 14, bold: true, maxWidth: 200 });
    drawBars(ctx, groups, stats.groups.length, groupTop);
  }
  return pngFile(
    canvas,
    'frontstats.png',
    'Front share per member and group as bars; the embed lists the same figures.',
  );
}

function bars(
  entries: readonly FrontStatsEntry[],
  names: ReadonlyMap<string, string>,
  colours: ReadonlyMap<string, string>,
): Bar[] {
  return entries.slice(0, ShareLayout.maxBars).map((entry) => ({
    label: names.get(entry.id) ?? entry.id,
    percent: entry.percent,
    colour: colours.get(entry.id) ?? ChartPalette.muted,
  }));
}

/** Rows a section takes: its bars, plus a "N more" line when entries were left out. */
function rowsOf(barCount: number, entryCount: number): number {
  return Math.max(1, barCount) + (entryCount > ShareLayout.maxBars ? 1 : 0);
}

function drawScale(ctx: SKRSContext2D, height: number): void {
  for (const percent of [0, 25, 50, 75, 100]) {
    const x = Math.round(shareX(percent));
    ctx.fillStyle = ChartPalette.rule;
    ctx.fillRect(x, ShareLayout.headerHeight - 4, 1, height - ShareLayout.headerHeight - ShareLayout.padding + 4);
    drawText(ctx, `${percent}%`, x, ShareLayout.headerHeight - 12, {
      size: 11,
      colour: ChartPalette.muted,
      maxWidth: 50,
      align: 'center',
    });
  }
}

function drawBars(ctx: SKRSContext2D, list: readonly Bar[], entryCount: number, top: number): void {
  const { padding, rowPitch, barHeight } = ShareLayout;
  for (const [i, bar] of list.entries()) {
    const y = top + i * rowPitch;
    const middle = y + rowPitch / 2;
    drawText(ctx, bar.label, padding, middle, { size: 13, maxWidth: ShareLayout.nameWidth - 10 });
    ctx.fillStyle = bar.colour;
    ctx.fillRect(barLeft, y + (rowPitch - barHeight) / 2, Math.max(1, shareX(bar.percent) - barLeft), barHeight);
    drawText(ctx, formatPercent(bar.percent), ShareLayout.width - padding, middle, {
      size: 12,
      maxWidth: ShareLayout.percentWidth - 4,
      align: 'right',
    });
  }
  if (list.length === 0) {
    drawText(ctx, 'No one fronted in this range.', padding, top + rowPitch / 2, { size: 13, maxWidth: 400 });
  }
  const hidden = entryCount - Math.min(entryCount, ShareLayout.maxBars);
  if (hidden > 0) {
    const y = top + Math.max(1, list.length) * rowPitch + rowPitch / 2;
    drawText(ctx, `+ ${hidden} more, with smaller shares`, padding, y, {
      size: 12,
      colour: ChartPalette.muted,
      maxWidth: 400,
    });
  }
}
