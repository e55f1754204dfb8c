/**
 * Gathers bursts per key: the first call for a key starts a window of `windowMs`; calls inside it join it; when
 * it ends, `run` runs once. A call while that run is under way opens one more window after it, so the last
 * event of a burst is always followed by a read, and a steady flood costs one run per window.
 */
export class Coalescer {
  readonly #waiting = new Map<string, () => Promise<void>>();
  readonly #running = new Set<string>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(private readonly windowMs: number) {}

  /** Runs `run` for `key` at the end of the current window (the latest `run` given wins). */
  schedule(key: string, run: () => Promise<void>): void {
    if (this.#closed) return;
    const waiting = this.#waiting.has(key);
    this.#waiting.set(key, run);
    if (!waiting && !this.#running.has(key)) this.#arm(key);
  }

  /** Drops what is waiting; runs under way finish on their own. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#waiting.clear();
  }

  #arm(key: string): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#fire(key);
    }, this.windowMs);
    this.#timers.add(timer);
  }

  async #fire(key: string): Promise<void> {
    const run = this.#waiting.get(key);
    this.#waiting.delete(key);
    if (run === undefined) return;
    this.#running.add(key);
    try {
      await run();
    } finally {
      this.#running.delete(key);
      if (this.#waiting.has(key) && !this.#closed) this.#arm(key);
    }
  }
}
