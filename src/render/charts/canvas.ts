import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { DiscordLimits, Ellipsis } from '../limits.js';
import type { RenderedFile } from '../message.js';
import { chartFont, ensureChartFonts } from './fonts.js';

/** The colours every chart shares: white paper, dark text, light rules. */
export const ChartPalette = {
  background: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  rule: '#e5e7eb',
  /** Time nothing is known about (before the first switch, later today). */
  unknown: '#eceff3',
} as const;

/** A blank chart of `width` × `height` pixels on the background colour, fonts ready. */
export function newChart(width: number, height: number): { canvas: Canvas; ctx: SKRSContext2D } {
  ensureChartFonts();
  const canvas = createCanvas(Math.round(width), Math.round(height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ChartPalette.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'middle';
  return { canvas, ctx };
}

/** Draws `text` at (x, y) in `size` px, cut with `…` to `maxWidth` pixels. */
export function drawText(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  options: { size: number; maxWidth: number; bold?: boolean; colour?: string; align?: 'left' | 'right' | 'center' },
): void {
  ctx.font = chartFont(options.size, options.bold);
  ctx.fillStyle = options.colour ?? ChartPalette.text;
  ctx.textAlign = options.align ?? 'left';
  ctx.fillText(fitWidth(ctx, text.replace(/\s+/g, ' ').trim(), options.maxWidth), x, y);
}

/** `text` cut (by code points, so emoji stay whole) until it fits `maxWidth` in the current font. */
export function fitWidth(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const points = [...text];
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(points.slice(0, mid).join('') + Ellipsis).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return points.slice(0, low).join('').trimEnd() + Ellipsis;
}

// Charts are encoded once and never read back, so libvips' cache would only hold memory; one thread per
// picture keeps a busy bot from starting a thread per core for each.
sharp.cache(false);
sharp.concurrency(1);

/**
 * The chart as a PNG attachment named `name`, with `description` as its alt text; `undefined` when it
 * would be over Discord's file size limit, so the message goes out without it rather than failing.
 *
 * Skia draws, libpng (through sharp) encodes, off the main thread: Skia's own encoder tries every row
 * filter on every row, about four times slower on flat-colour charts and with larger files. Charts are
 * opaque (`newChart` paints the background), so the PNG is RGB without an alpha channel.
 */
export async function pngFile(canvas: Canvas, name: string, description: string): Promise<RenderedFile | undefined> {
  const { width, height } = canvas;
  const data = await sharp(canvas.data(), { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
  if (data.length > DiscordLimits.attachmentBytes) return undefined;
  return { name, data, description: description.slice(0, DiscordLimits.attachmentDescription) };
}
