import type { SystemDirectory } from './directory.js';
import {
  PluralKitHTTPError,
  PluralKitNetworkError,
  PluralKitRateLimitError,
  PluralKitTimeoutError,
  type HttpMethod,
  type RequestLocation,
} from './errors.js';
import type { Target } from './learning.js';
import { routeTemplate, type PluralKitObserver } from './observer.js';
import { bucketKey, bucketNamedBy, kindOf, type LearnedRate, type Turn } from './rate-model.js';
import { Priorities, type Priority, type RequestQueue } from './request-queue.js';
import { exchange, interpret, type Answer, type TransportSuccess } from './transport.js';

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
  /** The token's hash; `undefined` for the public view. */
  readonly viewer: string | undefined;
  /** What the request is about: decides, with `write`, which of PluralKit's buckets it spends. */
  readonly target: Target;
  readonly write: boolean;
  readonly body?: unknown;
  readonly priority: Priority;
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
 * One request, step by step: **budget** (which bucket, and a turn from the queue), **send**, **learn**
 * (rate headers into the rate model; an `own_system_*` scope into the directory), **interpret** (success,
 * 429 or error). It retries what is safe to retry: a 429 for any method (PluralKit refused it before its
 * handler ran), 5xx and network failures for GETs only (a write may have happened). Timeouts are not
 * retried: a slow PluralKit stays slow while the user waits.
 */
export class Requester {
  constructor(
    private readonly settings: RequesterSettings,
    private readonly queue: RequestQueue,
    private readonly directory: SystemDirectory,
    private readonly stats: PluralKitClientStats,
    private readonly observer: PluralKitObserver = {},
  ) {}

  /** Sends `spec` until it succeeds or fails for good. */
  async request(spec: RequestSpec): Promise<TransportSuccess> {
    const at: RequestLocation = { method: spec.method, route: spec.route };
    let rateLimited = 0;
    let failed = 0;
    for (;;) {
      try {
        const turn = await this.#budget(spec, rateLimited + failed > 0);
        const answer = await this.#send(spec, turn);
        await this.#learn(spec, turn, answer);
        const result = interpret(answer, at);
        if (result.ok) return result;
        this.stats.rateLimited += 1;
        const waitMs = await this.queue.rateLimited(turn, result.retryAfterMs);
        if (rateLimited >= this.settings.maxRetries)
          throw new PluralKitRateLimitError(waitMs, result.scope, at, rateLimited);
        rateLimited += 1;
        this.stats.retries429 += 1;
      } catch (error) {
        if (!isRetryable(spec.method, error) || failed >= this.settings.maxRetries) throw error;
        failed += 1;
        await sleep(FailureBackoffMs * 2 ** (failed - 1));
      }
    }
  }

  /** Waits for a turn in the bucket PluralKit will count this attempt in; asked again on every attempt. */
  async #budget(spec: RequestSpec, retry: boolean): Promise<Turn> {
    // A retried request goes ahead of everything queued behind it in its class: nothing is reordered.
    const priority = Priorities[spec.priority] - (retry ? 1 : 0);
    const key = bucketFor(this.directory, spec);
    const asked = performance.now();
    const turn = await this.queue.turn(key, priority);
    this.observer.waited?.(kindOf(key), performance.now() - asked);
    return turn;
  }

  async #send(spec: RequestSpec, turn: Turn): Promise<Answer> {
    this.stats.upstreamRequests += 1;
    const sent = performance.now();
    const seen = (status: string) =>
      this.observer.requested?.({
        method: spec.method,
        route: routeTemplate(spec.route),
        status,
        bucket: kindOf(turn.key),
        durationMs: performance.now() - sent,
      });
    try {
      const answer = await exchange({
        ...this.settings,
        method: spec.method,
        route: spec.route,
        token: spec.token,
        body: spec.body,
      });
      seen(String(answer.status));
      return answer;
    } catch (error) {
      seen(error instanceof PluralKitTimeoutError ? 'timeout' : 'network');
      await this.queue.answered(turn);
      throw error;
    }
  }

  /** The bucket PluralKit named wins over our guess; its `own_system_*` scope proves the target is the caller's. */
  async #learn(spec: RequestSpec, turn: Turn, answer: Answer): Promise<void> {
    let learned: LearnedRate | undefined;
    if (answer.rate !== undefined) {
      if (answer.rate.scope.startsWith('own_system_')) this.directory.learnOwnTarget(spec.viewer, spec.target);
      learned = {
        key: bucketNamedBy(answer.rate.scope, turn.key, ownBucket(this.directory, spec.viewer)),
        headers: answer.rate,
      };
    }
    await this.queue.answered(turn, learned);
  }
}

/** PluralKit counts a caller's own requests per system: its id once known, the token's hash until then. */
function ownBucket(directory: SystemDirectory, viewer: string | undefined): string | undefined {
  return viewer === undefined ? undefined : (directory.ownSystem(viewer)?.uuid ?? viewer);
}

/** The bucket a request spends: the caller's own when its target is proven theirs, else the shared one. */
function bucketFor(directory: SystemDirectory, { viewer, target, write }: RequestSpec): string {
  const own =
    target.system !== undefined
      ? directory.isOwnSystem(viewer, target.system)
      : target.entity !== undefined && directory.isOwnEntity(viewer, target.entity);
  return bucketKey(own ? ownBucket(directory, viewer) : undefined, write);
}

function isRetryable(method: HttpMethod, error: unknown): boolean {
  if (method !== 'GET') return false;
  return (error instanceof PluralKitHTTPError && error.status >= 500) || error instanceof PluralKitNetworkError;
}
