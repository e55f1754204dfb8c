/**
 * Section 6, shared budget: N = 1, 2, 3 real processes (children run by tsx) reading from one PluralKit
 * stand-in (production's GCRA, 10 GETs a second) through one Redis rate model: time against the ideal,
 * 429s and reads lost; the same with Redis killed and restarted empty halfway; and the rate each process
 * keeps to while Redis is down for the whole run (its share, 10 / N a second).
 */
import { startPluralKitStandIn, type RecordedPkRequest } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../../test/support/private-redis.js';
import { idealSeconds, publicMemberIds, startSharedRun } from '../../test/support/shared-budget.js';
import { fmt, SectionNames, type BenchRow } from './rows.js';

/** Sizes for section 6. */
export interface SharedBudgetParams {
  readsPerProcess: number;
  processes: number[];
}

/** The sizes. */
export const SharedBudgetDefaults: SharedBudgetParams = { readsPerProcess: 40, processes: [1, 2, 3] };

type Fault = 'none' | 'restart' | 'down';

/** What one run measured. */
export interface SharedRunResult {
  processes: number;
  fault: Fault;
  reads: number;
  ms: number;
  idealMs: number;
  rateLimited: number;
  lost: number;
  /** Reads a second each process sent, as the stand-in counted them. */
  perProcessRates: number[];
  /** Times a process lost Redis and kept to its local share (one warning each). */
  fallbacks: number;
}

const rateOf = (requests: readonly RecordedPkRequest[]): number => {
  const times = requests.map((request) => request.countedAt).sort((a, b) => a - b);
  return times.length < 2 ? Number.NaN : ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
};

async function runOnce(redis: PrivateRedis, processes: number, fault: Fault, readsEach: number) {
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } });
  try {
    const ids = publicMemberIds(pk, readsEach * processes);
    const run = startSharedRun({ pkUrl: pk.url, redis, processes, ids, boundMs: 180_000 });
    await run.started;
    let downAt = 0;
    if (fault === 'down') {
      // Every child must have seen the start signal (they look every 5 ms) before Redis goes.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await redis.kill();
      downAt = performance.timeOrigin + performance.now();
    }
    if (fault === 'restart') {
      while (pk.requests.length < ids.length / 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await redis.restart();
    }
    const results = await run.results;
    if (fault === 'down') await redis.restart();
    const reads = pk.requests.filter(
      (request) => request.path.startsWith('/v2/members/') && request.countedAt > downAt,
    );
    const agents = [...new Set(reads.map((request) => request.userAgentValue))];
    return {
      processes,
      fault,
      reads: ids.length,
      ms: Math.max(...results.map((result) => result.ms)),
      idealMs: idealSeconds(ids.length, 10) * 1000,
      rateLimited: pk.stats.rateLimited,
      lost: ids.length - results.reduce((sum, result) => sum + result.ok, 0),
      perProcessRates: agents.map((agent) => rateOf(reads.filter((request) => request.userAgentValue === agent))),
      fallbacks: run.children.flatMap((child) => child.lines).filter((line) => line.includes('rate limits unreachable'))
        .length,
    } satisfies SharedRunResult;
  } finally {
    await pk.close();
  }
}

/** Runs every case of section 6. */
export async function measureSharedBudget(params: SharedBudgetParams): Promise<SharedRunResult[]> {
  const redis = await startPrivateRedis();
  try {
    const runs: SharedRunResult[] = [];
    for (const fault of ['none', 'restart'] as const) {
      for (const n of params.processes) runs.push(await runOnce(redis, n, fault, params.readsPerProcess));
    }
    runs.push(await runOnce(redis, Math.max(...params.processes), 'down', params.readsPerProcess));
    return runs;
  } finally {
    await redis.stop();
  }
}

/** Runs section 6 and returns its rows. */
export async function benchSharedBudget(params: SharedBudgetParams = SharedBudgetDefaults): Promise<BenchRow[]> {
  const runs = await measureSharedBudget(params);
  return runs.map((r) => {
    const raw = { ...r, perProcessRates: r.perProcessRates.map((rate) => fmt(rate)).join(' ') };
    if (r.fault === 'down') {
      const share = 10 / r.processes;
      const worst = Math.max(...r.perProcessRates);
      return {
        section: SectionNames[6],
        metric: `Redis down, ${r.processes} processes: reads/s each (local share 10/${r.processes})`,
        value: `${r.perProcessRates.map((rate) => fmt(rate)).join(', ')}; 429s ${r.rateLimited}, lost ${r.lost}`,
        goal: `≤ ${fmt(share)} /s each, 0 429s, 0 lost`,
        met: worst <= share * 1.02 && r.rateLimited === 0 && r.lost === 0,
        raw,
      };
    }
    const ratio = r.ms / r.idealMs;
    return {
      section: SectionNames[6],
      metric: `${r.processes} process${r.processes > 1 ? 'es' : ''}, ${r.reads} shared reads${r.fault === 'restart' ? ', Redis restarted empty halfway' : ''}`,
      value: `${fmt(r.ms / 1000)} s = ${fmt(ratio)} × ideal; 429s ${r.rateLimited}, lost ${r.lost}; fallbacks ${r.fallbacks}`,
      goal: r.fault === 'none' ? '≤ 1.1 × ideal, 0 429s, 0 lost' : '0 429s, 0 lost',
      met: (r.fault !== 'none' || ratio <= 1.1) && r.rateLimited === 0 && r.lost === 0,
      raw,
    };
  });
}
