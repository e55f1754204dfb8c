import type { SKRSContext2D } from '@napi-rs/canvas';
import { ChartPalette, drawText } from './canvas.js';

/** One swatch and its name. */
export interface LegendEntry {
  label: string;
  colour: string;
}

/** The legend's grid: entries fill rows left to right, then the next row. */
export const LegendLayout = {
  columns: 4,
  rowHeight: 22,
  swatch: 14,
  /** More members than this end in a "+ N more" line: a legend of hundreds helps nobody. */
  maxEntries: 32,
} as const;

/** How tall the legend of `count` entries is. */
export function legendHeight(count: number): number {
  const shown = Math.min(count, LegendLayout.maxEntries);
  const extra = count > shown ? 1 : 0;
  return (Math.ceil(shown / LegendLayout.columns) + extra) * LegendLayout.rowHeight;
}

/** The top-left corner of legend entry `index`'s swatch, for a legend drawn at (left, top) `width` wide. */
export function legendCell(index: number, left: number, top: number, width: number): { x: number; y: number } {
  const column = index % LegendLayout.columns;
  const row = Math.floor(index / LegendLayout.columns);
  const cellWidth = width / LegendLayout.columns;
  const y = top + row * LegendLayout.rowHeight + (LegendLayout.rowHeight - LegendLayout.swatch) / 2;
  return { x: Math.round(left + column * cellWidth), y: Math.round(y) };
}

/** Draws the entries in order (the caller's order is the one people read), then how many were left out. */
export function drawLegend(
  ctx: SKRSContext2D,
  entries: readonly LegendEntry[],
  left: number,
  top: number,
  width: number,
): void {
  const shown = entries.slice(0, LegendLayout.maxEntries);
  const cellWidth = width / LegendLayout.columns;
  for (const [i, entry] of shown.entries()) {
    const { x, y } = legendCell(i, left, top, width);
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, y, LegendLayout.swatch, LegendLayout.swatch);
    drawText(ctx, entry.label, x + LegendLayout.swatch + 6, y + LegendLayout.swatch / 2, {
      size: 13,
      maxWidth: cellWidth - LegendLayout.swatch - 14,
    });
  }
  const hidden = entries.length - shown.length;
  if (hidden > 0) {
    const y =
      top + Math.ceil(shown.length / LegendLayout.columns) * LegendLayout.rowHeight + LegendLayout.rowHeight / 2;
    drawText(ctx, `+ ${hidden} more, with less time`, left, y, {
      size: 12,
      colour: ChartPalette.muted,
      maxWidth: width,
    });
  }
}
