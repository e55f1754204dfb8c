/**
 * The budget one process keeps to on its own while the shared Redis is away: this process's share of each
 * bucket (`rate / processes`), spaced evenly with no burst, since the other processes are spending the
 * rest of the same server bucket at the same moment and nobody can tell what is left of it. A bucket's
 * first send waits one interval too: the shared model may just have spent PluralKit's bucket to its last
 * slot. Buckets idle for a second are forgotten, so it holds only what is busy.
 */

/** Buckets held at most; beyond this the oldest are dropped (their state is a few ms of spacing). */
const MaxBuckets = 1000;
/** A bucket whose next send could have left this long ago is forgotten. */
const IdleMs = 1000;

/** See the module comment. */
export class LocalShare {
  /** Per bucket: when the next send may leave (epoch ms). */
  readonly #nextAt = new Map<string, number>();

  /** Buckets held. */
  get size(): number {
    return this.#nextAt.size;
  }

  /** The buckets held, for handing their state back to Redis. */
  keys(): string[] {
    return [...this.#nextAt.keys()];
  }

  /** How long until `key` may send at `rate` per second; 0 means the send was counted now. */
  take(key: string, rate: number, now: number): number {
    this.#forget(now);
    const interval = 1000 / rate;
    const nextAt = this.#nextAt.get(key);
    if (nextAt === undefined) {
      this.#nextAt.set(key, now + interval);
      return interval;
    }
    if (nextAt > now) return nextAt - now;
    this.#nextAt.delete(key);
    // A timer that fired late keeps its slot, up to half an interval, so a busy event loop costs no rate.
    this.#nextAt.set(key, Math.max(nextAt + interval, now + interval / 2));
    return 0;
  }

  /** After a 429: nothing leaves `key` for `ms`. */
  hold(key: string, ms: number, now: number): void {
    this.#nextAt.set(key, Math.max(this.#nextAt.get(key) ?? now, now + ms));
  }

  #forget(now: number): void {
    for (const [key, nextAt] of this.#nextAt) {
      if (nextAt + IdleMs > now && this.#nextAt.size <= MaxBuckets) return;
      this.#nextAt.delete(key);
    }
  }
}
