import { ResponseCache } from './cache.js';
import { Calls, type CallOptions, type WriteOptions } from './calls.js';
import { SystemDirectory } from './directory.js';
import { PluralKitInputError } from './errors.js';
import { Invalidation } from './invalidation.js';
import { MemoryRateModel } from './memory-rate-model.js';
import type { PluralKitObserver } from './observer.js';
import { DefaultPluralKitClientOptions, type PluralKitClientOptions } from './options.js';
import type { RateModel } from './rate-model.js';
import * as refs from './refs.js';
import { RequestQueue, type LimiterState } from './request-queue.js';
import { Requester, type PluralKitClientStats } from './requester.js';
import { Reads } from './reads.js';
import type { SharedState } from './shared.js';
import type { FrontSwitch, Group, Member, Message, Switch, System, SystemSettings } from './schemas.js';

export type { CallOptions, WriteOptions } from './calls.js';

/** What a {@link PluralKitClient} is built around, beyond its options; each part has a stand-alone default. */
export interface PluralKitClientParts {
  /** Where the rate budgets live; default: this process's own {@link MemoryRateModel}. */
  rateModel?: RateModel | undefined;
  /** Hears of every attempt, wait and cache lookup (the bot's metrics and request log). */
  observer?: PluralKitObserver | undefined;
  /** Connects the cache to the deployment's other processes (see `shared.ts`). */
  shared?: SharedState | undefined;
}

/**
 * The one path every PluralKit call takes: validated input, a per-viewer cache with in-flight sharing,
 * rate-limit budgets that follow the server, retries, typed errors, and schema-checked answers.
 * Returned objects may be shared with other callers through the cache: treat them as read-only.
 * @see https://pluralkit.me/api/endpoints/
 */
export class PluralKitClient {
  readonly #options: Required<PluralKitClientOptions>;
  readonly #stats: PluralKitClientStats = {
    upstreamRequests: 0,
    cacheHits: 0,
    dedupedRequests: 0,
    retries429: 0,
    rateLimited: 0,
  };
  readonly #directory = new SystemDirectory();
  readonly #cache: ResponseCache;
  readonly #queue: RequestQueue;
  readonly #calls: Calls;
  readonly #invalidation: Invalidation;

  constructor(options: Partial<PluralKitClientOptions> = {}, parts: PluralKitClientParts = {}) {
    const { observer = {}, shared = {} } = parts;
    this.#options = { ...DefaultPluralKitClientOptions, ...options };
    this.#options.baseUrl = this.#options.baseUrl.replace(/\/+$/, '');
    if (!(this.#options.ratePerSecond > 0)) throw new PluralKitInputError('ratePerSecond', 'a positive number');
    this.#cache = new ResponseCache(this.#options.cacheTtlMs, this.#stats, observer);
    this.#queue = new RequestQueue(parts.rateModel ?? new MemoryRateModel(this.#options));
    const requester = new Requester(this.#options, this.#queue, this.#directory, this.#stats, observer);
    this.#invalidation = new Invalidation(this.#cache, this.#directory, shared.invalidation);
    this.#calls = new Calls(this.#cache, this.#directory, requester, this.#invalidation, shared.reads);
  }

  /** A snapshot of the request counters. */
  get stats(): Readonly<PluralKitClientStats> {
    return { ...this.#stats };
  }

  /** What the rate limiter holds right now: budgets, queued requests, armed timers. */
  get rateLimitState(): LimiterState {
    return this.#queue.state();
  }

  /** The token's own system (`GET /systems/@me`); how a token is validated when linked. */
  async getOwnSystem(token: string): Promise<System> {
    return this.getSystem('@me', { token });
  }

  /** A system by `@me`, short id (any case, dash allowed), UUID or linked Discord user id. */
  async getSystem(ref: string, o?: CallOptions): Promise<System> {
    return this.#calls.read(o, Reads.system(refs.systemRef(ref)));
  }

  /** A system's settings (the public subset unless you own it). */
  async getSystemSettings(ref: string, o?: CallOptions): Promise<SystemSettings> {
    return this.#calls.read(o, Reads.settings(refs.systemRef(ref)));
  }

  /** A system's members (hidden ones only for the owner). */
  async getMembers(systemRef: string, o?: CallOptions): Promise<Member[]> {
    return this.#calls.read(o, Reads.members(refs.systemRef(systemRef)));
  }

  /** One member by short id or UUID. */
  async getMember(memberRef: string, o?: CallOptions): Promise<Member> {
    return this.#calls.read(o, Reads.member(refs.memberRef(memberRef)));
  }

  /** A system's groups; `withMembers` adds each group's member UUIDs. */
  async getGroups(
    systemRef: string,
    { withMembers = false }: { withMembers?: boolean } = {},
    o?: CallOptions,
  ): Promise<Group[]> {
    return this.#calls.read(o, Reads.groups(refs.systemRef(systemRef), withMembers));
  }

  /** One group by short id or UUID. */
  async getGroup(groupRef: string, o?: CallOptions): Promise<Group> {
    return this.#calls.read(o, Reads.group(refs.groupRef(groupRef)));
  }

  /** The members of a group. */
  async getGroupMembers(groupRef: string, o?: CallOptions): Promise<Member[]> {
    return this.#calls.read(o, Reads.groupMembers(refs.groupRef(groupRef)));
  }

  /** The current switch with full members, or `null` when the system has never logged one. */
  async getFronters(systemRef: string, o?: CallOptions): Promise<FrontSwitch | null> {
    return this.#calls.read(o, Reads.fronters(refs.systemRef(systemRef)));
  }

  /** One page of switches, newest first, strictly before `before`; members are short ids. */
  async getSwitches(
    systemRef: string,
    page: { before?: Date; limit?: number } = {},
    o?: CallOptions,
  ): Promise<Switch[]> {
    const before = page.before === undefined ? undefined : refs.instant(page.before, 'before');
    const limit = page.limit === undefined ? undefined : refs.pageLimit(page.limit);
    return this.#switchPage(refs.systemRef(systemRef), before, limit, o);
  }

  /** Every switch from newest back to `until` (inclusive), paging with `before`. Background by default. */
  iterateSwitches(systemRef: string, { until }: { until?: Date } = {}, o?: CallOptions): AsyncIterable<Switch> {
    const system = refs.systemRef(systemRef);
    const untilMs = until === undefined ? undefined : Date.parse(refs.instant(until, 'until'));
    this.#calls.viewer(o);
    return this.#walkSwitches(system, untilMs, { priority: 'background', ...o });
  }

  /** One switch with full members. */
  async getSwitch(systemRef: string, switchId: string, o?: CallOptions): Promise<FrontSwitch> {
    return this.#calls.read(o, Reads.switch(refs.systemRef(systemRef), refs.switchRef(switchId)));
  }

  /** Logs a switch (an empty list switches out). */
  async createSwitch(
    systemRef: string,
    body: { members: string[]; timestamp?: Date },
    o: WriteOptions,
  ): Promise<FrontSwitch> {
    const system = refs.systemRef(systemRef);
    const payload: { members: string[]; timestamp?: string } = { members: refs.switchMembers(body.members) };
    if (body.timestamp !== undefined) payload.timestamp = refs.instant(body.timestamp, 'timestamp');
    return this.#calls.write(o, 'POST', `/systems/${system}/switches`, system, payload);
  }

  /** Moves a switch in time. */
  async editSwitchTime(systemRef: string, switchId: string, timestamp: Date, o: WriteOptions): Promise<FrontSwitch> {
    const system = refs.systemRef(systemRef);
    const route = `/systems/${system}/switches/${refs.switchRef(switchId)}`;
    return this.#calls.write(o, 'PATCH', route, system, { timestamp: refs.instant(timestamp, 'timestamp') });
  }

  /** Replaces a switch's members. */
  async editSwitchMembers(
    systemRef: string,
    switchId: string,
    members: string[],
    o: WriteOptions,
  ): Promise<FrontSwitch> {
    const system = refs.systemRef(systemRef);
    const route = `/systems/${system}/switches/${refs.switchRef(switchId)}/members`;
    return this.#calls.write(o, 'PATCH', route, system, refs.switchMembers(members));
  }

  /** Deletes a switch. */
  async deleteSwitch(systemRef: string, switchId: string, o: WriteOptions): Promise<void> {
    const system = refs.systemRef(systemRef);
    await this.#calls.write(o, 'DELETE', `/systems/${system}/switches/${refs.switchRef(switchId)}`, system, undefined);
  }

  /** A proxied message (or its trigger, for 30 minutes) by Discord message id. */
  async getMessage(messageId: string, o?: CallOptions): Promise<Message> {
    return this.#calls.read(o, Reads.message(refs.messageId(messageId)));
  }

  /** Drops every cached answer about a system (by short id or UUID), for every viewer, in every process. */
  invalidateSystem(systemIdOrUuid: string): void {
    this.#invalidation.systems([refs.systemRef(systemIdOrUuid, 'systemIdOrUuid')]);
  }

  /** Abandons queued requests and ends their waits; for shutdown and tests. */
  close(): Promise<void> {
    return this.#queue.close();
  }

  async *#walkSwitches(system: string, untilMs: number | undefined, o: CallOptions): AsyncGenerator<Switch> {
    let before: string | undefined;
    for (;;) {
      const page = await this.#switchPage(system, before, refs.MaxSwitchPageSize, o);
      for (const entry of page) {
        if (untilMs !== undefined && Date.parse(entry.timestamp) < untilMs) return;
        yield entry;
      }
      const oldest = page.at(-1);
      if (page.length < refs.MaxSwitchPageSize || oldest === undefined) return;
      // The raw timestamp keeps PluralKit's microseconds, which a Date would round away.
      before = oldest.timestamp;
    }
  }

  #switchPage(
    system: string,
    before: string | undefined,
    limit: number | undefined,
    o?: CallOptions,
  ): Promise<Switch[]> {
    const query = new URLSearchParams();
    if (before !== undefined) query.set('before', before);
    if (limit !== undefined) query.set('limit', String(limit));
    return this.#calls.read(o, Reads.switchPage(system, query));
  }
}
