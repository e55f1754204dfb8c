import type { Logger } from '../log.js';
import type { FrontChange, FrontChangeListener } from './front-change.js';

/**
 * Where front changes go: the live-event pipeline publishes each settled change here once, and every feature
 * that follows the front listens. Listeners run side by side; one that fails is logged and the rest still run.
 */
export class FrontChanges {
  readonly #listeners: FrontChangeListener[] = [];

  constructor(private readonly log: Logger) {}

  /** Adds a listener for every later change. */
  add(listener: FrontChangeListener): void {
    this.#listeners.push(listener);
  }

  /** The names of the listeners, in the order they were added. */
  get names(): readonly string[] {
    return this.#listeners.map((listener) => listener.name);
  }

  /** Hands `change` to every listener; resolves when all have finished. Never rejects. */
  async publish(change: FrontChange): Promise<void> {
    await Promise.all(
      this.#listeners.map(async (listener) => {
        try {
          await listener.onFrontChange(change);
        } catch (error) {
          this.log.error(
            { err: error, listener: listener.name, system: change.system.id },
            'front change listener failed',
          );
        }
      }),
    );
  }
}
