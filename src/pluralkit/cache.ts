/**
 * A short-lived cache of parsed GET answers with in-flight sharing, where every entry is tagged with
 * the systems it shows so a write (or a dispatch event) can drop exactly those, through an index by
 * system rather than a walk over everything. At most {@link MaxCacheEntries} are kept (oldest dropped).
 */

import type { PluralKitObserver } from './observer.js';

/** Entries kept at most; past it the oldest stored go first. */
export const MaxCacheEntries = 10_000;

/** What a load produced: the value and the system tags it revealed (ids, uuids). */
export interface Loaded<T> {
  readonly value: T;
  readonly systems: Iterable<string>;
}

/** Counters the client exposes through `stats`. */
export interface CacheCounters {
  cacheHits: number;
  dedupedRequests: number;
}

interface Entry {
  readonly value: unknown;
  readonly expiresAt: number;
  readonly systems: ReadonlySet<string>;
}

/** See the module comment. Keys must already separate viewers (token hash + path). */
export class ResponseCache {
  readonly #ttlMs: number;
  readonly #counters: CacheCounters;
  readonly #observer: PluralKitObserver;
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  /** system tag → keys of entries showing that system. */
  readonly #bySystem = new Map<string, Set<string>>();
  /**
   * system tag → the invalidation count when it was last invalidated, so a load that started before a
   * write does not store a stale answer. Only loads in flight need it: emptied whenever none are.
   */
  readonly #invalidatedAt = new Map<string, number>();
  #invalidations = 0;
  /** The invalidation count at the last {@link clear}. */
  #clearedAt = -1;
  #nextSweep = 0;

  constructor(ttlMs: number, counters: CacheCounters, observer: PluralKitObserver = {}) {
    this.#ttlMs = ttlMs;
    this.#counters = counters;
    this.#observer = observer;
  }

  /**
   * The cached value for `key`, or the in-flight load for it, or a new load.
   * `fresh` skips the cached value but still joins an identical request already in flight.
   */
  async get<T>(key: string, systems: readonly string[], load: () => Promise<Loaded<T>>, fresh = false): Promise<T> {
    if (!fresh) {
      const entry = this.#entries.get(key);
      if (entry !== undefined && entry.expiresAt > Date.now()) {
        this.#counters.cacheHits += 1;
        this.#observer.looked?.('hit');
        return entry.value as T;
      }
    }
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) {
      this.#counters.dedupedRequests += 1;
      this.#observer.looked?.('shared');
      return pending as Promise<T>;
    }
    this.#observer.looked?.('miss');
    const started = this.#invalidations;
    const promise = load().then((loaded) => {
      const unchanged =
        this.#clearedAt < started && systems.every((system) => (this.#invalidatedAt.get(system) ?? -1) < started);
      if (unchanged) this.#store(key, loaded.value, [...systems, ...loaded.systems]);
      return loaded.value;
    });
    this.#inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.#inFlight.delete(key);
      if (this.#inFlight.size === 0) this.#invalidatedAt.clear();
    }
  }

  /** Drops every entry tagged with any of `systems`, and keeps in-flight loads from storing. */
  invalidate(systems: Iterable<string>): void {
    for (const system of systems) {
      if (this.#inFlight.size > 0) this.#invalidatedAt.set(system, this.#invalidations);
      for (const key of this.#bySystem.get(system) ?? []) this.#drop(key);
      this.#bySystem.delete(system);
    }
    this.#invalidations += 1;
  }

  /** Forgets every entry (in-flight loads keep running, but store nothing). */
  clear(): void {
    this.#clearedAt = this.#invalidations;
    this.#entries.clear();
    this.#bySystem.clear();
    this.#invalidations += 1;
  }

  #store(key: string, value: unknown, systems: readonly string[]): void {
    if (this.#ttlMs <= 0) return;
    const now = Date.now();
    this.#sweep(now);
    const tags = new Set(systems);
    this.#drop(key);
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs, systems: tags });
    if (this.#entries.size > MaxCacheEntries) this.#drop(this.#entries.keys().next().value as string);
    for (const tag of tags) {
      let keys = this.#bySystem.get(tag);
      if (keys === undefined) this.#bySystem.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Forgets expired entries at most once per TTL, so unread keys cannot pile up. */
  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + this.#ttlMs;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#drop(key);
  }

  /** Forgets one entry and its place in the system index. */
  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    for (const tag of entry.systems) {
      const keys = this.#bySystem.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#bySystem.delete(tag);
    }
  }

  /** Entries, system tags indexed and invalidation marks held (for tests of the bounds). */
  get size(): { entries: number; systems: number; marks: number } {
    return { entries: this.#entries.size, systems: this.#bySystem.size, marks: this.#invalidatedAt.size };
  }
}
