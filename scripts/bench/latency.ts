/**
 * Section 2, first response latency: interactions dispatched through the Discord stand-in as fast as it
 * can send them, timed from dispatch to the first accepted callback (the stand-in's `atMs`).
 */
import type { APIUser } from 'discord-api-types/v10';
import type { InteractionHandle, InteractionResponse } from '../../stand-ins/discord/index.js';
import { benchLatencyApart } from './latency-apart.js';
import { fmt, SectionNames, summary, type BenchRow } from './rows.js';
import { benchUsers, linkAll, seedSystems, startQuietOffline } from './world.js';

/** Counts for section 2. */
export interface LatencyParams {
  interactions: number;
  /** Linked systems the warm case spreads its users over. */
  warmSystems: number;
  /** Depth of the PluralKit queue in the slow case, in seconds of work. */
  queueSeconds: number;
  /** Extra delay of every PluralKit answer in the slow case. */
  slowLatencyMs: number;
  /** How long to keep waiting for the slow case's final answers after dispatch. */
  finalWaitMs: number;
}

/** The counts. */
export const LatencyDefaults: LatencyParams = {
  interactions: 500,
  warmSystems: 50,
  queueSeconds: 30,
  slowLatencyMs: 200,
  finalWaitMs: 45_000,
};

/** What happened to one batch of interactions. */
export interface LatencyResult {
  label: string;
  dispatched: number;
  firstResponses: number[];
  deferred: number;
  withinWindow: number;
  lost: number;
  /** Warm case only: the same interactions dispatched one at a time. */
  isolated?: number[] | undefined;
  /** Slow case only: time to the visible answer, for those that arrived within `finalWaitMs`. */
  finals?: number[] | undefined;
  upstream: number;
}

/**
 * The Discord stand-in checks every reply body against Discord's OpenAPI schema inside the bot's own
 * process; real Discord does not charge the bot for that, so the timing runs leave it off.
 */
const NoValidation = { validateBodies: false } as const;

type Dispatch = (user: APIUser, i: number) => InteractionHandle;

/** Dispatches one interaction per user, all at once, and collects every first callback. */
async function burst(
  label: string,
  users: readonly APIUser[],
  dispatch: Dispatch,
  upstream: () => number,
): Promise<LatencyResult> {
  const before = upstream();
  const handles = users.map((user, i) => dispatch(user, i));
  const settled = await Promise.allSettled(handles.map((handle) => handle.firstResponse(10_000)));
  const responses = settled.flatMap((s): InteractionResponse[] => (s.status === 'fulfilled' ? [s.value] : []));
  const times = responses.map((r) => r.atMs);
  return {
    label,
    dispatched: handles.length,
    firstResponses: times,
    deferred: responses.filter((r) => r.type === 5).length,
    withinWindow: times.filter((ms) => ms <= 3000).length,
    lost: handles.length - responses.length,
    upstream: upstream() - before,
  };
}

/** Warm: users share `warmSystems` linked systems whose answers are already cached. */
async function warm(params: LatencyParams): Promise<LatencyResult> {
  const offline = await startQuietOffline({ env: { PLURALKIT_CACHE_TTL_MS: '600000' }, discord: NoValidation });
  try {
    const systems = seedSystems(offline.pk, params.warmSystems);
    const users = benchUsers(params.interactions);
    await linkAll(
      offline,
      users.map((user, i) => [user, systems[i % systems.length]!.token] as const),
    );
    // One answered /fronters per system fills the cache (users of a system share its token, so its entries).
    await Promise.all(
      users
        .slice(0, systems.length)
        .map((user) =>
          offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', {}, { user })).reply(10_000),
        ),
    );
    const fronters = (user: APIUser): InteractionHandle =>
      offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', {}, { user }));
    const result = await burst('warm cache', users, fronters, () => offline.pk.stats.requests);
    // The same path one interaction at a time: the latency of the path itself, without the burst's queue.
    const isolated: number[] = [];
    for (const user of users.slice(0, Math.min(100, users.length)))
      isolated.push((await fronters(user).firstResponse(10_000)).atMs);
    return { ...result, isolated };
  } finally {
    await offline.close();
  }
}

/** Cold: the cache is off, every user has their own system, so every interaction waits on PluralKit. */
async function cold(params: LatencyParams): Promise<LatencyResult> {
  const offline = await startQuietOffline({ env: { PLURALKIT_CACHE_TTL_MS: '0' }, discord: NoValidation });
  try {
    const systems = seedSystems(offline.pk, params.interactions);
    const users = benchUsers(params.interactions);
    await linkAll(
      offline,
      users.map((user, i) => [user, systems[i]!.token] as const),
    );
    return await burst(
      'cold cache',
      users,
      (user) => offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', {}, { user })),
      () => offline.pk.stats.requests,
    );
  } finally {
    await offline.close();
  }
}

/**
 * Deep queue: every interaction looks up a different public system (2 GETs each, all in the one shared
 * per-IP bucket), PluralKit's GET rate is set so those requests are `queueSeconds` of work, and every
 * answer is delayed by `slowLatencyMs`.
 */
async function deepQueue(params: LatencyParams): Promise<LatencyResult> {
  const offline = await startQuietOffline({ env: { PLURALKIT_CACHE_TTL_MS: '0' }, discord: NoValidation });
  try {
    const systems = seedSystems(offline.pk, params.interactions);
    const users = benchUsers(params.interactions);
    const getPerSecond = Math.max(1, Math.ceil((2 * params.interactions) / params.queueSeconds));
    offline.pk.setRateLimit({ mode: 'gcra', getPerSecond, updatePerSecond: 3 });
    offline.pk.setLatency(params.slowLatencyMs);
    const handles: InteractionHandle[] = [];
    const label = `PK queue ${fmt((2 * params.interactions) / getPerSecond, 0)} s deep (${getPerSecond} GET/s, +${params.slowLatencyMs} ms)`;
    const result = await burst(
      label,
      users,
      (user, i) => {
        const handle = offline.discord.dispatchInteraction(
          offline.discord.chatInput('fronters', { system: systems[i]!.systemId }, { user }),
        );
        handles.push(handle);
        return handle;
      },
      () => offline.pk.stats.requests,
    );
    const finals = await Promise.allSettled(handles.map((h) => h.reply(params.finalWaitMs).then(() => finalAt(h))));
    result.finals = finals.flatMap((f) => (f.status === 'fulfilled' ? [f.value] : []));
    result.upstream = offline.pk.stats.requests;
    return result;
  } finally {
    await offline.close();
  }
}

/** When the visible answer landed, from dispatch: the stand-in keeps no edit time, so it is read now. */
function finalAt(handle: InteractionHandle): number {
  return Date.now() - (handle.record.sentAt ?? Date.now());
}

function rowsFor(result: LatencyResult, warmGoal: boolean, finalWaitMs: number): BenchRow[] {
  const s = summary(result.firstResponses);
  const all = result.withinWindow === result.dispatched && result.lost === 0;
  const rows: BenchRow[] = [
    {
      section: SectionNames[2],
      metric: `${result.label}: first callback p50 / p99 / max`,
      value: `${fmt(s.p50, 0)} / ${fmt(s.p99, 0)} / ${fmt(s.max, 0)} ms`,
      goal: warmGoal ? 'p99 ≤ 50 ms' : '',
      met: warmGoal ? s.p99 <= 50 : null,
      raw: { ...s, upstream: result.upstream },
    },
    {
      section: SectionNames[2],
      metric: `${result.label}: inside 3 s / deferred / lost`,
      value: `${result.withinWindow}/${result.dispatched} / ${result.deferred} / ${result.lost}`,
      goal: '100 %, 0 lost',
      met: all,
    },
  ];
  if (result.isolated !== undefined) {
    const one = summary(result.isolated);
    rows.push({
      section: SectionNames[2],
      metric: `${result.label}, one at a time (${result.isolated.length}): p50 / p99 / max`,
      value: `${fmt(one.p50, 0)} / ${fmt(one.p99, 0)} / ${fmt(one.max, 0)} ms`,
      goal: '',
      met: null,
      raw: one,
    });
  }
  if (result.finals !== undefined) {
    const f = summary(result.finals);
    rows.push({
      section: SectionNames[2],
      metric: `${result.label}: final answers p50 / max (waited ≤ ${fmt(finalWaitMs / 1000, 0)} s)`,
      value: `${result.finals.length}/${result.dispatched} in; ${fmt(f.p50 / 1000, 1)} / ${fmt(f.max / 1000, 1)} s`,
      goal: '',
      met: null,
    });
  }
  return rows;
}

/** Runs section 2 and returns its rows. */
export async function benchLatency(params: LatencyParams = LatencyDefaults): Promise<BenchRow[]> {
  const results = [await warm(params), await cold(params), await deepQueue(params)];
  // Few systems: each bot process fills its own cache through its own PluralKit budget first.
  const apart = await benchLatencyApart(params.interactions, Math.min(10, params.warmSystems));
  return [...results.flatMap((result, i) => rowsFor(result, i === 0, params.finalWaitMs)), ...apart];
}

/** For the smoke test: the raw results instead of rows. */
export const latencyCases = { warm, cold, deepQueue };
