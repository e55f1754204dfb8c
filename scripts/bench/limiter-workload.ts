/**
 * Section 1's workload: the same mixed reads and writes, against one generated system, for any client
 * that implements {@link WorkloadDriver}. Every request is distinct, so no cache or in-flight sharing can
 * shrink it: both clients send exactly `reads + writes` requests when nothing is refused.
 */
import { generateLargeSystem, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';

/** One kind of PluralKit call, as each client spells it. Every call is about the token's own system. */
export interface WorkloadDriver {
  system(): Promise<unknown>;
  members(): Promise<unknown>;
  fronters(): Promise<unknown>;
  member(id: string): Promise<unknown>;
  switchById(id: string): Promise<unknown>;
  switchPage(before: Date): Promise<unknown>;
  createSwitch(memberIds: string[]): Promise<unknown>;
  moveSwitch(id: string, to: Date): Promise<unknown>;
  deleteSwitch(id: string): Promise<unknown>;
}

/** A planned call. */
export type WorkloadOp = (driver: WorkloadDriver) => Promise<unknown>;

/** The calls to make: `prefix` in order first (they teach a client which ids are the token's own), then `rest`. */
export interface Workload {
  token: string;
  prefix: WorkloadOp[];
  rest: WorkloadOp[];
  reads: number;
  writes: number;
}

const MINUTE = 60_000;

/**
 * Seeds a system big enough that every call targets a different member, switch or page, and plans
 * `reads` GETs (system, members, fronters, then member / switch / page lookups in a 2:1:1 mix) and
 * `writes` switch writes (creates, moves and deletes in equal parts, interleaved with the reads).
 */
export function planWorkload(pk: PluralKitStandIn, reads: number, writes: number): Workload {
  const { token } = generateLargeSystem(pk.state, {
    members: Math.max(20, reads),
    switches: Math.max(40, reads + writes) + 10,
  });
  const system = pk.state.systemByToken(token)!;
  const memberIds = pk.state.membersOf(system).map((member) => member.id);
  // Oldest first; leave the newest few alone so creates and moves never collide with them.
  const switches = pk.state.timeline(system).all().slice(0, -5);
  const first: WorkloadOp[] = [(d) => d.system(), (d) => d.members(), (d) => d.fronters()];
  const prefix = first.slice(0, Math.min(3, reads));
  const readOps: WorkloadOp[] = [];
  for (let i = 0; readOps.length < reads - prefix.length; i++) {
    const kind = i % 4;
    if (kind <= 1) {
      const id = memberIds[readOps.length % memberIds.length]!;
      readOps.push((d) => d.member(id));
    } else if (kind === 2) {
      const id = switches[switches.length - 1 - (i % switches.length)]!.id;
      readOps.push((d) => d.switchById(id));
    } else {
      const before = new Date(switches[(i * 7) % switches.length]!.timestamp + 1000);
      readOps.push((d) => d.switchPage(before));
    }
  }
  const writeOps: WorkloadOp[] = [];
  for (let i = 0; i < writes; i++) {
    const kind = i % 3;
    if (kind === 0) {
      // Never the same members twice in a row: PluralKit refuses a switch identical to the current one.
      const members = [memberIds[i % memberIds.length]!, memberIds[(i + 1) % memberIds.length]!];
      writeOps.push((d) => d.createSwitch(members));
    } else if (kind === 1) {
      const sw = switches[i]!;
      const to = new Date(sw.timestamp + 5 * MINUTE);
      writeOps.push((d) => d.moveSwitch(sw.id, to));
    } else {
      // Deleted switches come from the other end of the history than the ones read by id.
      const id = switches[i]!.id;
      writeOps.push((d) => d.deleteSwitch(id));
    }
  }
  return { token, prefix, rest: interleave(readOps, writeOps), reads, writes };
}

function interleave<T>(many: T[], few: T[]): T[] {
  if (few.length === 0) return many;
  const every = Math.max(1, Math.floor(many.length / few.length));
  const out: T[] = [];
  let f = 0;
  many.forEach((item, i) => {
    out.push(item);
    if ((i + 1) % every === 0 && f < few.length) out.push(few[f++]!);
  });
  return out.concat(few.slice(f));
}

/**
 * Ideal time for `requests` at a fixed `perSecond` budget per wall-clock second (the stand-in's
 * `FixedWindowLimiter`): `perSecond` fit in the window the first one lands in, so the last one can go at
 * the start of window `ceil(N / P) - 1`: ideal = (ceil(N / P) - 1) s - (t0 mod 1 s).
 */
export function idealFixedMs(requests: number, perSecond: number, startEpochMs: number): number {
  const windows = Math.ceil(requests / perSecond);
  return Math.max(0, (windows - 1) * 1000 - (startEpochMs % 1000));
}

/**
 * Ideal time for `requests` when at most `perSecond` may arrive in ANY 1,000 ms window (the stand-in's
 * `SlidingWindowLimiter`): `perSecond` at once, then the next as many each 1,000 ms later:
 * ideal = (ceil(N / P) - 1) s.
 */
export function idealSlidingMs(requests: number, perSecond: number): number {
  return Math.max(0, (Math.ceil(requests / perSecond) - 1) * 1000);
}

/**
 * Ideal time for one GCRA bucket of rate R with burst R, as the stand-in (and PluralKit) runs it: the last
 * slot of the burst is answered 429, so R - 1 go at once, then one every 1/R s:
 * ideal = max(0, N - (R - 1)) / R s. Separate buckets run in parallel, so the run's ideal is the slowest one's.
 */
export function idealGcraMs(buckets: readonly { requests: number; perSecond: number }[]): number {
  return Math.max(
    0,
    ...buckets.map(({ requests, perSecond }) => (Math.max(0, requests - (perSecond - 1)) / perSecond) * 1000),
  );
}
