/** A queued job: lower `priority` runs first, then lower `seq` (arrival order). */
export interface QueuedJob {
  readonly priority: number;
  readonly seq: number;
  /** Starts the job; called once, when its budget releases it. Settles (never rejects) when it is answered. */
  readonly start: () => Promise<void>;
}

/**
 * The waiting jobs of one budget, in the order they are to leave: by priority, then arrival.
 * Priorities are a handful of small integers, so one FIFO per priority
 * keeps ordering cheap however deep the queue gets.
 */
export class JobQueue {
  readonly #lanes = new Map<number, QueuedJob[]>();
  /** Priorities that have a lane, lowest first. */
  #order: number[] = [];
  #size = 0;

  /** How many jobs wait. */
  get size(): number {
    return this.#size;
  }

  /** The job that leaves next, if any. */
  peek(): QueuedJob | undefined {
    const first = this.#order[0];
    return first === undefined ? undefined : this.#lanes.get(first)?.[0];
  }

  /** Adds a job behind those of its priority. */
  push(job: QueuedJob): void {
    let lane = this.#lanes.get(job.priority);
    if (lane === undefined) {
      this.#lanes.set(job.priority, (lane = []));
      this.#order = [...this.#order, job.priority].sort((a, b) => a - b);
    }
    lane.push(job);
    this.#size += 1;
  }

  /** Removes and returns the job that leaves next. */
  shift(): QueuedJob | undefined {
    const first = this.#order[0];
    if (first === undefined) return undefined;
    const lane = this.#lanes.get(first)!;
    const job = lane.shift();
    if (lane.length === 0) {
      this.#lanes.delete(first);
      this.#order = this.#order.slice(1);
    }
    this.#size -= 1;
    return job;
  }
}
