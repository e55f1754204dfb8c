/**
 * Section 7: the PluralKit cache shared across real processes through a private Redis. How long after a
 * write in one process another process's next read is fresh (it had the old answer cached), and how many
 * requests reach PluralKit when 3 processes × 10 callers ask for the same public read at once.
 */
import { startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis } from '../../test/support/private-redis.js';
import { startCacheChild, type CacheChild } from '../../test/support/shared-cache-children.js';
import { fmt, SectionNames, summary, type BenchRow } from './rows.js';

/** Sizes for section 7. */
export interface SharedCacheParams {
  /** Write-then-read trials. */
  trials: number;
  /** Processes × callers for the identical-read burst. */
  processes: number;
  callers: number;
}

/** The full run's sizes. */
export const SharedCacheDefaults: SharedCacheParams = { trials: 50, processes: 3, callers: 10 };

/** What section 7 measured. */
export interface SharedCacheResult {
  /** Per trial: ms from the write's answer in A to B's first fresh read. */
  delaysMs: number[];
  /** Reads in B that still showed the old front after A's write had answered. */
  staleReads: number;
  /** Requests PluralKit received for the burst's one route. */
  burstUpstream: number;
  burstCalls: number;
}

type Front = { ids: (string | null)[] };

/** Reads in `child` until the front is `id`; resolves with the ms that took and the stale reads before. */
async function freshAfter(child: CacheChild, system: string, id: string, t0: number): Promise<[number, number]> {
  for (let stale = 0; stale < 2_000; stale += 1) {
    if ((await child.call<Front>('/fronters', { system })).ids[0] === id) return [performance.now() - t0, stale];
  }
  throw new Error('the other process never saw the write');
}

/** Runs the measurement. */
export async function measureSharedCache(params: SharedCacheParams = SharedCacheDefaults): Promise<SharedCacheResult> {
  const redis = await startPrivateRedis();
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  const children: CacheChild[] = [];
  try {
    const env = { PK_URL: pk.url, REDIS_URL: redis.url };
    children.push(...(await Promise.all(Array.from({ length: params.processes }, () => startCacheChild(env)))));
    const [a, b] = children as [CacheChild, CacheChild];
    const other = pk.sample.other;
    await a.call('/own', { token: other.token });
    const delaysMs: number[] = [];
    let staleReads = 0;
    for (let trial = 0; trial < params.trials; trial += 1) {
      await b.call<Front>('/fronters', { system: other.systemId });
      const members = [other.memberIds[trial % 2]];
      const written = await a.call<{ id: string }>('/switch', { token: other.token, members });
      const [ms, stale] = await freshAfter(b, other.systemId, written.id, performance.now());
      delaysMs.push(ms);
      staleReads += stale;
    }
    const system = pk.sample.noSwitches.systemId;
    pk.stats.reset();
    pk.setLatency(500);
    await Promise.all(children.map((child) => child.call('/fronters', { system, n: params.callers })));
    const burstUpstream = pk.requests.filter((r) => r.path === `/v2/systems/${system}/fronters`).length;
    return { delaysMs, staleReads, burstUpstream, burstCalls: params.processes * params.callers };
  } finally {
    await Promise.all(children.map((child) => child.kill()));
    await pk.close();
    await redis.stop();
  }
}

/** Runs section 7 and returns its rows. */
export async function benchSharedCache(params: SharedCacheParams = SharedCacheDefaults): Promise<BenchRow[]> {
  const result = await measureSharedCache(params);
  const delay = summary(result.delaysMs);
  const section = SectionNames[7];
  return [
    {
      section,
      metric: `write in A → B's next read fresh (${result.delaysMs.length} trials, B had it cached), p50 / max`,
      value: `${fmt(delay.p50)} / ${fmt(delay.max)} ms`,
      goal: '≤ 200 ms',
      met: delay.max <= 200,
      raw: { p50Ms: delay.p50, maxMs: delay.max },
    },
    {
      section,
      metric: "B's reads still stale after A's write had answered (delay above includes B's read itself)",
      value: String(result.staleReads),
      goal: '',
      met: null,
      raw: { staleReads: result.staleReads, delaysMs: result.delaysMs.map((ms) => Math.round(ms)).join(' ') },
    },
    {
      section,
      metric: `${params.processes} processes × ${params.callers} identical public reads at once: requests to PluralKit`,
      value: `${result.burstUpstream} of ${result.burstCalls} calls`,
      goal: '1',
      met: result.burstUpstream === 1,
      raw: { upstream: result.burstUpstream, calls: result.burstCalls },
    },
  ];
}
