import { createHash } from 'node:crypto';
import type { RouteMatch } from './routes.js';

/** A per-route bucket: `limit` requests per fixed window of `windowMs`, as Discord's `X-RateLimit-*` headers describe. */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

/** Small, real buckets by default, so a client that ignores the headers meets 429 in tests too. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 5, windowMs: 1_000 };

/** What the limiter decided for one request. */
export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Seconds to wait when the bucket is empty (the request is answered 429); null when it may proceed. */
  retryAfter: number | null;
}

/** Discord groups routes into buckets named by an opaque hash, split further by the top-level resource id. */
function bucketOf(match: RouteMatch): { hash: string; key: string } {
  const hash = createHash('sha256').update(match.route.name).digest('hex').slice(0, 16);
  return { hash, key: `${hash}:${match.params.slice(0, 2).join(':')}` };
}

/**
 * Per-route rate limits (developers/topics/rate-limits): every answer carries `X-RateLimit-Limit`,
 * `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`; a request beyond the limit gets 429 with `retry_after`.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { resetAt: number; remaining: number }>();

  constructor(
    readonly options: RateLimitOptions,
    readonly now: () => number,
  ) {}

  /** Takes one request from its bucket. */
  take(match: RouteMatch): RateLimitDecision {
    const { hash, key } = bucketOf(match);
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined || bucket.resetAt <= now) {
      bucket = { resetAt: now + this.options.windowMs, remaining: this.options.limit };
      this.#buckets.set(key, bucket);
    }
    const limited = bucket.remaining === 0;
    if (!limited) bucket.remaining -= 1;
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.options.limit),
      'x-ratelimit-remaining': String(bucket.remaining),
      'x-ratelimit-reset': (bucket.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': hash,
    };
    if (limited) Object.assign(headers, { 'retry-after': String(Math.ceil(resetAfter)), 'x-ratelimit-scope': 'user' });
    return { headers, retryAfter: limited ? resetAfter : null };
  }
}
