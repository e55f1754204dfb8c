import type { TransportSuccess } from './transport.js';

/**
 * What a {@link PluralKitClient} can share with the other processes of a deployment (through Redis, wired in
 * `src/app.ts`). Without them the client behaves as one process: its own cache, its own in-flight sharing.
 */

/** Receives what other processes invalidated. */
export interface InvalidationListener {
  /** Another process dropped what it cached about these systems (short ids, uuids, or `@me:<token hash>`). */
  systems(names: readonly string[]): void;
  /** Messages may have been missed (the bus was away): forget every cached answer. */
  missed(): void;
}

/** Carries cache invalidations between processes. Never carries a token. */
export interface InvalidationBus {
  /** Tells every other process to drop what it knows about these systems; never throws. */
  publish(names: readonly string[]): void;
  /** Sets who hears other processes' invalidations (one listener: the client). */
  listen(listener: InvalidationListener): void;
}

/** An answer fetched by some process, with when its fetch started (epoch ms). */
export interface SharedAnswer {
  readonly response: TransportSuccess;
  /** When the fetch started, if another process made it; `undefined` when this process fetched it. */
  readonly startedAt: number | undefined;
}

/** Lets at most one process at a time fetch a public-view answer per cache key. */
export interface SharedReads {
  /** Fetches with `fetch`, or waits for the process already fetching `key` and returns its answer. */
  once(key: string, fetch: () => Promise<TransportSuccess>): Promise<SharedAnswer>;
}

/** The client's second constructor argument. */
export interface SharedState {
  invalidation?: InvalidationBus | undefined;
  /** Only ever used for reads without a token (the public view), so it never holds a private answer. */
  reads?: SharedReads | undefined;
}
