/**
 * Section 1, limiter efficiency: the same distinct reads and writes through our client and through
 * pkapi.js, each against its own PluralKit stand-in (run side by side, so the slow fixed-rate case costs its
 * two minutes once), (a) at a fixed 2 requests/s without headers, (a′) at 2 requests in every 1,000 ms
 * window without headers, (b) at GCRA 10/s reads + 3/s writes, and (c) ours alone configured at 100/s
 * against a sliding 100/s server without headers: the rate configured is the rate delivered.
 */
import { startPluralKitStandIn, type RateLimitOptions } from '../../stand-ins/pluralkit/index.js';
import { ourClient, ourDriver, pkapiDriver, PkapiLimiterSettings } from './limiter-drivers.js';
import {
  idealFixedMs,
  idealGcraMs,
  idealSlidingMs,
  planWorkload,
  type Workload,
  type WorkloadDriver,
} from './limiter-workload.js';
import { fmt, SectionNames, type BenchRow } from './rows.js';

/** Counts for section 1. */
export interface LimiterParams {
  reads: number;
  writes: number;
  /** `a`: fixed 2/s; `s`: sliding 2/s; `b`: GCRA 10/3 with headers; `c`: sliding 100/s, ours configured at 100/s. */
  cases: readonly LimiterCase[];
  /** Stop pkapi.js after this many times the ideal (plus 5 s); what is left is reported as unfinished. */
  pkapiCapFactor: number;
}

/** The counts. */
export const LimiterDefaults: LimiterParams = {
  reads: 200,
  writes: 30,
  cases: ['a', 's', 'b', 'c'],
  pkapiCapFactor: 1.4,
};

interface CaseSpec {
  label: string;
  rate: RateLimitOptions;
  goalRatio: number;
  goal429: number;
  /** Our client's configured starting rate (PLURALKIT_RATE_PER_SECOND); the default 2 when absent. */
  ourRate?: number;
  /** Only our client runs (pkapi.js has no rate setting to compare). */
  oursOnly?: boolean;
}

const Cases = {
  a: { label: '(a) fixed 2/s', rate: { mode: 'fixed', perSecond: 2 }, goalRatio: 1.05, goal429: 0 },
  s: { label: '(a′) sliding 2/s', rate: { mode: 'sliding', perSecond: 2 }, goalRatio: 1.05, goal429: 0 },
  b: {
    label: '(b) GCRA 10/3',
    rate: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 },
    goalRatio: 1.1,
    goal429: 1,
  },
  c: {
    label: '(c) sliding 100/s, configured 100/s',
    rate: { mode: 'sliding', perSecond: 100 },
    goalRatio: 1.05,
    goal429: 0,
    ourRate: 100,
    oursOnly: true,
  },
} as const satisfies Record<string, CaseSpec>;

/** A case of section 1. */
export type LimiterCase = keyof typeof Cases;

function idealMsFor(which: LimiterCase, planned: number, params: LimiterParams, t0: number): number {
  switch (which) {
    case 'a':
      return idealFixedMs(planned, 2, t0);
    case 's':
      return idealSlidingMs(planned, 2);
    case 'c':
      // The question is whether the configured rate is delivered, so the ideal is that rate's pace.
      return ((planned - 1) * 1000) / 100;
    case 'b':
      return idealGcraMs([
        { requests: params.reads, perSecond: 10 },
        { requests: params.writes, perSecond: 3 },
      ]);
  }
}

/** What one client did in one case. */
export interface LimiterRun {
  client: 'ours' | 'pkapi.js';
  case: LimiterCase;
  elapsedMs: number;
  idealMs: number;
  /** Requests the stand-in answered (429s included) and 429s it sent. */
  upstream: number;
  rateLimited: number;
  failed: number;
  unfinished: number;
  planned: number;
}

type Runner = (
  driver: WorkloadDriver,
  workload: Workload,
  deadline: number,
) => Promise<{ failed: number; unfinished: number }>;

/** Ours has a queue: learn the own ids first, then hand it everything at once, as the bot's users would. */
const concurrently: Runner = async (driver, workload) => {
  let failed = 0;
  for (const op of workload.prefix) await op(driver).catch(() => failed++);
  const results = await Promise.allSettled(workload.rest.map((op) => op(driver)));
  return { failed: failed + results.filter((r) => r.status === 'rejected').length, unfinished: 0 };
};

/** pkapi.js has no queue (concurrent calls all pass its limiter at once), so it gets its best case: one call at a time. */
const sequentially: Runner = async (driver, workload, deadline) => {
  const ops = [...workload.prefix, ...workload.rest];
  let failed = 0;
  for (const [i, op] of ops.entries()) {
    if (Date.now() > deadline) return { failed, unfinished: ops.length - i };
    await op(driver).catch(() => failed++);
  }
  return { failed, unfinished: 0 };
};

async function runOne(client: LimiterRun['client'], which: LimiterCase, params: LimiterParams): Promise<LimiterRun> {
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  const spec: CaseSpec = Cases[which];
  const ours =
    client === 'ours'
      ? ourClient(pk.url, spec.ourRate === undefined ? {} : { ratePerSecond: spec.ourRate })
      : undefined;
  try {
    const workload = planWorkload(pk, params.reads, params.writes);
    const planned = workload.prefix.length + workload.rest.length;
    pk.setRateLimit(Cases[which].rate);
    pk.stats.reset();
    const driver =
      ours === undefined
        ? pkapiDriver(pk.url, workload.token, which === 'b' ? PkapiLimiterSettings.gcra : PkapiLimiterSettings.fixed)
        : ourDriver(ours, workload.token);
    const t0 = Date.now();
    const idealMs = idealMsFor(which, planned, params, t0);
    const deadline = t0 + idealMs * params.pkapiCapFactor + 5000;
    const start = performance.now();
    const { failed, unfinished } = await (ours === undefined ? sequentially : concurrently)(driver, workload, deadline);
    const elapsedMs = performance.now() - start;
    return {
      client,
      case: which,
      elapsedMs,
      idealMs,
      upstream: pk.stats.requests,
      rateLimited: pk.stats.rateLimited,
      failed,
      unfinished,
      planned,
    };
  } finally {
    await ours?.close();
    await pk.close();
  }
}

function rowsFor(run: LimiterRun): BenchRow[] {
  const spec: CaseSpec = Cases[run.case];
  const delivered =
    spec.ourRate === undefined ? '' : ` (${fmt(run.upstream / (run.elapsedMs / 1000), 1)} req/s delivered)`;
  const ratio = run.elapsedMs / run.idealMs;
  const ours = run.client === 'ours';
  const incomplete = run.failed + run.unfinished > 0 ? ` (${run.failed} failed, ${run.unfinished} not reached)` : '';
  const raw = { ...run, ratio };
  return [
    {
      section: SectionNames[1],
      metric: `${spec.label} ${run.client}: time / ideal`,
      value: `${fmt(run.elapsedMs / 1000, 1)} s / ${fmt(run.idealMs / 1000, 1)} s = ${fmt(ratio, 3)}${delivered}${incomplete}`,
      goal: ours ? `≤ ${spec.goalRatio}` : '',
      met: ours ? ratio <= spec.goalRatio && run.failed === 0 : null,
      raw,
    },
    {
      section: SectionNames[1],
      metric: `${spec.label} ${run.client}: 429s / requests sent`,
      value: `${run.rateLimited} / ${run.upstream} (planned ${run.planned})`,
      goal: ours ? (spec.goal429 === 0 ? '0' : `≤ ${spec.goal429}`) : '',
      met: ours ? run.rateLimited <= spec.goal429 : null,
    },
  ];
}

/** Measures section 1: per case, our client and pkapi.js side by side. */
export async function measureLimiter(params: LimiterParams = LimiterDefaults): Promise<LimiterRun[]> {
  const runs: LimiterRun[] = [];
  for (const which of params.cases) {
    const clients: LimiterRun['client'][] =
      (Cases[which] as CaseSpec).oursOnly === true ? ['ours'] : ['ours', 'pkapi.js'];
    runs.push(...(await Promise.all(clients.map((client) => runOne(client, which, params)))));
  }
  return runs;
}

/** Runs section 1 and returns its rows. */
export async function benchLimiter(params: LimiterParams = LimiterDefaults): Promise<BenchRow[]> {
  return (await measureLimiter(params)).flatMap(rowsFor);
}
