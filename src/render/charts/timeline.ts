import type { SKRSContext2D } from '@napi-rs/canvas';
import type { FrontTimeline, TimelineDay, TimelineSpan } from '../../front/timeline.js';
import type { RenderedFile } from '../message.js';
import { ChartPalette, drawText, newChart, pngFile } from './canvas.js';
import { drawLegend, legendHeight, type LegendEntry } from './legend.js';

/** Where things sit on a timeline picture, in pixels; exported so tests can look at a known time. */
export const TimelineLayout = {
  width: 1000,
  padding: 16,
  labelWidth: 96,
  /** Title and hour axis above the first row. */
  headerHeight: 64,
  rowHeight: 18,
  rowGap: 3,
} as const;

const chartLeft = TimelineLayout.padding + TimelineLayout.labelWidth;
// Room on the right for half of the centred `24:00`.
const chartWidth = TimelineLayout.width - chartLeft - TimelineLayout.padding - 16;
const rowPitch = TimelineLayout.rowHeight + TimelineLayout.rowGap;

/** What a timeline picture shows besides the history itself. */
export interface TimelineChartOptions {
  title: string;
  /** Member short id → name; ids it does not know (private or deleted members) show as the id. */
  names: ReadonlyMap<string, string>;
  /** Member short id → `#rrggbb`, see `memberColour`. */
  colours: ReadonlyMap<string, string>;
}

/** The pixel at instant `ms` of row `day`, `depth` (0–1) down the row: for tests and the preview. */
export function timelinePoint(timeline: FrontTimeline, day: number, ms: number, depth = 0.5): { x: number; y: number } {
  const row = timeline.days[day]!;
  return {
    x: Math.floor(xOf(row, ms)),
    y: Math.floor(rowTop(day) + depth * TimelineLayout.rowHeight),
  };
}

/** Where the legend starts on a timeline picture. */
export function timelineLegendTop(timeline: FrontTimeline): number {
  return rowTop(timeline.days.length) + 8;
}

/**
 * The timeline as a PNG: one row per day, hours across in the timeline's zone, each span a bar in its
 * member's colour (co-fronters stacked within the row), switch-outs blank, unknown time grey, and a legend
 * of the members by time fronted. `undefined` when it would exceed Discord's file limit.
 */
export function renderTimelineChart(
  timeline: FrontTimeline,
  options: TimelineChartOptions,
): Promise<RenderedFile | undefined> {
  const legend: LegendEntry[] = timeline.totals.map(({ id }) => ({
    label: options.names.get(id) ?? id,
    colour: options.colours.get(id) ?? ChartPalette.muted,
  }));
  const legendTop = timelineLegendTop(timeline);
  const height = legendTop + legendHeight(legend.length) + TimelineLayout.padding;
  const { canvas, ctx } = newChart(TimelineLayout.width, height);
  const rank = new Map(timeline.totals.map(({ id }, i) => [id, i]));
  drawHeader(ctx, timeline, options.title);
  for (const [index, day] of timeline.days.entries()) {
    drawDay(ctx, timeline, index, day, rank, options.colours);
  }
  drawLegend(ctx, legend, TimelineLayout.padding, legendTop, TimelineLayout.width - 2 * TimelineLayout.padding);
  const zone = timeline.timeZone ?? 'UTC';
  return pngFile(
    canvas,
    'timeline.png',
    `Front timeline, ${timeline.days.length} days in ${zone}: one row per day; the same figures are in /frontstats.`,
  );
}

function rowTop(index: number): number {
  return TimelineLayout.headerHeight + index * rowPitch;
}

function xOf(day: TimelineDay, ms: number): number {
  const clamped = Math.min(Math.max(ms, day.startMs), day.endMs);
  return chartLeft + ((clamped - day.startMs) / (day.endMs - day.startMs)) * chartWidth;
}

function drawHeader(ctx: SKRSContext2D, timeline: FrontTimeline, title: string): void {
  const { padding } = TimelineLayout;
  drawText(ctx, title, padding, 18, { size: 18, bold: true, maxWidth: TimelineLayout.width - 2 * padding });
  const zone = `Times in ${timeline.timeZone ?? 'UTC'}`;
  drawText(ctx, zone, TimelineLayout.width - padding, 18, {
    size: 12,
    colour: ChartPalette.muted,
    maxWidth: 300,
    align: 'right',
  });
  const bottom = rowTop(timeline.days.length) - TimelineLayout.rowGap;
  for (let hour = 0; hour <= 24; hour += 3) {
    const x = Math.round(chartLeft + (hour / 24) * chartWidth) + 0.5;
    drawText(ctx, `${String(hour).padStart(2, '0')}:00`, x, TimelineLayout.headerHeight - 12, {
      size: 11,
      colour: ChartPalette.muted,
      maxWidth: 60,
      align: 'center',
    });
    ctx.fillStyle = ChartPalette.rule;
    ctx.fillRect(x - 0.5, TimelineLayout.headerHeight - 4, 1, bottom - TimelineLayout.headerHeight + 4);
  }
}

function drawDay(
  ctx: SKRSContext2D,
  timeline: FrontTimeline,
  index: number,
  day: TimelineDay,
  rank: ReadonlyMap<string, number>,
  colours: ReadonlyMap<string, string>,
): void {
  const top = rowTop(index);
  const { rowHeight } = TimelineLayout;
  drawText(ctx, day.label, TimelineLayout.padding, top + rowHeight / 2, {
    size: 12,
    maxWidth: TimelineLayout.labelWidth - 8,
  });
  // Unknown time first; spans then paint over whatever is known.
  const knownFrom = timeline.spans[0]?.startMs ?? timeline.endMs;
  ctx.fillStyle = ChartPalette.unknown;
  if (knownFrom > day.startMs) ctx.fillRect(chartLeft, top, xOf(day, knownFrom) - chartLeft, rowHeight);
  if (timeline.endMs < day.endMs) {
    const from = xOf(day, timeline.endMs);
    ctx.fillRect(from, top, chartLeft + chartWidth - from, rowHeight);
  }
  for (const span of spansOf(timeline.spans, day)) {
    if (span.members.length === 0) {
      ctx.fillStyle = ChartPalette.background;
      ctx.fillRect(xOf(day, span.startMs), top, xOf(day, span.endMs) - xOf(day, span.startMs), rowHeight);
      continue;
    }
    const x = xOf(day, span.startMs);
    const width = Math.max(1, xOf(day, span.endMs) - x);
    const members =
      span.members.length < 2
        ? span.members
        : [...span.members].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const band = rowHeight / members.length;
    for (const [i, id] of members.entries()) {
      ctx.fillStyle = colours.get(id) ?? ChartPalette.muted;
      ctx.fillRect(x, top + i * band, width, band);
    }
  }
}

/** The spans overlapping `day`; spans are oldest first, so this is a binary search and a short walk. */
function spansOf(spans: readonly TimelineSpan[], day: TimelineDay): TimelineSpan[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.endMs <= day.startMs) low = mid + 1;
    else high = mid;
  }
  const found: TimelineSpan[] = [];
  for (let i = low; i < spans.length && spans[i]!.startMs < day.endMs; i++) found.push(spans[i]!);
  return found;
}
