import { Budget, type BudgetHost } from './budget.js';
import type { QueuedJob } from './job-queue.js';
import type { RateHeaders } from './transport.js';

/**
 * Picks the budget for each request, the way PluralKit keys its buckets (docs/pluralkit-rate-limits.md):
 * reads and writes apart; requests about the caller's own system in a budget per token
 * (`own:<tokenHash>:read|write`, keyed by a hash, never the token); everything else in ONE shared
 * budget, because PluralKit keys those by IP and every user of the bot shares that IP.
 *
 * One timer for all budgets, armed only while something waits, set for the moment the first waiting
 * request may leave: idle budgets cost nothing, and no heartbeat rounds sends to its tick.
 */

/** Which budget a request spends. `viewer` is the token hash, required when `own`. */
export interface BudgetKey {
  readonly own: boolean;
  readonly viewer: string | undefined;
  readonly write: boolean;
}

/** What the limiter needs from the client options. */
export interface LimiterSettings {
  readonly ratePerSecond: number;
  readonly followRateHeaders: boolean;
}

/** What the limiter holds right now, for tests and operators. */
export interface LimiterState {
  /** Budgets alive (the two shared ones included). */
  budgets: number;
  /** Requests waiting to be sent. */
  queued: number;
  /** Timers armed: 0 when nothing waits, else 1. */
  timers: number;
  /** Per budget with work queued: its name and current rate. */
  waiting: { name: string; rate: number; queued: number }[];
}

/** Idle own budgets kept for their bucket state; beyond this, the longest idle are forgotten. */
export const MaxIdleOwnBudgets = 1000;

/** The budgets of one client. */
export class PluralKitRateLimiter implements BudgetHost {
  readonly #settings: LimiterSettings;
  readonly #gate: Budget;
  readonly #budgets = new Map<string, Budget>();
  /** Own budgets with nothing to do, longest idle first. */
  readonly #idle = new Map<string, Budget>();
  /** Budgets with work queued. */
  readonly #active = new Set<Budget>();
  /** What PluralKit advertised per kind of budget, so a new budget of that kind starts there. */
  readonly #kindLimits = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pumping = false;
  #again = false;

  constructor(settings: LimiterSettings) {
    this.#settings = settings;
    this.#gate = new Budget('gate', settings.ratePerSecond, this);
  }

  /** The budget for `key`, created on first use. */
  budget(key: BudgetKey): Budget {
    const name = budgetName(key);
    let budget = this.#budgets.get(name);
    if (budget === undefined) {
      const now = Date.now();
      this.#forgetIdle(now);
      budget = new Budget(name, this.#settings.ratePerSecond, this, this.#gate);
      const known = this.#kindLimits.get(kindOf(name));
      if (known !== undefined) budget.adopt(known, now);
      this.#budgets.set(name, budget);
    }
    return budget;
  }

  /**
   * Applies rate headers from an answer to a request sent through `sent`. The scope PluralKit names
   * wins over our guess: `own_system_*` → the caller's own budget, `generic_*`/`message` → shared.
   */
  observe(sent: BudgetKey, rate: RateHeaders): void {
    if (!this.#settings.followRateHeaders) return;
    const named = scopeBudget(rate.scope, sent);
    const name = budgetName(named);
    this.#kindLimits.set(kindOf(name), rate.limit);
    const budget = this.budget(named);
    budget.follow(rate, name === budgetName(sent), Date.now());
    this.#settle(budget);
  }

  /** After a 429 on a request sent through `key`: pause that budget. */
  pause(key: BudgetKey, ms: number): void {
    const budget = this.budget(key);
    budget.pause(ms, Date.now());
    this.#settle(budget);
  }

  /** What the limiter holds right now. */
  state(): LimiterState {
    const waiting = [...this.#active].map((b) => ({ name: b.key, rate: b.rate, queued: b.waiting }));
    return {
      budgets: this.#budgets.size,
      queued: waiting.reduce((sum, b) => sum + b.queued, 0),
      timers: this.#timer === undefined ? 0 : 1,
      waiting,
    };
  }

  /** Abandons queued work and stops the timer; call only when shutting down. */
  close(): Promise<void> {
    for (const budget of this.#budgets.values()) budget.drop();
    this.#budgets.clear();
    this.#idle.clear();
    this.#active.clear();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return Promise.resolve();
  }

  /** @internal BudgetHost: look again at what may leave. */
  wake(budget?: Budget): void {
    if (budget !== undefined && budget.waiting > 0) this.#active.add(budget);
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        this.#releaseReady(Date.now());
      } while (this.#again);
    } finally {
      this.#pumping = false;
    }
    this.#arm(Date.now());
  }

  /** @internal BudgetHost: an own budget that never learned a limit holds nothing worth keeping. */
  idle(budget: Budget): void {
    if (!budget.key.startsWith('own:') || this.#budgets.get(budget.key) !== budget) return;
    if (budget.advertised === undefined) this.#budgets.delete(budget.key);
    else {
      this.#idle.delete(budget.key);
      this.#idle.set(budget.key, budget);
    }
    this.#forgetIdle(Date.now());
  }

  #releaseReady(now: number): void {
    for (const budget of this.#active) {
      if (budget.gated) continue;
      while (budget.waiting > 0 && budget.readyAt(now) <= now) budget.release(now);
      if (budget.waiting === 0) this.#active.delete(budget);
    }
    // Budgets paced by the gate share one pace: the most urgent request among them goes first.
    for (;;) {
      let best: Budget | undefined;
      for (const budget of this.#active) {
        if (!budget.gated || budget.readyAt(now) > now) continue;
        if (best === undefined || goesFirst(budget.head()!, best.head()!)) best = budget;
      }
      if (best === undefined) return;
      best.release(now);
      if (best.waiting === 0) this.#active.delete(best);
    }
  }

  /** A budget nothing is using right now is filed as idle (or forgotten), never left behind. */
  #settle(budget: Budget): void {
    if (!budget.busy) this.idle(budget);
  }

  #arm(now: number): void {
    let next = Infinity;
    for (const budget of this.#active) next = Math.min(next, budget.readyAt(now));
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (next === Infinity) return;
    // Not unref'd: a script awaiting queued requests must not exit before they are sent.
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.wake();
    }, Math.max(0, Math.ceil(next - now)));
  }

  /** Drops idle own budgets whose bucket is whole again, and the longest idle beyond the cap. */
  #forgetIdle(now: number): void {
    for (const [name, budget] of this.#idle) {
      if (budget.busy) {
        this.#idle.delete(name);
        continue;
      }
      if (!budget.forgettable(now) && this.#idle.size <= MaxIdleOwnBudgets) return;
      this.#idle.delete(name);
      if (this.#budgets.get(name) === budget) this.#budgets.delete(name);
    }
  }
}

const goesFirst = (a: QueuedJob, b: QueuedJob): boolean => a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);

/** `own:<tokenHash>:read`, `shared:write`... */
export function budgetName(key: BudgetKey): string {
  const kind = key.write ? 'write' : 'read';
  return key.own && key.viewer !== undefined ? `own:${key.viewer}:${kind}` : `shared:${kind}`;
}

/** `own:read`, `shared:write`...: budgets of one kind share PluralKit's advertised limit. */
function kindOf(name: string): string {
  return `${name.split(':')[0]}:${name.endsWith(':write') ? 'write' : 'read'}`;
}

function scopeBudget(scope: string, sent: BudgetKey): BudgetKey {
  const write = scope.endsWith('_update') ? true : scope.endsWith('_get') || scope === 'message' ? false : sent.write;
  if (scope.startsWith('own_system_')) return { own: sent.viewer !== undefined, viewer: sent.viewer, write };
  if (scope.startsWith('generic_') || scope === 'message') return { own: false, viewer: undefined, write };
  return { ...sent, write };
}
