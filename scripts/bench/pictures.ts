/**
 * Section 10, pictures: the `/timeline` PNG of 30 days with 2,000 switches and 300 members, the
 * `/frontstats` share chart and the weekday × hour heat map of the same history. Render means drawing
 * and PNG encoding; the models (computed once per run before) are timed on their own.
 */
import { computeHourMap } from '../../src/front/hour-map.js';
import { DefaultStatsMode, withStatsMode } from '../../src/front/stats-modes.js';
import { computeFrontStats } from '../../src/front/stats.js';
import { buildTimeline } from '../../src/front/timeline.js';
import type { Switch } from '../../src/pluralkit/index.js';
import { memberColour } from '../../src/render/charts/colours.js';
import { renderHourMap } from '../../src/render/charts/hours.js';
import { renderShareChart } from '../../src/render/charts/shares.js';
import { renderTimelineChart } from '../../src/render/charts/timeline.js';
import { fmt, quantile, SectionNames, type BenchRow } from './rows.js';

/** Sizes for section 10. */
export interface PicturesParams {
  days: number;
  switches: number;
  members: number;
  /** Renders of each picture (the median is reported, after one untimed warm-up). */
  repeats: number;
}

/** The sizes. */
export const PicturesDefaults: PicturesParams = { days: 30, switches: 2000, members: 300, repeats: 25 };

const DayMs = 86_400_000;

/** A reproducible history: switches evenly over the days, one to three members each, every 40th a switch-out. */
function history(params: PicturesParams, end: number): Switch[] {
  let seed = 0x5eed;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const step = (params.days * DayMs) / params.switches;
  return Array.from({ length: params.switches }, (_, i) => {
    const size = i % 40 === 39 ? 0 : 1 + random(3);
    const members = new Set<string>();
    while (members.size < size) members.add(`m${random(params.members)}`);
    const at = end - (params.switches - i) * step;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      timestamp: new Date(at).toISOString(),
      members: [...members],
    };
  }).reverse();
}

/**
 * Wall-clock median and max, and the median CPU time of this process (which a loaded machine inflates
 * less). Encoding runs on a worker thread, whose time counts too: `process.cpuUsage` covers every thread.
 */
async function medianOf(
  repeats: number,
  task: () => unknown,
): Promise<{ median: number; max: number; cpuMedian: number }> {
  await task();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await task();
    const used = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: quantile(samples, 0.5), max: Math.max(...samples), cpuMedian: quantile(cpu, 0.5) };
}

/** Runs section 10; goals count on the median. */
export async function benchPictures(params: PicturesParams = PicturesDefaults): Promise<BenchRow[]> {
  const end = new Date();
  const switches = history(params, end.getTime());
  const ids = Array.from({ length: params.members }, (_, i) => `m${i}`);
  // Names in several scripts, so text shaping is part of the figure.
  const scripts = ['Member', 'ミナ', 'נועה', 'سارة', '李伟', '민지', 'Kai 🌊'];
  const names = new Map(ids.map((id, i) => [id, `${scripts[i % scripts.length]} ${i}`]));
  const colours = new Map(
    ids.map((id, i) => [
      id,
      memberColour(i % 3 === 0 ? null : (i * 2654435).toString(16).slice(-6).padStart(6, '0'), id),
    ]),
  );
  const zone = 'Europe/Berlin';
  const timeline = buildTimeline(switches, { end, days: params.days, timeZone: zone });
  const range = { start: new Date(end.getTime() - params.days * DayMs), end };
  const stats = withStatsMode(computeFrontStats(switches, range), DefaultStatsMode);
  const map = computeHourMap(switches, stats, zone);
  const title = 'Large system (300 members)';

  const model = await medianOf(params.repeats, () =>
    buildTimeline(switches, { end, days: params.days, timeZone: zone }),
  );
  const drawn = await medianOf(params.repeats, () => renderTimelineChart(timeline, { title, names, colours }));
  const shares = await medianOf(params.repeats, () =>
    renderShareChart(stats, { title, names, colours, groupNames: new Map(), groupColours: new Map() }),
  );
  const hoursModel = await medianOf(params.repeats, () => computeHourMap(switches, stats, zone));
  const hours = await medianOf(params.repeats, () => renderHourMap(map, { title, colour: '#4f46e5' }));
  const size = `${params.days} days, ${params.switches} switches, ${params.members} members`;
  const row = (metric: string, r: { median: number; max: number; cpuMedian: number }, goalMs?: number): BenchRow => ({
    section: SectionNames[10],
    metric: `${metric} (median / max of ${params.repeats}; CPU median)`,
    value: `${fmt(r.median, 1)} / ${fmt(r.max, 1)} ms; CPU ${fmt(r.cpuMedian, 1)} ms`,
    goal: goalMs === undefined ? '' : `≤ ${goalMs} ms`,
    met: goalMs === undefined ? null : r.median <= goalMs,
    raw: r,
  });
  return [
    row(`timeline PNG, ${size}: draw + encode`, drawn, 50),
    row(`timeline model, ${size}: switches to rows`, model),
    row(`share chart PNG, ${params.members} members: draw + encode`, shares, 20),
    row(`hour heat map PNG: draw + encode`, hours, 30),
    row(`hour heat map model, ${params.switches} switches in ${zone}`, hoursModel),
  ];
}
