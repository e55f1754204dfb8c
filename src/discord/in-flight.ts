import { setTimeout as sleep } from 'node:timers/promises';

/** What {@link InFlight.drain} did, for the shutdown log line. */
export interface DrainResult {
  /** Pieces of work that finished by themselves within the grace period. */
  readonly finished: number;
  /** Pieces of work still running at the deadline, whose user was told the bot restarted. */
  readonly answered: number;
}

interface Running {
  readonly done: Promise<void>;
  readonly answerUnfinished: () => Promise<void>;
}

/** At most this share of the grace period is kept back for telling users about unfinished work. */
const AnswerReserveShare = 0.2;
const MaxAnswerReserveMs = 2_000;

/**
 * The work the bot is doing for users right now (interactions, direct messages), so a shutdown can finish it
 * instead of dropping it: once {@link drain} starts, new work is turned away, running work gets the grace
 * period to finish, and whatever is still running then is answered before the client closes.
 */
export class InFlight {
  readonly #running = new Set<Running>();
  #draining = false;

  /** True once a shutdown began: new work should be answered with "restarting" instead of being done. */
  get draining(): boolean {
    return this.#draining;
  }

  /** How much work is running. */
  get size(): number {
    return this.#running.size;
  }

  /**
   * Runs `work` (which must not reject: it is the whole job, error answer included) as tracked work. `answerUnfinished` tells its user that the bot restarted before it finished;
   * it is called only if the work is still running at the shutdown deadline. Never rejects.
   */
  async run(work: () => Promise<void>, answerUnfinished: () => Promise<void> = () => Promise.resolve()): Promise<void> {
    const done = work().catch(() => undefined);
    const entry: Running = { done, answerUnfinished };
    this.#running.add(entry);
    try {
      await done;
    } finally {
      this.#running.delete(entry);
    }
  }

  /**
   * Stops taking work and waits for the running work, at most `graceMs` in all: most of it for the work itself,
   * the rest (up to 2 s) to answer what did not finish. Resolves once everything finished or was answered.
   */
  async drain(graceMs: number): Promise<DrainResult> {
    this.#draining = true;
    const reserveMs = Math.min(MaxAnswerReserveMs, graceMs * AnswerReserveShare);
    const before = this.#running.size;
    await settleWithin(
      [...this.#running].map((entry) => entry.done),
      graceMs - reserveMs,
    );
    const unfinished = [...this.#running];
    await settleWithin(
      unfinished.map((entry) => entry.answerUnfinished().catch(() => undefined)),
      reserveMs,
    );
    return { finished: before - unfinished.length, answered: unfinished.length };
  }
}

/** Waits for every promise, or `ms`, whichever comes first. */
async function settleWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  if (promises.length === 0) return;
  const controller = new AbortController();
  const deadline = sleep(Math.max(0, ms), undefined, { signal: controller.signal }).catch(() => undefined);
  await Promise.race([Promise.allSettled(promises), deadline]);
  controller.abort();
}
