import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { SharedAnswer, SharedReads } from '../pluralkit/shared.js';
import type { TransportSuccess } from '../pluralkit/transport.js';
import type { SharedRedis } from './connection.js';

/** Timings of {@link RedisSingleFlight}. */
export interface SingleFlightOptions {
  /** How long a lock outlives its holder; the holder renews it while it waits. @defaultValue 1000 */
  lockMs?: number | undefined;
  /** The longest a process waits for another's answer before fetching itself. @defaultValue 10000 */
  waitMs?: number | undefined;
  /** How long an answer is kept for the processes waiting on it (the cache TTL). @defaultValue 15000 */
  answerTtlMs?: number | undefined;
  /** How often a waiting process looks for the answer. @defaultValue 15 */
  pollMs?: number | undefined;
  /** A Redis command slower than this counts as Redis being away. @defaultValue 250 */
  commandTimeoutMs?: number | undefined;
}

const prefix = 'pk-companion:flight:';
const renewScript =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
const releaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most one fetch per key in flight across the deployment: `SET lock NX PX` names a holder, which fetches,
 * stores its answer under `answer:<holder>` and releases the lock; the others poll for that answer. A dead
 * holder's lock expires within `lockMs` and the next process takes it; past `waitMs` a waiter fetches itself.
 * Only answers, never errors, are shared. While Redis is away every process fetches for itself, as it would
 * alone (one warning per outage).
 */
export class RedisSingleFlight implements SharedReads {
  readonly #o: Record<keyof SingleFlightOptions, number>;
  #warned = false;

  constructor(
    private readonly redis: SharedRedis,
    private readonly log: Logger,
    options: SingleFlightOptions = {},
  ) {
    this.#o = {
      lockMs: options.lockMs ?? 1_000,
      waitMs: options.waitMs ?? 10_000,
      answerTtlMs: Math.max(options.answerTtlMs ?? 15_000, 1_000),
      pollMs: options.pollMs ?? 15,
      commandTimeoutMs: options.commandTimeoutMs ?? 250,
    };
  }

  async once(key: string, fetch: () => Promise<TransportSuccess>): Promise<SharedAnswer> {
    const lock = `${prefix}lock:${key}`;
    const deadline = Date.now() + this.#o.waitMs;
    while (Date.now() < deadline) {
      const id = randomUUID();
      let holder: string | null;
      try {
        const taken = await this.#timed(
          this.redis.set(lock, id, { condition: 'NX', expiration: { type: 'PX', value: this.#o.lockMs } }),
        );
        if (taken !== null) return { response: await this.#hold(lock, id, fetch), startedAt: undefined };
        holder = await this.#timed(this.redis.get(lock));
      } catch {
        this.#away();
        break;
      }
      if (holder !== null) {
        const answer = await this.#await(lock, holder, deadline);
        if (answer !== undefined) return answer;
      }
    }
    return { response: await fetch(), startedAt: undefined };
  }

  /** Fetches while holding the lock, renewing it, then leaves the answer for the waiters. */
  async #hold(lock: string, id: string, fetch: () => Promise<TransportSuccess>): Promise<TransportSuccess> {
    const startedAt = Date.now();
    const renew = setInterval(() => {
      this.redis.eval(renewScript, { keys: [lock], arguments: [id, String(this.#o.lockMs)] }).catch(() => undefined);
    }, this.#o.lockMs / 3);
    try {
      const response = await fetch();
      const stored = JSON.stringify({ startedAt, response });
      await this.#timed(
        this.redis.set(answerKey(id), stored, { expiration: { type: 'PX', value: this.#o.answerTtlMs } }),
      ).catch(() => undefined);
      return response;
    } finally {
      clearInterval(renew);
      this.redis.eval(releaseScript, { keys: [lock], arguments: [id] }).catch(() => undefined);
    }
  }

  /** Polls for `holder`'s answer until it comes, the lock changes hands or vanishes, or the deadline. */
  async #await(lock: string, holder: string, deadline: number): Promise<SharedAnswer | undefined> {
    while (Date.now() < deadline) {
      await sleep(this.#o.pollMs);
      let answer: string | null;
      let current: string | null;
      try {
        [answer = null, current = null] = await this.#timed(this.redis.mGet([answerKey(holder), lock]));
      } catch {
        this.#away();
        return undefined;
      }
      if (answer !== null) return parseAnswer(answer);
      if (current !== holder) return undefined;
    }
    return undefined;
  }

  async #timed<T>(command: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('shared Redis too slow')), this.#o.commandTimeoutMs);
    });
    try {
      const result = await Promise.race([command, timeout]);
      this.#warned = false;
      return result;
    } finally {
      clearTimeout(timer);
      command.catch(() => undefined);
    }
  }

  #away(): void {
    if (this.#warned) return;
    this.#warned = true;
    this.log.warn('shared Redis unreachable: identical public reads are shared within this process only');
  }
}

const answerKey = (holder: string): string => `${prefix}answer:${holder}`;

/** A stored answer, or `undefined` when it is not one (then the waiter fetches itself). */
function parseAnswer(text: string): SharedAnswer | undefined {
  try {
    const { startedAt, response } = JSON.parse(text) as { startedAt: unknown; response: Partial<TransportSuccess> };
    if (typeof startedAt !== 'number' || typeof response.status !== 'number') return undefined;
    return {
      startedAt,
      response: { ok: true, status: response.status, body: response.body, json: response.json === true },
    };
  } catch {
    return undefined;
  }
}
