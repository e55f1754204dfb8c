/**
 * A Map that keeps at most `capacity` entries: setting a new key past it forgets the least recently
 * set or read one, and tells `onEvict`, so indexes built on top can follow.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    readonly capacity: number,
    private readonly onEvict: (key: K, value: V) => void = () => undefined,
  ) {}

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Whether `key` is held (does not count as a use). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Sets `key`, evicting the least recently used entry when full; a value it replaces goes to `onEvict` too. */
  set(key: K, value: V): void {
    const previous = this.#entries.get(key);
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (previous !== undefined && previous !== value) this.onEvict(key, previous);
    if (this.#entries.size > this.capacity) {
      const [oldest, evicted] = this.#entries.entries().next().value as [K, V];
      this.#entries.delete(oldest);
      this.onEvict(oldest, evicted);
    }
  }
}
