import type Bottleneck from 'bottleneck';
import type { LimiterFactory } from './limiter-factory.js';
import type { RateHeaders } from './transport.js';

/**
 * One rate-limit budget: a Bottleneck limiter whose reservoir models PluralKit's bucket.
 *
 * - Until PluralKit advertises a limit, the budget runs at the starting rate with no burst, and every
 *   request it releases must also pass the shared `gate` (one budget for the whole process), because a
 *   server without headers may count everything together, as PluralKit's documented 2 req/s per IP did.
 * - Once `X-RateLimit-Limit: R` arrives, it is GCRA with burst R: the reservoir refills at R/s and holds
 *   at most R − 1, one under the burst, since PluralKit spends the last slot AND answers it 429.
 *   `X-RateLimit-Remaining` only ever lowers the reservoir (other apps may share the bucket).
 * - A 429 pauses the whole budget and empties the reservoir, so queued requests don't follow it in, and
 *   for a second after the pause its sends are spaced one emission interval apart.
 */

/** Bottleneck priorities: lower runs first; a retried request goes ahead of its own class. */
export const Priorities = { interactive: 3, background: 6 } as const;
/** How a call is queued: interactive before background. */
export type Priority = keyof typeof Priorities;

/**
 * Bottleneck only refills on a heartbeat; refilling `k` slots every `k` emission intervals keeps the
 * average rate while letting a coarse heartbeat keep up with fast test rates. Late ticks only slow us.
 */
const HeartbeatMs = 25;

/**
 * Before PluralKit advertises a limit the server may count in fixed one-second windows. Sends spaced
 * exactly 1000/rate apart leave no slack there: one sent just before a window ends that arrives just after
 * makes the next window one over. 2 % slower leaves room for that jitter.
 */
const HeaderlessMargin = 1.02;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** See the module comment. */
export class Budget {
  readonly key: string;
  readonly #limiter: Bottleneck;
  readonly #gate: Budget | undefined;
  #rate: number;
  #advertised: number | undefined;
  #pausedUntil = 0;
  /** GCRA theoretical arrival time of our own sends (epoch ms); it gates sends once PluralKit advertised a limit. */
  #tat = 0;
  /** The end of the previous job's wait to send; see `#execute`. */
  #sendTurn: Promise<void> = Promise.resolve();
  #lastSend = 0;
  #spacingMs: number;
  /** After a 429, sends are spaced one emission interval apart until then, so refilled slots don't leave together. */
  #pacedUntil = 0;
  #inFlight = 0;
  #waitingAtGate = 0;
  #pending = 0;
  #lastUsed = Date.now();
  /** Settings changes are applied one at a time, in order. */
  #adjusting: Promise<void> = Promise.resolve();

  constructor(key: string, startRate: number, factory: LimiterFactory, gate?: Budget) {
    this.key = key;
    this.#rate = startRate;
    this.#gate = gate;
    const interval = 1000 / startRate;
    this.#spacingMs = Math.ceil(interval * HeaderlessMargin);
    this.#limiter = factory(key, {
      minTime: Math.ceil(interval),
      reservoir: 1,
      reservoirIncreaseAmount: 1,
      reservoirIncreaseInterval: Math.ceil(interval),
      reservoirIncreaseMaximum: 1,
      heartbeatInterval: HeartbeatMs,
    });
  }

  /** Requests per second this budget currently allows. */
  get rate(): number {
    return this.#rate;
  }

  /** The limit PluralKit advertised for this budget, once it has. */
  get advertised(): number | undefined {
    return this.#advertised;
  }

  /** Nothing queued or running, and unused since `since` (epoch ms). */
  idleSince(since: number): boolean {
    return this.#pending === 0 && this.#lastUsed < since;
  }

  /** Runs `task` when the budget (and, before PluralKit advertised a limit, the gate) allows. */
  async schedule<T>(priority: number, task: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    this.#lastUsed = Date.now();
    try {
      return await this.#limiter.schedule({ priority }, () => this.#release(priority, task));
    } finally {
      this.#pending -= 1;
      this.#lastUsed = Date.now();
    }
  }

  /** Follows PluralKit's headers for this budget. `carrying`: the answered request went through it. */
  follow(rate: RateHeaders, carrying: boolean): void {
    const othersUnseen = Math.max(0, this.#inFlight - (carrying ? 1 : 0)) + this.#waitingAtGate;
    const burst = Math.max(1, rate.limit - 1);
    // Remaining r allows r − 1 more: PluralKit refuses unless the remaining AFTER a request is at least 1.
    const target = Math.min(burst, Math.max(0, rate.remaining - 1 - othersUnseen));
    if (this.#advertised !== rate.limit) {
      this.#advertised = rate.limit;
      this.#rate = rate.limit;
      const interval = 1000 / rate.limit;
      this.#spacingMs = Math.ceil(interval);
      const step = Math.max(1, Math.ceil((2 * HeartbeatMs) / interval));
      this.#adjust(() =>
        updateSettings(this.#limiter, {
          minTime: 0,
          reservoir: target,
          reservoirIncreaseAmount: step,
          reservoirIncreaseInterval: Math.ceil(step * interval),
          reservoirIncreaseMaximum: burst,
        }),
      );
    } else {
      this.#lowerReservoirTo(target);
    }
  }

  /** After a 429: pause this budget (and the gate, if it was pacing us) and empty the reservoir. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms);
    // A GCRA bucket is whole again one second after its last refusal; pace sends until then.
    this.#pacedUntil = Math.max(this.#pacedUntil, this.#pausedUntil + 1000);
    this.#lowerReservoirTo(0);
    if (this.#advertised === undefined) this.#gate?.pause(ms);
  }

  /** Stops the limiter's timers. Queued work is abandoned; call only when shutting down. */
  async stop(): Promise<void> {
    await this.#adjusting;
    await this.#limiter.disconnect(false);
  }

  async #release<T>(priority: number, task: () => Promise<T>): Promise<T> {
    const gate = this.#gate;
    if (gate === undefined || this.#advertised !== undefined) return this.#execute(task, undefined);
    this.#waitingAtGate += 1;
    let admitted = false;
    try {
      return await gate.#limiter.schedule({ priority }, () => {
        admitted = true;
        this.#waitingAtGate -= 1;
        return this.#execute(task, gate);
      });
    } finally {
      if (!admitted) this.#waitingAtGate -= 1;
    }
  }

  /**
   * Sends once neither this budget nor the gate pacing it is paused, and, before PluralKit advertised a
   * limit, one emission interval after the previous send: jobs released while paused must not leave
   * together when the pause ends.
   */
  async #execute<T>(task: () => Promise<T>, gate: Budget | undefined): Promise<T> {
    // Counted from release, not from sending: a request waiting here will still spend a slot upstream.
    this.#inFlight += 1;
    try {
      // Released jobs take their turn to send one at a time, in release (priority) order: jobs that piled
      // up during a pause would otherwise leave in whatever order their timers fire.
      const turn = this.#sendTurn.then(() => this.#waitToSend(gate));
      this.#sendTurn = turn;
      await turn;
      return await task();
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #waitToSend(gate: Budget | undefined): Promise<void> {
    for (let at = this.#readyAt(gate); at > Date.now(); at = this.#readyAt(gate)) await sleep(at - Date.now());
    this.#lastSend = Date.now();
    if (gate !== undefined) gate.#lastSend = this.#lastSend;
    // Counted from the first send, before any limit is known: that send is in PluralKit's bucket too.
    this.#tat = Math.max(this.#tat, this.#lastSend) + 1000 / (this.#advertised ?? this.#rate);
  }

  #readyAt(gate: Budget | undefined): number {
    const paced = this.#advertised === undefined || Date.now() < this.#pacedUntil;
    const own = Math.max(this.#pausedUntil, paced ? this.#lastSend + this.#spacingMs : 0, this.#gcraReadyAt());
    return gate === undefined ? own : Math.max(own, gate.#readyAt(undefined));
  }

  /**
   * When the server's own GCRA (rate R, burst R) would accept our next send, counting only our sends and a
   * burst of R − 1. The reservoir alone refills on a free-running timer that can run ahead of the
   * server's bucket; this keeps sends exactly in step with it.
   */
  #gcraReadyAt(): number {
    if (this.#advertised === undefined) return 0;
    const interval = 1000 / this.#advertised;
    return this.#tat - (Math.max(1, this.#advertised - 1) - 1) * interval;
  }

  #lowerReservoirTo(target: number): void {
    this.#adjust(async () => {
      const current = await this.#limiter.currentReservoir();
      if (current !== null && current > target) await this.#limiter.incrementReservoir(target - current);
    });
  }

  #adjust(change: () => Promise<unknown>): void {
    // A failed adjustment (a closed Redis connection, say) must not break the chain or go unhandled.
    this.#adjusting = this.#adjusting.then(change).then(
      () => undefined,
      () => undefined,
    );
  }
}

/**
 * `updateSettings()` on an in-process Bottleneck limiter silently stops its reservoir heartbeat for good
 * (https://github.com/SGrondin/bottleneck/issues/185, unfixed in 2.19.5), so restart it. The Redis
 * datastore refills inside its scripts and is not affected.
 */
async function updateSettings(limiter: Bottleneck, settings: Bottleneck.ConstructorOptions): Promise<void> {
  // Typed as returning the limiter, but it returns a promise settled once the store has the settings.
  await (limiter.updateSettings(settings) as unknown as Promise<unknown>);
  const store = (limiter as unknown as { _store?: LocalStoreInternals })._store;
  if (store !== undefined && typeof store._startHeartbeat === 'function') {
    clearInterval(store.heartbeat ?? undefined);
    store.heartbeat = null;
    // Count the new interval from now, or the first refill would land on top of the reservoir just set.
    store._lastReservoirIncrease = Date.now();
    store._startHeartbeat();
  }
}

interface LocalStoreInternals {
  heartbeat?: ReturnType<typeof setInterval> | null;
  _lastReservoirIncrease?: number;
  _startHeartbeat?: () => void;
}
