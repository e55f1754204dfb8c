import { Priorities, type Priority } from './budget.js';
import {
  PluralKitHTTPError,
  PluralKitNetworkError,
  PluralKitRateLimitError,
  type HttpMethod,
  type RequestLocation,
} from './errors.js';
import type { BudgetKey, PluralKitRateLimiter } from './limiter.js';
import { send, type TransportSuccess } from './transport.js';

/** Never wait less than this after a 429, whatever `retry_after` says (PluralKit sends 0 at a burst's edge). */
export const MinRetryAfterMs = 100;
/** First backoff after a 5xx or network failure on a GET; doubles each time. */
const FailureBackoffMs = 100;

/** Read-only counters for tests and benchmarks. */
export interface PluralKitClientStats {
  /** HTTP requests actually sent, retries included. */
  upstreamRequests: number;
  /** Answers served from the cache. */
  cacheHits: number;
  /** Calls that joined an identical request already in flight. */
  dedupedRequests: number;
  /** 429s answered by waiting and retrying. */
  retries429: number;
  /** Every 429 PluralKit answered, the last one of a request that gave up included. */
  rateLimited: number;
}

/** One logical request; the requester may send it several times. */
export interface RequestSpec extends RequestLocation {
  readonly token: string | undefined;
  readonly body?: unknown;
  readonly priority: Priority;
  /** Asked again on every attempt: an earlier answer may have proven the target is the caller's own. */
  readonly budget: () => BudgetKey;
  /** Called when PluralKit counted the request against the caller's own system. */
  readonly onOwnScope?: (() => void) | undefined;
}

/** What the requester needs from the client options. */
export interface RequesterSettings {
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends requests through their budget and retries what is safe to retry: a 429 for any method
 * (PluralKit refused it before its handler ran), 5xx and network failures for GETs only (a write may
 * have happened). Timeouts are not retried: a slow PluralKit stays slow while the user waits.
 */
export class Requester {
  constructor(
    private readonly settings: RequesterSettings,
    private readonly limiter: PluralKitRateLimiter,
    private readonly stats: PluralKitClientStats,
  ) {}

  /** Sends `spec` until it succeeds or fails for good. */
  async request(spec: RequestSpec): Promise<TransportSuccess> {
    const at: RequestLocation = { method: spec.method, route: spec.route };
    let rateLimited = 0;
    let failed = 0;
    for (;;) {
      const key = spec.budget();
      const budget = this.limiter.budget(key);
      // A retried request goes ahead of everything queued behind it in its class: nothing is reordered.
      const priority = Priorities[spec.priority] - (rateLimited + failed > 0 ? 1 : 0);
      try {
        const result = await budget.schedule(priority, () => {
          this.stats.upstreamRequests += 1;
          return send({ ...this.settings, ...at, token: spec.token, body: spec.body }, (rate) => {
            this.limiter.observe(key, rate);
            if (rate.scope.startsWith('own_system_')) spec.onOwnScope?.();
          });
        });
        if (result.ok) return result;
        this.stats.rateLimited += 1;
        // A 429 at a burst's edge says retry_after 0 yet spent a slot: waiting one interval meets the edge
        // again. One interval on top of what PluralKit says, and never less than two, gets past it.
        const interval = 1000 / budget.rate;
        const waitMs = Math.ceil(Math.max(MinRetryAfterMs, (result.retryAfterMs ?? 0) + interval, 2 * interval));
        if (rateLimited >= this.settings.maxRetries) {
          throw new PluralKitRateLimitError(waitMs, result.scope, at, rateLimited);
        }
        rateLimited += 1;
        this.stats.retries429 += 1;
        this.limiter.pause(key, waitMs);
      } catch (error) {
        if (!isRetryable(spec.method, error) || failed >= this.settings.maxRetries) throw error;
        failed += 1;
        await sleep(FailureBackoffMs * 2 ** (failed - 1));
      }
    }
  }
}

function isRetryable(method: HttpMethod, error: unknown): boolean {
  if (method !== 'GET') return false;
  return (error instanceof PluralKitHTTPError && error.status >= 500) || error instanceof PluralKitNetworkError;
}
