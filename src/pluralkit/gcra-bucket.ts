import type { RateHeaders } from './transport.js';

/**
 * One of PluralKit's buckets as this process counts it (docs/pluralkit-rate-limits.md):
 *
 * - Until PluralKit advertises a limit, every bucket is paced by the shared `gate` (one bucket for the
 *   whole process), because a server without headers may count everything together, as PluralKit's
 *   documented 2 req/s per IP did. The gate sends request k + N (N = floor(rate)) only N intervals after
 *   request k was ANSWERED: the server saw request k before it answered, so however its latency varies,
 *   no 1,000 ms window it counts in, fixed or sliding, sees more than the rate.
 * - Once `X-RateLimit-Limit: R` arrives, it is GCRA with burst R − 1, one under PluralKit's burst, since
 *   PluralKit spends the last slot AND answers it 429. `X-RateLimit-Remaining` only ever lowers what we
 *   may send (other apps may share the bucket).
 * - A 429 pauses the bucket (and the gate, while it paces it), and for a second after the pause its
 *   sends are spaced one emission interval apart.
 */

/** Our clock reads whole milliseconds; the server's may read the same instant up to 1 ms later. */
const ClockSlackMs = 2;

/** One header-less send, and, once known, when its answer came back. */
export interface SendRecord {
  answeredAt: number | undefined;
}

const burstOf = (limit: number): number => Math.max(1, limit - 1);

/** See the module comment. */
export class GcraBucket {
  readonly key: string;
  readonly #gate: GcraBucket | undefined;
  #rate: number;
  #advertised: number | undefined;
  /** GCRA theoretical arrival time of our own sends (epoch ms). */
  #tat = 0;
  #pausedUntil = 0;
  /** After a 429, sends are spaced one emission interval apart until then. */
  #pacedUntil = 0;
  #lastSend = 0;
  /**
   * Headerless pacing: the next send's slot. A timer that fires late (by up to half an interval) does not
   * push it back, so a busy event loop does not cost rate; the answer rule above still bounds every window.
   */
  #nextSlot = 0;
  /** Headerless pacing: the most recent sends, at most `floor(rate)` of them, and when each was answered. */
  #recent: SendRecord[] = [];
  /** Sends granted and not yet answered. */
  inFlight = 0;

  constructor(key: string, startRate: number, gate?: GcraBucket) {
    this.key = key;
    this.#rate = startRate;
    this.#gate = gate;
  }

  /** Requests per second this bucket currently allows. */
  get rate(): number {
    return this.#rate;
  }

  /** The limit PluralKit advertised for this bucket, once it has. */
  get advertised(): number | undefined {
    return this.#advertised;
  }

  /** Forgetting this bucket now loses nothing: nothing in flight, and PluralKit's bucket is full again. */
  forgettable(now: number): boolean {
    return this.inFlight === 0 && this.#tat <= now && this.#pausedUntil <= now && this.#pacedUntil <= now;
  }

  /** When the next send may leave (epoch ms), counting the gate while it paces this bucket. */
  readyAt(now: number): number {
    const own = this.#ownReadyAt(now);
    return this.#gated ? Math.max(own, this.#gate!.#ownReadyAt(now)) : own;
  }

  /** Counts a send leaving now; returns the header-less records whose answers pace later sends. */
  take(now: number): SendRecord[] {
    this.inFlight += 1;
    const records = [this.#noteSend(now), this.#gated ? this.#gate!.#noteSend(now) : undefined];
    return records.filter((record) => record !== undefined);
  }

  /** Starts as if PluralKit had advertised `limit` for this bucket, with one send allowed now. */
  adopt(limit: number, now: number): void {
    this.#advertised = limit;
    this.#rate = limit;
    this.#tat = now + (burstOf(limit) - 1) * (1000 / limit);
  }

  /** Follows PluralKit's headers for this bucket; sends still in flight are not in `remaining` yet. */
  follow(rate: RateHeaders, now: number): void {
    const burst = burstOf(rate.limit);
    const interval = 1000 / rate.limit;
    // Remaining r allows r − 1 more: PluralKit refuses unless the remaining AFTER a request is at least 1.
    const target = Math.min(burst, Math.max(0, rate.remaining - 1 - this.inFlight));
    const tat = now + (burst - target) * interval;
    // On the first headers, what we counted at the starting rate is replaced by what PluralKit says.
    this.#tat = this.#advertised === undefined ? tat : Math.max(this.#tat, tat);
    this.#advertised = rate.limit;
    this.#rate = rate.limit;
  }

  /** After a 429: pause this bucket (and the gate, if it was pacing us) and empty it. */
  pause(ms: number, now: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, now + ms);
    // A GCRA bucket is whole again one second after its last refusal; pace sends until then.
    this.#pacedUntil = Math.max(this.#pacedUntil, this.#pausedUntil + 1000);
    if (this.#advertised === undefined) this.#gate?.pause(ms, now);
    else this.#tat = Math.max(this.#tat, now + burstOf(this.#advertised) * (1000 / this.#advertised));
  }

  /** Paced by the shared gate (no limit advertised yet). */
  get #gated(): boolean {
    return this.#advertised === undefined && this.#gate !== undefined;
  }

  #ownReadyAt(now: number): number {
    if (this.#advertised === undefined) {
      // A gated bucket is paced by the gate; only its own pause is its own.
      return this.#gate !== undefined ? this.#pausedUntil : Math.max(this.#pausedUntil, this.#headerlessReadyAt());
    }
    const interval = 1000 / this.#advertised;
    const paced = now < this.#pacedUntil ? this.#lastSend + interval : 0;
    return Math.max(this.#pausedUntil, paced, this.#tat - (burstOf(this.#advertised) - 1) * interval);
  }

  /** `count` intervals after the answer to the send `count` back; see the module comment. */
  #headerlessReadyAt(): number {
    const count = Math.max(1, Math.floor(this.#rate));
    const windowMs = (count * 1000) / this.#rate + ClockSlackMs;
    const oldest = this.#recent.length >= count ? this.#recent[this.#recent.length - count]! : undefined;
    const answeredAt = oldest === undefined ? -Infinity : (oldest.answeredAt ?? Infinity);
    return Math.max(this.#nextSlot, answeredAt + windowMs);
  }

  #noteSend(now: number): SendRecord | undefined {
    this.#lastSend = now;
    const interval = 1000 / (this.#advertised ?? this.#rate);
    // Counted from the first send, before any limit is known: that send is in PluralKit's bucket too.
    this.#tat = Math.max(this.#tat, now) + interval;
    // A gated bucket's sends are recorded on the gate, which paces them.
    if (this.#advertised !== undefined || this.#gate !== undefined) return undefined;
    this.#nextSlot = Math.max(this.#nextSlot + interval, now + interval / 2);
    const record: SendRecord = { answeredAt: undefined };
    this.#recent.push(record);
    if (this.#recent.length > Math.max(1, Math.floor(this.#rate))) this.#recent.shift();
    return record;
  }
}
