import type { HourMap } from '../../front/hour-map.js';
import { formatDuration } from '../../front/format.js';
import type { RenderedFile } from '../message.js';
import { ChartPalette, drawText, newChart, pngFile } from './canvas.js';

/** Where the heat map puts things, in pixels; exported so tests can look at a known cell. */
export const HourMapLayout = {
  width: 800,
  padding: 16,
  headerHeight: 64,
  labelWidth: 48,
  cellHeight: 26,
  /** The shading scale under the grid. */
  footerHeight: 40,
} as const;

const Weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const gridLeft = HourMapLayout.padding + HourMapLayout.labelWidth;
const cellWidth = (HourMapLayout.width - gridLeft - HourMapLayout.padding) / 24;

/** The middle of the cell of `weekday` (0 = Monday) and `hour`, for tests. */
export function hourCellCentre(weekday: number, hour: number): { x: number; y: number } {
  return {
    x: Math.floor(gridLeft + (hour + 0.5) * cellWidth),
    y: Math.floor(HourMapLayout.headerHeight + (weekday + 0.5) * HourMapLayout.cellHeight),
  };
}

/** The shade of `colour` for a cell at `share` (0–1) of the fullest: white for none, `colour` for the fullest. */
export function cellShade(colour: string, share: number): string {
  const strength = share <= 0 ? 0 : 0.15 + 0.85 * Math.min(1, share);
  const channel = (offset: number): string => {
    const value = Number.parseInt(colour.slice(offset, offset + 2), 16);
    return Math.round(255 + (value - 255) * strength)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/**
 * The hour-of-day × weekday heat map as a PNG: one row per weekday, one column per hour in the map's
 * zone, each cell shaded in `colour` by its front time against the fullest cell; empty cells white.
 */
export function renderHourMap(
  map: HourMap,
  options: { title: string; colour: string },
): Promise<RenderedFile | undefined> {
  const height =
    HourMapLayout.headerHeight + 7 * HourMapLayout.cellHeight + HourMapLayout.footerHeight + HourMapLayout.padding;
  const { canvas, ctx } = newChart(HourMapLayout.width, height);
  const { padding } = HourMapLayout;
  drawText(ctx, options.title, padding, 20, { size: 18, bold: true, maxWidth: HourMapLayout.width - 2 * padding });
  drawText(ctx, `Hours in ${map.timeZone ?? 'UTC'}`, HourMapLayout.width - padding, 20, {
    size: 12,
    colour: ChartPalette.muted,
    maxWidth: 300,
    align: 'right',
  });
  for (let hour = 0; hour < 24; hour += 2) {
    const { x } = hourCellCentre(0, hour);
    drawText(ctx, String(hour).padStart(2, '0'), x, HourMapLayout.headerHeight - 12, {
      size: 11,
      colour: ChartPalette.muted,
      maxWidth: cellWidth * 2,
      align: 'center',
    });
  }
  for (const [weekday, row] of map.cells.entries()) {
    const top = HourMapLayout.headerHeight + weekday * HourMapLayout.cellHeight;
    drawText(ctx, Weekdays[weekday]!, padding, top + HourMapLayout.cellHeight / 2, { size: 12, maxWidth: 44 });
    for (const [hour, ms] of row.entries()) {
      ctx.fillStyle = cellShade(options.colour, map.maxMs > 0 ? ms / map.maxMs : 0);
      ctx.fillRect(gridLeft + hour * cellWidth + 1, top + 1, cellWidth - 2, HourMapLayout.cellHeight - 2);
    }
  }
  ctx.strokeStyle = ChartPalette.rule;
  ctx.strokeRect(
    gridLeft + 0.5,
    HourMapLayout.headerHeight + 0.5,
    24 * cellWidth - 1,
    7 * HourMapLayout.cellHeight - 1,
  );
  const footer = HourMapLayout.headerHeight + 7 * HourMapLayout.cellHeight + HourMapLayout.footerHeight / 2;
  const scale =
    map.maxMs > 0
      ? `White: nobody at that hour. Darkest: ${formatDuration(map.maxMs)} in one hour slot over the whole range.`
      : 'Nobody fronted in this range.';
  drawText(ctx, scale, gridLeft, footer, { size: 12, colour: ChartPalette.muted, maxWidth: HourMapLayout.width });
  return pngFile(canvas, 'frontstats-hours.png', 'Front time by weekday and hour of day as a heat map.');
}
