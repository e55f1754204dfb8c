/**
 * Section 11, export: a large system's whole front history, loaded page by page through our client from
 * the PluralKit stand-in (as `/export` loads it), then turned into each file format. Only the second
 * part is timed: the goal is "after the pages are loaded".
 */
import { exportFile } from '../../src/export/file.js';
import { ExportFormats, type ExportFormat, type FrontExport } from '../../src/export/index.js';
import { frontStretches } from '../../src/front/stretches.js';
import { emptyHistory, loadBackTo, PluralKitSwitchPage } from '../../src/features/switch-history.js';
import { PluralKitClient, type Member, type Switch, type System } from '../../src/pluralkit/index.js';
import { memberName } from '../../src/render/names.js';
import { generateLargeSystem, startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { fmt, quantile, SectionNames, type BenchRow } from './rows.js';

/** Sizes for section 11. */
export interface ExportBenchParams {
  members: number;
  switches: number;
  /** Times each format is written (the median is reported). */
  repeats: number;
}

/** The sizes. */
export const ExportBenchDefaults: ExportBenchParams = { members: 300, switches: 10_000, repeats: 15 };

/** What section 11 measured, per format, in milliseconds, and the file sizes. */
export interface ExportBenchResult {
  switches: number;
  stretches: number;
  formats: Record<ExportFormat, { median: number; max: number; bytes: number }>;
}

async function loadLargeSystem(
  params: ExportBenchParams,
): Promise<{ system: System; members: Member[]; switches: Switch[] }> {
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' }, seed: 'empty' });
  const client = new PluralKitClient({ baseUrl: pk.url, ratePerSecond: 1000 });
  try {
    const { token } = generateLargeSystem(pk.state, { members: params.members, switches: params.switches });
    const o = { token };
    const [system, members] = await Promise.all([client.getSystem('@me', o), client.getMembers('@me', o)]);
    const history = emptyHistory();
    await loadBackTo(history, undefined, (before) =>
      client.getSwitches('@me', { ...(before && { before }), limit: PluralKitSwitchPage }, o),
    );
    return { system, members, switches: history.switches };
  } finally {
    await client.close();
    await pk.close();
  }
}

/** Measures section 11: stretches + file, per format, over the whole history. */
export async function measureExport(params: ExportBenchParams = ExportBenchDefaults): Promise<ExportBenchResult> {
  const { system, members, switches } = await loadLargeSystem(params);
  const now = new Date();
  const range = { start: 'beginning' as const, end: now };
  const build = (): FrontExport => ({
    system: { id: system.id, uuid: system.uuid, name: system.name },
    range: { start: new Date(switches.at(-1)!.timestamp), end: now },
    exportedAt: now,
    members: new Map(members.map((m) => [m.id, { id: m.id, uuid: m.uuid, name: memberName(m) }])),
    stretches: frontStretches(switches, range, now),
  });
  const formats = {} as ExportBenchResult['formats'];
  for (const format of ExportFormats) {
    const samples: number[] = [];
    let bytes = 0;
    // The first pass is untimed, so no format pays for compiling the code.
    for (let i = 0; i < params.repeats + 1; i++) {
      const start = performance.now();
      bytes = exportFile(format, build()).data.length;
      if (i > 0) samples.push(performance.now() - start);
    }
    formats[format] = { median: quantile(samples, 0.5), max: Math.max(...samples), bytes };
  }
  return { switches: switches.length, stretches: build().stretches.length, formats };
}

/** Runs section 11 and returns one row per format; the goal counts as met on the median. */
export async function benchExport(params: ExportBenchParams = ExportBenchDefaults): Promise<BenchRow[]> {
  const r = await measureExport(params);
  return ExportFormats.map((format) => {
    const f = r.formats[format];
    return {
      section: SectionNames[11],
      metric: `export of ${r.switches} switches (${r.stretches} stretches) to ${format}: stretches + file (median / max of ${params.repeats}), ${fmt(f.bytes / 1024 / 1024, 2)} MiB`,
      value: `${fmt(f.median, 1)} / ${fmt(f.max, 1)} ms`,
      goal: '≤ 100 ms',
      met: f.median <= 100,
      raw: { ...f, switches: r.switches, stretches: r.stretches },
    };
  });
}
