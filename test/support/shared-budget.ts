/**
 * Several processes on one PluralKit budget, for the multi-process test and bench section 6: distinct
 * shared-bucket reads to hand out, child processes that make them, and the check that what the stand-in
 * received never overran the bucket it counts.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateLargeSystem, type PluralKitStandIn, type RecordedPkRequest } from '../../stand-ins/pluralkit/index.js';
import { startTypeScriptEntry, type Child } from '../e2e/child-process.js';
import type { PrivateRedis } from './private-redis.js';

/** `count` public members of a freshly generated system: each a distinct read in PluralKit's shared bucket. */
export function publicMemberIds(pk: PluralKitStandIn, count: number): string[] {
  const { token } = generateLargeSystem(pk.state, { members: Math.ceil(count * 1.1) + 2, switches: 1 });
  const system = pk.state.systemByToken(token)!;
  const members = pk.state.membersOf(system).filter((member) => member.privacy.visibility !== 'private');
  if (members.length < count) throw new Error(`only ${members.length} public members`);
  return members.slice(0, count).map((member) => member.id);
}

/** The child beside this module: its TypeScript source under tsx, or its build under `npm run bench`. */
const childEntry = fileURLToPath(
  new URL(`./shared-budget-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
);

/** What one child process reported. */
export interface ChildResult {
  readonly ok: number;
  readonly failed: number;
  readonly ms: number;
  readonly retries429: number;
}

/** A run of `processes` children, each reading its part of `ids` at the same moment. */
export interface SharedRun {
  readonly children: Child[];
  /** Resolves once every child is connected and has been told to start. */
  readonly started: Promise<void>;
  /** Resolves with every child's result; rejects if one exits without one or the run exceeds `boundMs`. */
  readonly results: Promise<ChildResult[]>;
}

/** Starts `processes` children reading `ids` (split evenly) through one Redis rate model, all at once. */
export function startSharedRun(options: {
  pkUrl: string;
  redis: PrivateRedis;
  processes: number;
  ids: readonly string[];
  boundMs: number;
}): SharedRun {
  const prefix = `run-${randomUUID().slice(0, 8)}:`;
  const children = Array.from({ length: options.processes }, (_unused, index) =>
    startTypeScriptEntry(childEntry, {
      PK_URL: options.pkUrl,
      RATE_REDIS_URL: options.redis.url,
      RATE_PREFIX: prefix,
      PROCESSES: String(options.processes),
      AGENT: `shared-budget-child-${index}`,
      MEMBER_IDS: options.ids.filter((_id, i) => i % options.processes === index).join(','),
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      for (const child of children) child.process.kill('SIGKILL');
      reject(new Error(`the shared run took longer than ${options.boundMs} ms`));
    }, options.boundMs);
  });
  const all = Promise.all(
    children.map(async (child) => JSON.parse((await child.waitForLine(/^RESULT /)).slice(7)) as ChildResult),
  );
  const started = Promise.all(children.map((child) => child.waitForLine(/^READY$/))).then(async () => {
    // A deployment's Redis that has been counting for a while (its epoch long past): buckets start whole.
    await options.redis.command(`SET ${prefix}epoch 0 NX`);
    await options.redis.command(`SET ${prefix}start 1`);
  });
  return {
    children,
    started,
    results: Promise.race([started.then(() => all), bound]).finally(() => clearTimeout(timer)),
  };
}

/**
 * The largest overrun of PluralKit's GCRA (rate `rate`, burst `rate`) in `requests`: for every run of
 * requests i..j the server allows at most `rate + (t_j − t_i) · rate / 1000` of them. 0 means every
 * window the server counts stayed inside its bucket.
 */
export function bucketOverrun(requests: readonly RecordedPkRequest[], rate: number): number {
  const times = requests.map((request) => request.countedAt).sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0; i < times.length; i += 1) {
    for (let j = i; j < times.length; j += 1) {
      const allowed = rate + ((times[j]! - times[i]!) * rate) / 1000;
      worst = Math.max(worst, j - i + 1 - allowed);
    }
  }
  return Math.max(0, Math.ceil(worst));
}

/** How many of `requests` the stand-in counted in each whole second from the first, for reports. */
export function perSecond(requests: readonly RecordedPkRequest[]): number[] {
  const times = requests.map((request) => request.countedAt);
  const first = Math.min(...times);
  const counts: number[] = [];
  for (const time of times) {
    const second = Math.floor((time - first) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return Array.from(counts, (count) => count ?? 0);
}

/** Seconds PluralKit needs at the least for `count` reads on one fresh bucket of `rate`: R − 1 at once, then R a second. */
export function idealSeconds(count: number, rate: number): number {
  return Math.max(0, count - (rate - 1)) / rate;
}
