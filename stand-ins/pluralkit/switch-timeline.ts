import type { SwitchRecord } from './records.js';

/** One system's switches, kept sorted oldest → newest so paging and "latest" stay cheap at 10k+ switches. */
export class SwitchTimeline {
  readonly #switches: SwitchRecord[] = [];

  /** Number of switches. */
  get size(): number {
    return this.#switches.length;
  }

  /** The newest switch, if any. */
  latest(): SwitchRecord | undefined {
    return this.#switches[this.#switches.length - 1];
  }

  /** Whether a switch has exactly this timestamp. */
  hasTimestamp(timestamp: number): boolean {
    const index = this.#firstAtOrAfter(timestamp);
    return this.#switches[index]?.timestamp === timestamp;
  }

  /** Inserts a switch at its place in time. */
  insert(sw: SwitchRecord): void {
    const last = this.latest();
    if (last === undefined || last.timestamp < sw.timestamp) {
      this.#switches.push(sw);
      return;
    }
    this.#switches.splice(this.#firstAtOrAfter(sw.timestamp), 0, sw);
  }

  /** Removes a switch (by identity). */
  remove(sw: SwitchRecord): void {
    const index = this.#switches.indexOf(sw);
    if (index >= 0) this.#switches.splice(index, 1);
  }

  /** Up to `limit` switches strictly before `before`, newest first (PluralKit's `GET /switches`). */
  before(before: number, limit: number): SwitchRecord[] {
    const end = this.#firstAtOrAfter(before);
    const start = Math.max(0, end - limit);
    return this.#switches.slice(start, end).reverse();
  }

  /** All switches, oldest first (a copy). */
  all(): SwitchRecord[] {
    return [...this.#switches];
  }

  #firstAtOrAfter(timestamp: number): number {
    let low = 0;
    let high = this.#switches.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#switches[mid]?.timestamp ?? Infinity) < timestamp) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
