/** Thrown when a wait ends without its condition coming true. */
export class StandInTimeoutError extends Error {
  override name = 'StandInTimeoutError';
}

interface Waiter {
  check(): boolean;
  fail(error: Error): void;
}

/** How often pending checks also run on their own, for conditions on state the stand-in cannot see change. */
const POLL_MS = 20;

/**
 * Lets tests wait for a condition. Every stand-in state change calls `notify()`, which re-runs the pending
 * checks at once; a slow poll covers conditions on the bot's side (errors it caught, heartbeats counted).
 */
export class ChangeSignal {
  readonly #waiters = new Set<Waiter>();

  /** Re-evaluates every pending wait. */
  notify(): void {
    for (const waiter of this.#waiters) waiter.check();
  }

  /**
   * Resolves with `probe()`'s first non-undefined result. Rejects after `timeoutMs` with `describe()`'s text,
   * which should say what was seen instead, so a failing test explains itself.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          this.#done(waiter, timer, poll);
          resolve(value);
          return true;
        },
        fail: (error) => {
          this.#done(waiter, timer, poll);
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new StandInTimeoutError(describe())), timeoutMs);
      const poll = setInterval(() => waiter.check(), POLL_MS);
      timer.unref();
      poll.unref();
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Rejects every pending wait (used by `close()`). */
  cancelAll(reason: string): void {
    for (const waiter of [...this.#waiters]) waiter.fail(new StandInTimeoutError(reason));
  }

  #done(waiter: Waiter, timer: NodeJS.Timeout | undefined, poll: NodeJS.Timeout | undefined): void {
    clearTimeout(timer);
    clearInterval(poll);
    this.#waiters.delete(waiter);
  }
}
