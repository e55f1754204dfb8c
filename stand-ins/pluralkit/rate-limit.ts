/**
 * PluralKit's rate limiter (docs/pluralkit-rate-limits.md), plus header-less modes for tests: `fixed`
 * counts per wall-clock second, `sliding` holds the old documented "2 requests per second per IP" in
 * every 1,000 ms window.
 *
 * `gcra` re-creates `ratelimit.lua` with the same floating-point arithmetic (seconds since 2017 with
 * microseconds), so a fresh bucket's first GET reports Remaining 8, and Rust's `remaining > 0` check on
 * the truncated integer makes the last slot of a burst count AND answer 429 with `retry_after: 0`.
 */

/** Which limiter the stand-in runs. */
export type RateLimitOptions =
  | { mode: 'gcra'; getPerSecond: number; updatePerSecond: number }
  | { mode: 'fixed'; perSecond: number }
  | { mode: 'sliding'; perSecond: number }
  | { mode: 'off' };

/** Production's rates: 10 GETs and 3 writes per second. */
export const DefaultRateLimit: RateLimitOptions = { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 };

/** What the limiter decided for one request. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** X-RateLimit-* headers to put on the answer (empty in `fixed`, `sliding` and `off` modes). */
  headers: Record<string, string>;
  /** The 429 body to send when not allowed. */
  body?: string;
}

/** The facts about a request that pick its bucket. */
export interface LimitedRequest {
  method: string;
  /** Set when the entity in the path belongs to the authenticated caller: that system's UUID. */
  ownSystemUuid: string | null;
}

/** Current time as epoch milliseconds with a fractional part (microsecond resolution). */
export type Clock = () => number;

const preciseNow: Clock = () => performance.timeOrigin + performance.now();
const JAN_1_2017 = 1_483_228_800;

/** Builds the 429 body exactly as the gateway formats it. */
export function tooManyRequestsBody(retryAfterMs: number, scope: string): string {
  return `{"message":"429: too many requests","retry_after":${retryAfterMs},"scope":"${scope}","code":0}`;
}

/** One limiter per mode; `check` both decides and records the request. */
export interface RateLimiter {
  check(request: LimitedRequest): RateLimitVerdict;
}

/** GCRA with burst = rate, keyed by own system or by the (single, shared) client IP. */
export class GcraLimiter implements RateLimiter {
  readonly #tats = new Map<string, number>();

  constructor(
    private readonly rates: { get: number; update: number },
    private readonly clock: Clock = preciseNow,
  ) {}

  check(request: LimitedRequest): RateLimitVerdict {
    const isGet = request.method === 'GET';
    const scope = isGet ? 'generic_get' : 'generic_update';
    const rate = isGet ? this.rates.get : this.rates.update;
    const own = request.ownSystemUuid;
    const nowMs = this.clock();
    const result = this.#take(`${own ?? 'client-ip'}:${scope}`, rate, nowMs);
    const allowed = result.remaining > 0;
    const headers = {
      'X-RateLimit-Scope': own === null ? scope : isGet ? 'own_system_get' : 'own_system_update',
      'X-RateLimit-Limit': String(rate),
      'X-RateLimit-Remaining': String(result.remaining),
      'X-RateLimit-Reset': String(Math.floor(nowMs / 1000) + Math.trunc(result.resetAfter)),
    };
    if (allowed) return { allowed, headers };
    // Lua sends retry_after through tostring() (14 significant digits); Rust ceils ms and saturates at 0.
    const retryAfterMs = Math.max(0, Math.ceil(Number(result.retryAfter.toPrecision(14)) * 1000));
    return { allowed, headers, body: tooManyRequestsBody(retryAfterMs, scope) };
  }

  #take(key: string, rate: number, nowMs: number): { remaining: number; retryAfter: number; resetAfter: number } {
    const micros = Math.floor(nowMs * 1000);
    const now = Math.floor(micros / 1e6) - JAN_1_2017 + (micros % 1e6) / 1e6;
    const emissionInterval = 1 / rate;
    const burstOffset = emissionInterval * rate;
    const tat = Math.max(this.#tats.get(key) ?? now, now);
    const newTat = tat + emissionInterval;
    const diff = now - (newTat - burstOffset);
    const remaining = diff / emissionInterval;
    if (remaining < 0) return { remaining: 0, retryAfter: -diff, resetAfter: tat - now };
    const resetAfter = newTat - now;
    if (resetAfter > 0) this.#tats.set(key, newTat);
    return { remaining: Math.trunc(remaining), retryAfter: -1, resetAfter };
  }
}

/** At most `perSecond` requests per wall-clock second across all clients; sends no X-RateLimit headers. */
export class FixedWindowLimiter implements RateLimiter {
  #second = -1;
  #used = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock = Date.now,
  ) {}

  check(request: LimitedRequest): RateLimitVerdict {
    const nowMs = this.clock();
    const second = Math.floor(nowMs / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#used = 0;
    }
    if (this.#used < this.perSecond) {
      this.#used++;
      return { allowed: true, headers: {} };
    }
    const scope = request.method === 'GET' ? 'generic_get' : 'generic_update';
    const retryAfterMs = Math.ceil((second + 1) * 1000 - nowMs);
    return { allowed: false, headers: {}, body: tooManyRequestsBody(retryAfterMs, scope) };
  }
}

/**
 * At most `perSecond` requests in ANY 1,000 ms window, across all routes and tokens (a sliding window
 * over the requests it let through); sends no X-RateLimit headers.
 */
export class SlidingWindowLimiter implements RateLimiter {
  /** Times of the requests let through in the last second, oldest first. */
  readonly #accepted: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock = preciseNow,
  ) {}

  check(request: LimitedRequest): RateLimitVerdict {
    const nowMs = this.clock();
    while (this.#accepted.length > 0 && this.#accepted[0]! <= nowMs - 1000) this.#accepted.shift();
    if (this.#accepted.length < this.perSecond) {
      this.#accepted.push(nowMs);
      return { allowed: true, headers: {} };
    }
    const scope = request.method === 'GET' ? 'generic_get' : 'generic_update';
    const retryAfterMs = Math.ceil(this.#accepted[0]! + 1000 - nowMs);
    return { allowed: false, headers: {}, body: tooManyRequestsBody(retryAfterMs, scope) };
  }
}

/** Lets everything through, without headers. */
export class NoLimiter implements RateLimiter {
  check(): RateLimitVerdict {
    return { allowed: true, headers: {} };
  }
}

/** The limiter for a mode (fresh buckets each time). */
export function createLimiter(options: RateLimitOptions = DefaultRateLimit, clock?: Clock): RateLimiter {
  switch (options.mode) {
    case 'gcra':
      return new GcraLimiter({ get: options.getPerSecond, update: options.updatePerSecond }, clock);
    case 'fixed':
      return new FixedWindowLimiter(options.perSecond, clock);
    case 'sliding':
      return new SlidingWindowLimiter(options.perSecond, clock);
    case 'off':
      return new NoLimiter();
  }
}
