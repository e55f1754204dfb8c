import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';
import { LocalShare } from './local-share.js';
import { MinRetryAfterMs, type RateSettings } from './memory-rate-model.js';
import { kindOf, type LearnedRate, type RateModel, type Reservation, type Turn } from './rate-model.js';
import { bounded, runGcra, type GcraOperation, type GcraReply } from './rate-script.js';

/** What a {@link RedisRateModel} is built from. */
export interface RedisRateModelOptions {
  readonly redis: SharedRedis;
  readonly settings: RateSettings;
  /** How many processes share the budget (`PROCESSES`): each keeps to `1 / processes` while Redis is away. */
  readonly processes: number;
  readonly log: Logger;
  /** Prefix of every key. @defaultValue `pk-companion:rate:` */
  readonly prefix?: string;
  /** Longest wait for one Redis call before Redis counts as away. @defaultValue 250 */
  readonly commandTimeoutMs?: number;
  /** While Redis is away, how often it is tried again. @defaultValue 500 */
  readonly probeEveryMs?: number;
}

/** How long a limit PluralKit advertised is remembered in Redis without being seen again. */
const LimitTtlMs = 3_600_000;
/** The bucket that paces every bucket of a kind whose limit is not known yet (as in the memory model). */
const GateKey = 'gate';
/** How soon after Redis went away it is first tried again. */
const FirstProbeMs = 50;
/** Longest wait on the gate before asking Redis again. */
const GateRecheckMs = 50;

/**
 * The rate model every process shares: each bucket's GCRA state lives in Redis and is taken by one atomic
 * script on Redis's clock ({@link runGcra}), so the processes together keep to PluralKit's buckets; rate
 * headers and 429s seen by any process move the shared state. Limits learned are mirrored here, so the
 * synchronous `rateOf` and `pacedWith` need no Redis.
 *
 * When a Redis call fails or takes longer than `commandTimeoutMs`, this process keeps to its share of
 * every bucket locally ({@link LocalShare}), logs one warning for the outage, and tries Redis again every
 * `probeEveryMs`; once it answers, the buckets used meanwhile are handed back as spent and the shared
 * model resumes, even when Redis restarted empty (the script is loaded again, the limits re-stored).
 */
export class RedisRateModel implements RateModel {
  readonly #redis: SharedRedis;
  readonly #settings: RateSettings;
  readonly #processes: number;
  readonly #log: Logger;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #probeEveryMs: number;
  /** Limits PluralKit advertised, per kind (`shared:read`, `own:write`...). */
  readonly #limits = new Map<string, number>();
  readonly #inFlight = new Map<string, number>();
  readonly #local = new LocalShare();
  #away = false;
  #probing = false;
  #nextProbeAt = 0;
  /** After Redis is back, the local share still holds until then: other processes may not have noticed yet. */
  #graceUntil = 0;

  constructor(options: RedisRateModelOptions) {
    this.#redis = options.redis;
    this.#settings = options.settings;
    this.#processes = Math.max(1, options.processes);
    this.#log = options.log;
    this.#prefix = options.prefix ?? 'pk-companion:rate:';
    this.#timeoutMs = options.commandTimeoutMs ?? 250;
    this.#probeEveryMs = options.probeEveryMs ?? 500;
  }

  /** Whether this process is keeping to its local share because Redis is away. */
  get away(): boolean {
    return this.#away;
  }

  /** @inheritDoc */
  get size(): number {
    return this.#local.size + this.#inFlight.size;
  }

  /** @inheritDoc */
  async reserve(key: string): Promise<Reservation> {
    const now = Date.now();
    if (this.#away || now < this.#graceUntil) {
      const waitMs = this.#local.take(this.pacedWith(key), this.rateOf(key), now);
      if (this.#away) this.#probe();
      if (waitMs > 0) return { waitMs };
      if (this.#away) return this.#grant(key);
    }
    const reply = await this.#shared('take', key, 0);
    // Redis just went away: the local share decides from now on.
    if (reply === undefined) return this.reserve(key);
    // Paced by the gate, no limit known yet: ask again soon, as another process may learn it any moment.
    const waitMs = reply.limit > 0 ? reply.waitMs : Math.min(reply.waitMs, GateRecheckMs);
    return waitMs > 0 ? { waitMs } : this.#grant(key);
  }

  #grant(key: string): Reservation {
    this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
    return { turn: { key } };
  }

  /** @inheritDoc */
  async answered(turn: Turn, learned?: LearnedRate): Promise<void> {
    const left = (this.#inFlight.get(turn.key) ?? 1) - 1;
    if (left > 0) this.#inFlight.set(turn.key, left);
    else this.#inFlight.delete(turn.key);
    if (learned === undefined || !this.#settings.followRateHeaders) return;
    const { limit, remaining } = learned.headers;
    this.#limits.set(kindOf(learned.key), limit);
    // Remaining r allows r − 1 more; sends of ours still in flight are not in it yet.
    const allowed = remaining - 1 - (this.#inFlight.get(learned.key) ?? 0);
    await this.#shared('follow', learned.key, allowed, limit);
  }

  /** @inheritDoc */
  async onRateLimited(turn: Turn, retryAfterMs: number | undefined): Promise<number> {
    // As the memory model: a 429 at a burst's edge says 0 yet spent a slot; one interval more gets past it.
    const interval = 1000 / (this.#limits.get(kindOf(turn.key)) ?? this.#settings.ratePerSecond);
    const waitMs = Math.ceil(Math.max(MinRetryAfterMs, (retryAfterMs ?? 0) + interval, 2 * interval));
    this.#local.hold(this.pacedWith(turn.key), waitMs, Date.now());
    await this.#shared('hold', turn.key, waitMs);
    return waitMs;
  }

  /** @inheritDoc */
  pacedWith(key: string): string {
    return this.#limits.has(kindOf(key)) ? key : GateKey;
  }

  /** @inheritDoc */
  rateOf(key: string): number {
    const rate = this.#limits.get(kindOf(key)) ?? this.#settings.ratePerSecond;
    return this.#away || Date.now() < this.#graceUntil ? rate / this.#processes : rate;
  }

  /** Runs the script on `key`; `undefined` when Redis is away (and this process now keeps to its share). */
  async #shared(op: GcraOperation, key: string, value: number, limit?: number): Promise<GcraReply | undefined> {
    if (this.#away) {
      this.#probe();
      return undefined;
    }
    try {
      return await this.#run(op, key, value, limit);
    } catch (error) {
      this.#lost(error);
      return undefined;
    }
  }

  async #run(op: GcraOperation, key: string, value: number, limit?: number): Promise<GcraReply> {
    const kind = kindOf(key);
    const keys: [string, string, string, string] = [
      this.#prefix + key,
      `${this.#prefix}limit:${kind}`,
      this.#prefix + GateKey,
      `${this.#prefix}epoch`,
    ];
    const known = limit ?? this.#limits.get(kind) ?? 0;
    const reply = await runGcra(this.#redis, this.#timeoutMs, keys, [
      op,
      this.#settings.ratePerSecond,
      value,
      this.#settings.followRateHeaders ? known : 0,
      LimitTtlMs,
    ]);
    if (reply.limit > 0 && this.#settings.followRateHeaders) this.#limits.set(kind, reply.limit);
    return reply;
  }

  #lost(error: unknown): void {
    if (this.#away) return;
    this.#away = true;
    // A dropped connection is often back within milliseconds: try soon once, then every `probeEveryMs`.
    this.#nextProbeAt = Date.now() + FirstProbeMs;
    const err = error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
    this.#log.warn(
      { err, processes: this.#processes },
      'shared PluralKit rate limits unreachable in Redis: this process keeps to its share of each budget',
    );
  }

  /** While away, tries Redis again at most every `probeEveryMs`, without making any request wait for it. */
  #probe(): void {
    if (this.#probing || Date.now() < this.#nextProbeAt || !this.#redis.isReady) return;
    this.#probing = true;
    void this.#resume()
      .catch(() => (this.#nextProbeAt = Date.now() + this.#probeEveryMs))
      .finally(() => (this.#probing = false));
  }

  /** Hands the buckets used meanwhile back to Redis as spent (no burst at once), then shares again. */
  async #resume(): Promise<void> {
    await bounded(this.#redis.ping(), this.#timeoutMs);
    for (const lane of this.#local.keys()) {
      if (lane !== GateKey) await this.#run('hold', lane, 0);
    }
    this.#graceUntil = Date.now() + this.#probeEveryMs + 2 * this.#timeoutMs;
    this.#away = false;
    this.#log.info('shared PluralKit rate limits reachable in Redis again');
  }
}
