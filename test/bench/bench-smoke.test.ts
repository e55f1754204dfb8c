/**
 * Smoke test of `npm run bench`: every section runs end to end with tiny counts and reports what it was
 * asked to measure. No timing is asserted (the bench reports times, it does not judge them here).
 */
import { describe, expect, it } from 'vitest';
import { benchEconomy, measureEconomy } from '../../scripts/bench/economy.js';
import { measureFootprint } from '../../scripts/bench/footprint.js';
import { latencyCases, type LatencyParams } from '../../scripts/bench/latency.js';
import { measureLimiter } from '../../scripts/bench/limiter.js';
import { benchRendering, measureRendering } from '../../scripts/bench/rendering.js';
import { benchExport, measureExport } from '../../scripts/bench/export.js';
import { formatTable } from '../../scripts/bench/rows.js';

describe('bench sections with tiny counts', () => {
  it('1: sends the whole workload through both clients in every limiter mode', async () => {
    const runs = await measureLimiter({ reads: 5, writes: 3, cases: ['a', 's', 'b', 'c'], pkapiCapFactor: 3 });
    expect(runs.map((r) => `${r.case} ${r.client}`)).toEqual([
      'a ours',
      'a pkapi.js',
      's ours',
      's pkapi.js',
      'b ours',
      'b pkapi.js',
      'c ours',
    ]);
    for (const run of runs) {
      expect(run.planned).toBe(8);
      expect(run.unfinished).toBe(0);
      // Every planned request reached the stand-in at least once (429s add retries on top).
      expect(run.upstream).toBeGreaterThanOrEqual(run.planned);
      expect(run.idealMs).toBeGreaterThan(0);
    }
    expect(runs.filter((r) => r.client === 'ours').every((r) => r.failed === 0)).toBe(true);
  });

  it('2: answers every interaction of each burst, none lost, including behind a deep PluralKit queue', async () => {
    const params: LatencyParams = {
      interactions: 8,
      warmSystems: 2,
      queueSeconds: 2,
      slowLatencyMs: 50,
      finalWaitMs: 10_000,
    };
    for (const run of [latencyCases.warm, latencyCases.cold, latencyCases.deepQueue]) {
      const result = await run(params);
      expect(result.dispatched).toBe(8);
      expect(result.lost).toBe(0);
      expect(result.firstResponses).toHaveLength(8);
      expect(result.withinWindow).toBe(8);
    }
  });

  it('3: simultaneous /fronters about one system share one request per PluralKit endpoint', async () => {
    const result = await measureEconomy({ commands: 12, users: 4, systems: 2, wave: 6, simultaneous: 15 });
    expect(result.mix.answered).toBe(12);
    for (const burst of [result.simultaneous.own, result.simultaneous.lookup]) {
      expect(burst.answered).toBe(15);
      expect(burst.byRoute).toEqual({
        'GET /systems/{system_id}/fronters': 1,
        'GET /systems/{system_id}': 1,
        'GET /systems/{system_id}/settings': 1,
      });
    }
    const rows = await benchEconomy({ commands: 4, users: 2, systems: 1, wave: 4, simultaneous: 3 });
    expect(rows).toHaveLength(3);
  });

  it('4: renders every member page and the stats of every switch', async () => {
    const result = await measureRendering({ members: 45, switches: 150, groups: 3, statsRepeats: 2 });
    expect(result.pages).toBe(3);
    expect(result.stats.switches).toBe(150);
    const table = formatTable(await benchRendering({ members: 21, switches: 10, groups: 1, statsRepeats: 1 }));
    expect(table.split('\n')).toHaveLength(2 + 3);
  });

  it('10: writes every export format of a whole loaded history', async () => {
    const result = await measureExport({ members: 12, switches: 250, repeats: 1 });
    expect(result.switches).toBe(250);
    expect(result.stretches).toBeGreaterThan(0);
    for (const format of ['csv', 'json', 'ics'] as const) expect(result.formats[format].bytes).toBeGreaterThan(0);
    const table = formatTable(await benchExport({ members: 5, switches: 20, repeats: 1 }));
    expect(table.split('\n')).toHaveLength(2 + 3);
  });

  it('5: links the users into SQLite and reads their sealed tokens back', async () => {
    const result = await measureFootprint({ linkedUsers: 30, readSeconds: 0.2, readParallel: 2 });
    expect(result.linkedUsers).toBe(30);
    expect(result.readsPerSecond).toBeGreaterThan(0);
    expect(result.rssLinkedMiB).toBeGreaterThan(0);
  });
});
