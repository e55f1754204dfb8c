/** Thrown when a wait ends without its condition coming true. */
export class StandInTimeoutError extends Error {
  override name = 'StandInTimeoutError';
}

interface Waiter {
  check(): boolean;
  fail(error: Error): void;
}

/**
 * Lets tests wait for a condition on stand-in state. Every state change calls `notify()`, which re-runs the
 * pending checks; there is no polling, so waits end as soon as the condition holds.
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
          this.#done(waiter, timer);
          resolve(value);
          return true;
        },
        fail: (error) => {
          this.#done(waiter, timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new StandInTimeoutError(describe())), timeoutMs);
      timer.unref();
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Rejects every pending wait (used by `close()`). */
  cancelAll(reason: string): void {
    for (const waiter of [...this.#waiters]) waiter.fail(new StandInTimeoutError(reason));
  }

  #done(waiter: Waiter, timer: NodeJS.Timeout | undefined): void {
    clearTimeout(timer);
    this.#waiters.delete(waiter);
  }
}
