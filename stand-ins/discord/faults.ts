import type { RouteName } from './routes.js';

/** Which requests a fault applies to: a route name, or a regexp over `METHOD /path` (path without /api/v10). */
export type FaultTarget = RouteName | RegExp;

/** A scripted misbehaviour for matching requests. */
export interface FaultRule {
  target: FaultTarget;
  /** How many matching requests it affects (default 1); `Infinity` for all until cleared. */
  times?: number;
  /** Wait this long before answering (alone: a slow but otherwise normal response). */
  delayMs?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Handle the request first (its effect happens), then answer `status` anyway: the retry meets the changed state. */
  committed?: boolean;
}

/** What the server should do for one request, decided by the active faults. */
export interface FaultOutcome {
  delayMs: number;
  /** The request is handled before `response` replaces its answer. */
  committed: boolean;
  response: { status: number; body: unknown; headers: Record<string, string> } | null;
}

/** Options for a scripted 429. */
export interface RateLimitFault {
  /** Seconds, may be fractional, as in Discord's `Retry-After`. Default 0.2. */
  retryAfter?: number;
  scope?: 'user' | 'global' | 'shared';
  times?: number;
}

/** Per-route fault injection: 429 with Retry-After, 5xx, slow answers. Each rule is used up after `times` hits. */
export class FaultInjector {
  readonly #rules: (FaultRule & { left: number })[] = [];

  /** Adds any rule. */
  add(rule: FaultRule): void {
    this.#rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Answers 429 like Discord: body `{message, retry_after, global}` plus Retry-After and X-RateLimit-* headers. */
  rateLimit(target: FaultTarget, options: RateLimitFault = {}): void {
    const retryAfter = options.retryAfter ?? 0.2;
    const scope = options.scope ?? 'user';
    const global = scope === 'global';
    this.add({
      target,
      times: options.times ?? 1,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global, ...(global ? { code: 0 } : {}) },
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': scope,
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
        'x-ratelimit-bucket': 'stand-in-bucket',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    });
  }

  /** Answers a 5xx (default 500) `times` times. */
  serverError(target: FaultTarget, options: { status?: 500 | 502 | 503 | 504; times?: number } = {}): void {
    const status = options.status ?? 500;
    this.add({
      target,
      times: options.times ?? 1,
      status,
      body: { message: `${status}: Internal Server Error`, code: 0 },
    });
  }

  /**
   * The request succeeds on Discord's side (a callback is acknowledged, a message is sent), but the client gets
   * a 5xx (default 500) and may retry: a retried callback then meets 40060.
   */
  committedServerError(target: FaultTarget, options: { status?: 500 | 502 | 503 | 504; times?: number } = {}): void {
    const status = options.status ?? 500;
    this.add({
      target,
      times: options.times ?? 1,
      status,
      committed: true,
      body: { message: `${status}: Internal Server Error`, code: 0 },
    });
  }

  /** Delays matching answers by `ms` (they are otherwise handled normally). */
  delay(target: FaultTarget, ms: number, times = 1): void {
    this.add({ target, times, delayMs: ms });
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** Consumes the rules that match this request and says what to do. */
  take(route: RouteName | null, method: string, path: string): FaultOutcome {
    const outcome: FaultOutcome = { delayMs: 0, committed: false, response: null };
    for (const rule of [...this.#rules]) {
      const hit = typeof rule.target === 'string' ? rule.target === route : rule.target.test(`${method} ${path}`);
      if (!hit || (outcome.response !== null && rule.status !== undefined)) continue;
      rule.left -= 1;
      if (rule.left <= 0) this.#rules.splice(this.#rules.indexOf(rule), 1);
      outcome.delayMs += rule.delayMs ?? 0;
      if (rule.status !== undefined)
        outcome.response = { status: rule.status, body: rule.body, headers: rule.headers ?? {} };
      if (rule.status !== undefined && rule.committed === true) outcome.committed = true;
    }
    return outcome;
  }
}
