import Bottleneck from 'bottleneck';
import type { LearnedRate, RateModel, Turn } from './rate-model.js';

/**
 * The local queue in front of the rate model: one Bottleneck per lane, used as a plain priority queue
 * (interactive before background, then arrival order) with one request at a time waiting for its turn.
 * A lane is a bucket key, or the one lane of every bucket the model paces together (no limit known yet).
 * Bottleneck's reservoir and heartbeat are not used, so an idle queue holds no timer; the only timer is
 * the wait the rate model asked for, armed while a request waits for it and not `unref`'d, so a script
 * awaiting queued requests does not exit early. A lane is dropped as soon as it is empty.
 */

/** Priorities: lower runs first; a retried request goes ahead of its own class. */
export const Priorities = { interactive: 3, background: 6 } as const;
/** How a call is queued: interactive before background. */
export type Priority = keyof typeof Priorities;

/** What the queue and the rate model hold right now, for tests and operators. */
export interface LimiterState {
  /** Buckets the rate model holds. */
  budgets: number;
  /** Requests waiting for their turn. */
  queued: number;
  /** Wait timers armed: 0 when nothing waits. */
  timers: number;
  /** Per bucket with requests waiting: its key, its current rate and how many wait. */
  waiting: { name: string; rate: number; queued: number }[];
}

interface Lane {
  readonly bottleneck: Bottleneck;
  /** Requests of this lane not yet granted, yielded ones included. */
  waiting: number;
  /** Queued (not yet started) requests per priority. */
  readonly queuedAt: number[];
  /** Called when Bottleneck has queued the job of that id. */
  readonly onQueued: Map<string, () => void>;
  /** The request waiting for the rate model right now, and how to make it give way. */
  sleeper: { readonly priority: number; readonly giveWay: () => void } | undefined;
}

interface Request {
  readonly key: string;
  readonly laneKey: string;
  readonly lane: Lane;
  readonly resolve: (turn: Turn) => void;
  readonly reject: (error: Error) => void;
}

let nextJobId = 0;

/** A request that gave way keeps its place ahead of later ones of its class, as a retry does. */
const afterGivingWay = (priority: number): number =>
  Math.min(priority, (priority <= Priorities.interactive ? Priorities.interactive : Priorities.background) - 1);

/** See the module comment. */
export class RequestQueue {
  readonly #model: RateModel;
  readonly #lanes = new Map<string, Lane>();
  /** Settled whenever the model learned something: waits for an answer end, others are asked again. */
  #changed = signal();
  #timers = 0;
  #closed = false;

  constructor(model: RateModel) {
    this.#model = model;
  }

  /** Waits, behind the requests of higher priority for `key`, until the rate model grants a send. */
  turn(key: string, priority: number): Promise<Turn> {
    const laneKey = this.#model.pacedWith(key);
    const lane = this.#lane(laneKey);
    lane.waiting += 1;
    return new Promise<Turn>(
      (resolve, reject) => void this.#enqueue({ key, laneKey, lane, resolve, reject }, priority),
    );
  }

  /**
   * Queues `request` in Bottleneck. Its job ends as soon as the send may leave, so the next request starts
   * waiting while this one is in flight. One that must wait and is outranked gives way: it leaves the job
   * and queues again, so a request of higher priority never waits behind it.
   */
  #enqueue(request: Request, priority: number): Promise<void> {
    const { lane } = request;
    const id = String(nextJobId++);
    lane.queuedAt[priority] = (lane.queuedAt[priority] ?? 0) + 1;
    if (lane.sleeper !== undefined && lane.sleeper.priority > priority) lane.sleeper.giveWay();
    const job = async (): Promise<void> => {
      lane.queuedAt[priority]! -= 1;
      const turn = await this.#untilGranted(request, priority);
      // Its slot is freed only once it is queued again, so nothing queued after it can take its place.
      if (turn === undefined) return this.#enqueue(request, afterGivingWay(priority));
      this.#leave(request);
      request.resolve(turn);
    };
    const queued = new Promise<void>((resolve) => lane.onQueued.set(id, resolve));
    lane.bottleneck.schedule({ priority, id }, job).catch((error: unknown) => {
      this.#leave(request);
      // Requests abandoned at shutdown stay pending, as nothing is left to answer them.
      if (!this.#closed) request.reject(error instanceof Error ? error : new Error(String(error)));
    });
    return queued;
  }

  #leave({ laneKey, lane }: Request): void {
    lane.waiting -= 1;
    if (lane.waiting === 0 && this.#lanes.get(laneKey) === lane) this.#lanes.delete(laneKey);
  }

  /** The answer to `turn` arrived (or the send failed): teach the model, and let waiting requests ask again. */
  async answered(turn: Turn, learned?: LearnedRate): Promise<void> {
    await this.#model.answered(turn, learned);
    this.#wake();
  }

  /** PluralKit answered `turn` 429: the model holds its bucket back; resolves with the pause. */
  async rateLimited(turn: Turn, retryAfterMs: number | undefined): Promise<number> {
    const pause = await this.#model.onRateLimited(turn, retryAfterMs);
    this.#wake();
    return pause;
  }

  /** What is waiting right now. */
  state(): LimiterState {
    const waiting = [...this.#lanes].map(([name, lane]) => ({
      name,
      rate: this.#model.rateOf(name),
      queued: lane.waiting,
    }));
    return {
      budgets: this.#model.size,
      queued: waiting.reduce((sum, lane) => sum + lane.queued, 0),
      timers: this.#timers,
      waiting,
    };
  }

  /** Abandons queued requests (they never settle) and ends every wait; call only when shutting down. */
  async close(): Promise<void> {
    this.#closed = true;
    const lanes = [...this.#lanes.values()];
    this.#lanes.clear();
    this.#wake();
    await Promise.all(
      lanes.map((lane) =>
        lane.bottleneck.stop({ dropWaitingJobs: true, dropErrorMessage: 'The PluralKit client was closed' }),
      ),
    );
  }

  #lane(key: string): Lane {
    let lane = this.#lanes.get(key);
    if (lane === undefined) {
      const onQueued = new Map<string, () => void>();
      const bottleneck = new Bottleneck({ maxConcurrent: 1 });
      bottleneck.on('queued', ({ options }: { options: { id: string } }) => {
        onQueued.get(options.id)?.();
        onQueued.delete(options.id);
      });
      lane = { bottleneck, waiting: 0, queuedAt: [], onQueued, sleeper: undefined };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** Asks the model until it grants a send; `undefined` when it must wait and a request of higher priority is queued. */
  async #untilGranted({ key, lane }: Request, priority: number): Promise<Turn | undefined> {
    for (;;) {
      const reservation = await this.#model.reserve(key);
      if (reservation.turn !== undefined) return reservation.turn;
      if (lane.queuedAt.slice(0, priority).some((count) => count > 0)) return undefined;
      await this.#sleep(reservation.waitMs, lane, priority);
    }
  }

  /** Waits `ms`, until the model learns something, or until outranked; `Infinity` waits for the latter two. */
  async #sleep(ms: number, lane: Lane, priority: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let giveWay: () => void = () => undefined;
    const waits = [this.#changed.promise, new Promise<void>((resolve) => (giveWay = resolve))];
    if (ms !== Infinity) waits.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.ceil(ms)))));
    lane.sleeper = { priority, giveWay };
    if (timer !== undefined) this.#timers += 1;
    try {
      await Promise.race(waits);
    } finally {
      if (timer !== undefined) this.#timers -= 1;
      clearTimeout(timer);
      lane.sleeper = undefined;
    }
  }

  #wake(): void {
    const changed = this.#changed;
    this.#changed = signal();
    changed.resolve();
  }
}

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
