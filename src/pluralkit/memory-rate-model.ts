import { GcraBucket, type SendRecord } from './gcra-bucket.js';
import { kindOf, type LearnedRate, type RateModel, type Reservation, type Turn } from './rate-model.js';

/** What the rate model needs from the client options. */
export interface RateSettings {
  readonly ratePerSecond: number;
  readonly followRateHeaders: boolean;
}

/** Never wait less than this after a 429, whatever `retry_after` says (PluralKit sends 0 at a burst's edge). */
export const MinRetryAfterMs = 100;
/** Idle own buckets kept for their state; beyond this, the longest idle are forgotten. */
export const MaxIdleOwnBuckets = 1000;

interface Granted {
  readonly bucket: GcraBucket;
  readonly records: SendRecord[];
}

/**
 * The rate model of one process: a {@link GcraBucket} per key, created on first use. An own bucket that
 * never learned a limit is forgotten as soon as nothing is in flight on it (a rejected token costs nothing
 * lasting); one that learned a limit is kept until its bucket is whole again, at most
 * {@link MaxIdleOwnBuckets}. A new bucket of a kind whose limit PluralKit advertised starts at that limit.
 */
export class MemoryRateModel implements RateModel {
  readonly #settings: RateSettings;
  readonly #gate: GcraBucket;
  readonly #buckets = new Map<string, GcraBucket>();
  /** Own buckets with nothing in flight, longest idle first. */
  readonly #idle = new Map<string, GcraBucket>();
  readonly #kindLimits = new Map<string, number>();
  readonly #granted = new WeakMap<Turn, Granted>();

  constructor(settings: RateSettings) {
    this.#settings = settings;
    this.#gate = new GcraBucket('gate', settings.ratePerSecond);
  }

  /** @inheritDoc */
  get size(): number {
    return this.#buckets.size;
  }

  /** @inheritDoc */
  reserve(key: string): Promise<Reservation> {
    const now = Date.now();
    const bucket = this.#bucket(key, now);
    const readyAt = bucket.readyAt(now);
    if (readyAt > now) return Promise.resolve({ waitMs: readyAt - now });
    this.#idle.delete(key);
    const turn: Turn = { key };
    this.#granted.set(turn, { bucket, records: bucket.take(now) });
    return Promise.resolve({ turn });
  }

  /** @inheritDoc */
  answered(turn: Turn, learned?: LearnedRate): Promise<void> {
    const granted = this.#granted.get(turn);
    if (granted === undefined) return Promise.resolve();
    this.#granted.delete(turn);
    const now = Date.now();
    granted.bucket.inFlight -= 1;
    if (learned !== undefined && this.#settings.followRateHeaders) {
      this.#kindLimits.set(kindOf(learned.key), learned.headers.limit);
      const named = this.#bucket(learned.key, now);
      named.follow(learned.headers, now);
      this.#settle(named, now);
    }
    for (const record of granted.records) record.answeredAt = now;
    this.#settle(granted.bucket, now);
    return Promise.resolve();
  }

  /** @inheritDoc */
  onRateLimited(turn: Turn, retryAfterMs: number | undefined): Promise<number> {
    const now = Date.now();
    const bucket = this.#bucket(turn.key, now);
    // A 429 at a burst's edge says retry_after 0 yet spent a slot: waiting one interval meets the edge
    // again. One interval on top of what PluralKit says, and never less than two, gets past it.
    const interval = 1000 / bucket.rate;
    const waitMs = Math.ceil(Math.max(MinRetryAfterMs, (retryAfterMs ?? 0) + interval, 2 * interval));
    bucket.pause(waitMs, now);
    this.#settle(bucket, now);
    return Promise.resolve(waitMs);
  }

  /** @inheritDoc */
  pacedWith(key: string): string {
    const known = this.#buckets.get(key)?.advertised ?? this.#kindLimits.get(kindOf(key));
    return known === undefined ? this.#gate.key : key;
  }

  /** @inheritDoc */
  rateOf(key: string): number {
    return this.#buckets.get(key)?.rate ?? this.#kindLimits.get(kindOf(key)) ?? this.#settings.ratePerSecond;
  }

  #bucket(key: string, now: number): GcraBucket {
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      this.#forgetIdle(now);
      bucket = new GcraBucket(key, this.#settings.ratePerSecond, this.#gate);
      const known = this.#kindLimits.get(kindOf(key));
      if (known !== undefined) bucket.adopt(known, now);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  /** An own bucket with nothing in flight is filed as idle, or forgotten when it holds nothing worth keeping. */
  #settle(bucket: GcraBucket, now: number): void {
    if (bucket.inFlight > 0 || !bucket.key.startsWith('own:') || this.#buckets.get(bucket.key) !== bucket) return;
    if (bucket.advertised === undefined) this.#buckets.delete(bucket.key);
    else {
      this.#idle.delete(bucket.key);
      this.#idle.set(bucket.key, bucket);
    }
    this.#forgetIdle(now);
  }

  /** Drops idle own buckets whose PluralKit bucket is whole again, and the longest idle beyond the cap. */
  #forgetIdle(now: number): void {
    for (const [key, bucket] of this.#idle) {
      if (bucket.inFlight > 0) {
        this.#idle.delete(key);
        continue;
      }
      if (!bucket.forgettable(now) && this.#idle.size <= MaxIdleOwnBuckets) return;
      this.#idle.delete(key);
      if (this.#buckets.get(key) === bucket) this.#buckets.delete(key);
    }
  }
}
