/**
 * Section 4, rendering: a member list page and a year of front stats for a large system, with data
 * fetched through our client from the PluralKit stand-in (so the objects are exactly what the bot holds).
 */
import { DefaultStatsMode, withStatsMode } from '../../src/front/stats-modes.js';
import { computeFrontStats, groupMembersByShortId } from '../../src/front/stats.js';
import { PluralKitClient, type Group, type Member, type Switch, type System } from '../../src/pluralkit/index.js';
import { renderFrontStats } from '../../src/render/frontstats.js';
import { renderMemberList, sortMembers } from '../../src/render/members.js';
import type { RenderControls } from '../../src/render/message.js';
import { generateLargeSystem, startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { fmt, quantile, SectionNames, type BenchRow } from './rows.js';

/** Sizes for section 4. */
export interface RenderingParams {
  members: number;
  switches: number;
  groups: number;
  /** Times the stats are computed and rendered (the median is reported). */
  statsRepeats: number;
}

/** The sizes. */
export const RenderingDefaults: RenderingParams = { members: 2000, switches: 10_000, groups: 40, statsRepeats: 15 };

const controls: RenderControls = { customId: (action, arg) => `members:${action}:s1:${arg ?? ''}` };
const YearMs = 365 * 24 * 3600_000;

/** What section 4 measured, in milliseconds. */
export interface RenderingResult {
  pages: number;
  /** Per page: render only (list already sorted) and sort-by-name + render, as a page button costs. */
  renderPage: { median: number; max: number };
  sortAndRenderPage: { median: number; max: number };
  /** A year of stats (every switch of the system): compute + render. */
  stats: { median: number; max: number; switches: number };
}

async function fetchLargeSystem(
  params: RenderingParams,
): Promise<{ system: System; members: Member[]; switches: Switch[]; groups: Group[] }> {
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' }, seed: 'empty' });
  const client = new PluralKitClient({ baseUrl: pk.url, ratePerSecond: 1000 });
  try {
    const { token } = generateLargeSystem(pk.state, { members: params.members, switches: params.switches });
    const record = pk.state.systemByToken(token)!;
    const uuids = pk.state.membersOf(record).map((m) => m.uuid);
    for (let g = 0; g < params.groups; g++) {
      pk.state.addGroup(record, {
        name: `Group ${g + 1}`,
        memberUuids: uuids.filter((_, i) => i % params.groups === g || i % 97 === g),
      });
    }
    const o = { token };
    const [system, members, groups] = await Promise.all([
      client.getSystem('@me', o),
      client.getMembers('@me', o),
      client.getGroups('@me', { withMembers: true }, o),
    ]);
    const switches: Switch[] = [];
    for await (const entry of client.iterateSwitches('@me', {}, o)) switches.push(entry);
    return { system, members, switches, groups };
  } finally {
    await client.close();
    await pk.close();
  }
}

function time(task: () => unknown): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}

function medianMax(samples: number[]): { median: number; max: number } {
  return { median: quantile(samples, 0.5), max: Math.max(...samples) };
}

/** Measures section 4. */
export async function measureRendering(params: RenderingParams = RenderingDefaults): Promise<RenderingResult> {
  const { system, members, switches, groups } = await fetchLargeSystem(params);
  const sorted = sortMembers(members, 'name');
  const pages = Math.ceil(sorted.length / 20);
  // One untimed pass so the first page does not pay for compiling the renderer.
  renderMemberList(sortMembers(members, 'name'), { page: 0, controls, system });
  const renderOnly: number[] = [];
  const sortAndRender: number[] = [];
  for (let page = 0; page < pages; page++) {
    renderOnly.push(time(() => renderMemberList(sorted, { page, controls, system })));
    sortAndRender.push(time(() => renderMemberList(sortMembers(members, 'name'), { page, controls, system })));
  }
  const names = new Map(members.map((m) => [m.id, m.display_name ?? m.name]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const statsGroups = groupMembersByShortId(groups, members);
  const statsRuns: number[] = [];
  const end = new Date();
  for (let i = 0; i < params.statsRepeats + 1; i++) {
    const ms = time(() => {
      const stats = withStatsMode(
        computeFrontStats(switches, { start: new Date(end.getTime() - YearMs), end }, statsGroups),
        DefaultStatsMode,
      );
      renderFrontStats(stats, { names, groupNames, system, page: 0, controls });
    });
    if (i > 0) statsRuns.push(ms);
  }
  return {
    pages,
    renderPage: medianMax(renderOnly),
    sortAndRenderPage: medianMax(sortAndRender),
    stats: { ...medianMax(statsRuns), switches: switches.length },
  };
}

/** Runs section 4 and returns its rows; a goal counts as met on the median (the max shows GC and JIT spikes). */
export async function benchRendering(params: RenderingParams = RenderingDefaults): Promise<BenchRow[]> {
  const r = await measureRendering(params);
  const size = `${params.members} members`;
  return [
    {
      section: SectionNames[4],
      metric: `member list page, ${size}: render (median / max of ${r.pages} pages)`,
      value: `${fmt(r.renderPage.median, 3)} / ${fmt(r.renderPage.max, 3)} ms`,
      goal: '≤ 5 ms',
      met: r.renderPage.median <= 5,
      raw: r.renderPage,
    },
    {
      section: SectionNames[4],
      metric: `member list page, ${size}: sort by name + render (median / max)`,
      value: `${fmt(r.sortAndRenderPage.median, 2)} / ${fmt(r.sortAndRenderPage.max, 2)} ms`,
      goal: '≤ 5 ms',
      met: r.sortAndRenderPage.median <= 5,
      raw: r.sortAndRenderPage,
    },
    {
      section: SectionNames[4],
      metric: `front stats, ${r.stats.switches} switches, ${params.groups} groups: compute + render (median / max of ${params.statsRepeats})`,
      value: `${fmt(r.stats.median, 1)} / ${fmt(r.stats.max, 1)} ms`,
      goal: '≤ 200 ms',
      met: r.stats.median <= 200,
      raw: r.stats,
    },
  ];
}
