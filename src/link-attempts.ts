/** How many `/link` attempts one user may make before waiting, and how much the tally may hold. */
export interface LinkAttemptPolicy {
  /** Attempts that reach PluralKit, per user, within `windowMs`. */
  readonly max: number;
  readonly windowMs: number;
  /** Users tracked at once; the one tracked longest is dropped first, so the tally stays bounded. */
  readonly maxUsers: number;
}

/** Five tries in ten minutes: room for typos, none for guessing tokens. */
export const DefaultLinkAttemptPolicy: LinkAttemptPolicy = { max: 5, windowMs: 10 * 60_000, maxUsers: 10_000 };

/**
 * Per-user tally of `/link` attempts, so one user's bad attempts are refused before they reach PluralKit
 * and never queue ahead of another user's link. In memory only: a restart forgives everyone.
 */
export class LinkAttempts {
  readonly #byUser = new Map<string, number[]>();

  constructor(
    private readonly policy: LinkAttemptPolicy = DefaultLinkAttemptPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts an attempt by `userId`.
   * @returns 0 when it may go ahead, otherwise how many ms until the oldest attempt leaves the window.
   */
  take(userId: string): number {
    const now = this.now();
    const recent = (this.#byUser.get(userId) ?? []).filter((at) => now - at < this.policy.windowMs);
    this.#byUser.delete(userId);
    if (recent.length >= this.policy.max) {
      this.#byUser.set(userId, recent);
      return this.policy.windowMs - (now - (recent[0] ?? now));
    }
    recent.push(now);
    this.#byUser.set(userId, recent);
    if (this.#byUser.size > this.policy.maxUsers) {
      const oldest = this.#byUser.keys().next();
      if (oldest.done !== true) this.#byUser.delete(oldest.value);
    }
    return 0;
  }

  /** Forgets `userId`'s attempts (after a successful link). */
  clear(userId: string): void {
    this.#byUser.delete(userId);
  }
}

/** A wait in words: "40 seconds", "7 minutes". */
export function describeWait(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
