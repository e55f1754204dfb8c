import { Budget } from './budget.js';
import type { LimiterFactory } from './limiter-factory.js';
import type { RateHeaders } from './transport.js';

/**
 * Picks the budget for each request, the way PluralKit keys its buckets (https://github.com/PluralKit/PluralKit/blob/main/crates/api/src/middleware/ratelimit.rs):
 * reads and writes apart; requests about the caller's own system in a budget per token
 * (`own:<tokenHash>:read|write`, keyed by a hash, never the token); everything else in ONE shared
 * budget, because PluralKit keys those by IP and every user of the bot shares that IP.
 */

/** Which budget a request spends. `viewer` is the token hash, required when `own`. */
export interface BudgetKey {
  readonly own: boolean;
  readonly viewer: string | undefined;
  readonly write: boolean;
}

/** What the limiter needs from the client options. */
export interface LimiterSettings {
  readonly limiterFactory: LimiterFactory;
  readonly ratePerSecond: number;
  readonly followRateHeaders: boolean;
}

/** Own budgets unused this long are stopped, so a bot with many users does not keep timers for all. */
const IdleOwnBudgetMs = 10 * 60_000;

/** The budgets of one client. */
export class PluralKitRateLimiter {
  readonly #settings: LimiterSettings;
  readonly #gate: Budget;
  readonly #budgets = new Map<string, Budget>();
  #nextSweep = Date.now() + IdleOwnBudgetMs;

  constructor(settings: LimiterSettings) {
    this.#settings = settings;
    this.#gate = new Budget('gate', settings.ratePerSecond, settings.limiterFactory);
  }

  /** The budget for `key`, created on first use. */
  budget(key: BudgetKey): Budget {
    const name = budgetName(key);
    let budget = this.#budgets.get(name);
    if (budget === undefined) {
      this.#sweep();
      budget = new Budget(name, this.#settings.ratePerSecond, this.#settings.limiterFactory, this.#gate);
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
    this.budget(named).follow(rate, budgetName(named) === budgetName(sent));
  }

  /** Stops every limiter's timers. */
  async close(): Promise<void> {
    const budgets = [...this.#budgets.values(), this.#gate];
    this.#budgets.clear();
    await Promise.all(budgets.map((budget) => budget.stop()));
  }

  #sweep(): void {
    const now = Date.now();
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + IdleOwnBudgetMs;
    for (const [name, budget] of this.#budgets) {
      if (name.startsWith('own:') && budget.idleSince(now - IdleOwnBudgetMs)) {
        this.#budgets.delete(name);
        void budget.stop().catch(() => undefined);
      }
    }
  }
}

/** `own:<tokenHash>:read`, `shared:write`... */
export function budgetName(key: BudgetKey): string {
  const kind = key.write ? 'write' : 'read';
  return key.own && key.viewer !== undefined ? `own:${key.viewer}:${kind}` : `shared:${kind}`;
}

function scopeBudget(scope: string, sent: BudgetKey): BudgetKey {
  const write = scope.endsWith('_update') ? true : scope.endsWith('_get') || scope === 'message' ? false : sent.write;
  if (scope.startsWith('own_system_')) return { own: sent.viewer !== undefined, viewer: sent.viewer, write };
  if (scope.startsWith('generic_') || scope === 'message') return { own: false, viewer: undefined, write };
  return { ...sent, write };
}
