import type { Logger } from '../log.js';
import type { Responder } from './responder.js';

/** Shortest time between two edits of a progress line, so a fast load doesn't flood Discord with edits. */
export const ProgressEditIntervalMs = 1000;

/**
 * A one-line progress message in place of a slow answer ("Loading switches… 300 so far"), through the
 * responder's own edit path. `show` sends the first line; each `update` edits it, at most one edit per
 * call and one per {@link ProgressEditIntervalMs} (the first update always shows, so a short load still
 * says how far it got). An edit that fails is logged and skipped: progress is never worth failing the answer.
 */
export class ProgressLine {
  #lastEditAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly respond: Responder,
    readonly log: Logger,
    readonly clock: () => number = () => performance.now(),
  ) {}

  /** Shows the first line (the interaction's first response when nothing was sent yet). */
  async show(content: string): Promise<void> {
    await this.respond.progress({ content, embeds: [], components: [] });
  }

  /** Edits the line to `content`, unless the last edit was under {@link ProgressEditIntervalMs} ago. */
  async update(content: string): Promise<void> {
    const now = this.clock();
    if (now - this.#lastEditAt < ProgressEditIntervalMs) return;
    this.#lastEditAt = now;
    try {
      await this.respond.progress({ content });
    } catch (error) {
      this.log.warn({ err: error }, 'progress edit failed; the answer will still replace it');
    }
  }
}
