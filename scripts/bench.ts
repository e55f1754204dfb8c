import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { benchEconomy, EconomyDefaults } from './bench/economy.js';
import { benchExport, ExportBenchDefaults } from './bench/export.js';
import { benchFootprint, FootprintDefaults } from './bench/footprint.js';
import { benchHttpMode, HttpModeDefaults } from './bench/http-mode.js';
import { benchHttpReplicas, HttpReplicasDefaults } from './bench/http-replicas.js';
import { benchLatency, LatencyDefaults } from './bench/latency.js';
import { benchLiveEvents, LiveEventsDefaults } from './bench/live-events.js';
import { benchLimiter, LimiterDefaults } from './bench/limiter.js';
import { benchMemoryGuilds, MemoryGuildsDefaults } from './bench/memory-guilds.js';
import { benchPictures, PicturesDefaults } from './bench/pictures.js';
import { benchRendering, RenderingDefaults } from './bench/rendering.js';
import { describeMachine, machineInfo } from './bench/machine.js';
import { formatTable, SectionNames, type BenchRow } from './bench/rows.js';
import { benchSharedCache, SharedCacheDefaults } from './bench/shared-cache.js';
import { benchSharedBudget, SharedBudgetDefaults } from './bench/shared-budget.js';

/**
 * `npm run bench [-- --json FILE] [--only 1,3] [--quick]`: runs the benchmark sections against the
 * built-in stand-ins and prints one table. `--quick` scales every count down for a smoke run; its
 * numbers are not comparable with a full run.
 */
const Sections: Record<number, (quick: boolean) => Promise<BenchRow[]>> = {
  1: (quick) => benchLimiter(quick ? { ...LimiterDefaults, reads: 20, writes: 6 } : LimiterDefaults),
  4: (quick) =>
    benchRendering(
      quick ? { ...RenderingDefaults, members: 200, switches: 1000, groups: 5, statsRepeats: 3 } : RenderingDefaults,
    ),
  5: (quick) => benchFootprint(quick ? { ...FootprintDefaults, linkedUsers: 500, readSeconds: 1 } : FootprintDefaults),
  3: (quick) =>
    benchEconomy(
      quick ? { ...EconomyDefaults, commands: 100, users: 10, systems: 3, simultaneous: 20 } : EconomyDefaults,
    ),
  2: (quick) =>
    benchLatency(
      quick
        ? { ...LatencyDefaults, interactions: 50, warmSystems: 5, queueSeconds: 5, finalWaitMs: 15_000 }
        : LatencyDefaults,
    ),
  7: (quick) => benchSharedCache(quick ? { ...SharedCacheDefaults, trials: 5 } : SharedCacheDefaults),
  8: (quick) => benchMemoryGuilds(quick ? { guilds: 1_000 } : MemoryGuildsDefaults),
  9: async (quick) => [
    ...(await benchHttpMode(quick ? { interactions: 50, systems: 5 } : HttpModeDefaults)),
    ...(await benchHttpReplicas(quick ? { interactions: 50, systems: 5, replicas: [1, 3] } : HttpReplicasDefaults)),
  ],
  6: (quick) => benchSharedBudget(quick ? { readsPerProcess: 12, processes: [1, 3] } : SharedBudgetDefaults),
  10: (quick) => benchPictures(quick ? { ...PicturesDefaults, repeats: 3 } : PicturesDefaults),
  11: (quick) =>
    benchExport(quick ? { ...ExportBenchDefaults, members: 30, switches: 500, repeats: 3 } : ExportBenchDefaults),
  12: (quick) =>
    benchLiveEvents(quick ? { events: 200, parallel: 10, systems: 3, switchesPerBurst: 3 } : LiveEventsDefaults),
};

function parseOnly(text: string | undefined): number[] {
  const all = Object.keys(Sections).map(Number);
  if (text === undefined) return all;
  const picked = text.split(',').map((part) => Number(part.trim()));
  const unknown = picked.filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`--only: no section ${unknown.join(', ')} (sections: ${all.join(', ')})`);
  return picked;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'string' }, only: { type: 'string' }, quick: { type: 'boolean', default: false } },
  });
  const sections = parseOnly(values.only);
  const quick = values.quick ?? false;
  const started = new Date();
  const rows: BenchRow[] = [];
  for (const n of sections) {
    const t0 = performance.now();
    process.stderr.write(`section ${n}…\n`);
    try {
      rows.push(...(await Sections[n]!(quick)));
    } catch (error) {
      // One broken section must not cost the others' figures: report it in the table and go on.
      process.exitCode = 1;
      const message = error instanceof Error ? error.message : String(error);
      rows.push({
        section: SectionNames[n as keyof typeof SectionNames],
        metric: 'section failed',
        value: message,
        goal: '',
        met: null,
      });
    }
    process.stderr.write(`section ${n} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const machine = machineInfo();
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  console.log(formatTable(rows));
  console.log(
    `\n${started.toISOString().slice(0, 10)} · ${describeMachine(machine)} · ${command}${quick ? ' (quick: reduced counts)' : ''}`,
  );
  if (values.json !== undefined) {
    await writeFile(
      values.json,
      `${JSON.stringify({ date: started.toISOString(), machine, command, quick, rows }, null, 2)}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
