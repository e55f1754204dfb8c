import type { Accounts } from '../accounts.js';
import type { Logger } from '../log.js';
import type { LiveEvents } from './live-events.js';
import type { PollClaim } from './poll-claim.js';
import type { LivePolls } from './polls.js';

/** What {@link LivePoller} needs. */
export interface LivePollerOptions {
  readonly polls: LivePolls;
  readonly accounts: Accounts;
  readonly events: Pick<LiveEvents, 'settle'>;
  readonly claim: PollClaim;
  readonly log: Logger;
  /** How often each opted-in system's front is read, at most (a round takes longer when it holds more). */
  readonly intervalMs: number;
  /** The share of the PluralKit rate polling may use, e.g. 0.1. */
  readonly share: number;
  /** The PluralKit rate the whole deployment has, in requests a second. */
  readonly ratePerSecond: number;
  /** Processes that poll side by side; each takes its part of the share. */
  readonly processes: number;
}

/** Reads per poll: {@link LiveEvents.settle} reads the fronters and the system. */
const ReadsPerPoll = 2;

/**
 * Reads the front of every system that opted into polling, once per interval, through
 * {@link LiveEvents.settle} (background priority, a change published once). Polls are spaced so they never use
 * more than `share` of the PluralKit rate, whatever else is waiting: `ReadsPerPoll / (share × rate / processes)`
 * seconds apart. A round with more systems than fit in an interval just takes longer.
 */
export class LivePoller {
  /** The time between two polls of this process. */
  readonly gapMs: number;
  #nextPollAt = 0;
  #stopped = false;
  #running: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(private readonly options: LivePollerOptions) {
    const perProcess = (options.share * options.ratePerSecond) / options.processes;
    this.gapMs = (ReadsPerPoll * 1000) / perProcess;
  }

  /** Starts polling in the background (once). */
  start(): void {
    this.#running ??= this.#run();
  }

  /** Stops polling: the poll under way finishes, no timer is left. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#running;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const startedAt = Date.now();
      try {
        await this.#round();
      } catch (error) {
        this.options.log.warn({ err: { message: (error as Error).message } }, 'a polling round failed');
      }
      await this.#sleep(startedAt + this.options.intervalMs - Date.now());
    }
  }

  async #round(): Promise<void> {
    const { polls } = this.options;
    const userIds = await polls.userIds();
    // A system polled by another process must not be polled again before this process's round comes back.
    const claimMs = Math.max(this.options.intervalMs, userIds.length * this.gapMs);
    let polled = 0;
    for (const userId of userIds) {
      if (this.#stopped) return;
      if (await this.#poll(userId, claimMs)) polled += 1;
    }
    this.options.log.debug({ systems: userIds.length, polled }, 'polling round done');
  }

  /** Polls the user's front unless another process has it this round. @returns whether it was read. */
  async #poll(userId: string, claimMs: number): Promise<boolean> {
    const { polls, accounts, claim, log } = this.options;
    const account = await accounts.find(userId);
    if (account === undefined) {
      // Unlinked: there is no token to read with, and the user's choice went with the link.
      await polls.disable(userId);
      return false;
    }
    if (!(await claim.claim(account.systemUuid, claimMs))) return false;
    await this.#sleep(this.#nextPollAt - Date.now());
    if (this.#stopped) return false;
    try {
      await this.options.events.settle({ userId, systemUuid: account.systemUuid }, { polled: true });
      await polls.markPolled(userId, new Date());
      return true;
    } catch (error) {
      log.warn({ err: { message: (error as Error).message }, user: userId }, 'could not poll a front');
      return false;
    } finally {
      // Counted from the end of this poll: however long its reads waited, the next ones keep the gap.
      this.#nextPollAt = Date.now() + this.gapMs;
    }
  }

  /** Waits `ms`, or until {@link stop}. */
  async #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#stopped) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
    this.#wake = undefined;
  }
}
