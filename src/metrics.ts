import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from './log.js';
import type { PluralKitObserver } from './pluralkit/index.js';

/** How an interaction ended, as counted. */
export type InteractionOutcome =
  /** Answered as asked. */
  | 'ok'
  /** The user's own mistake, told to them (a bad option, a missing link). */
  | 'user_error'
  /** PluralKit trouble or a bug: the user got an error id. */
  | 'error'
  /** Arrived during a shutdown and was told to try again. */
  | 'turned_away';

/** Readings taken at scrape time from parts that hold them. */
export interface MetricReadings {
  /** PluralKit requests waiting for their turn in the limiter. */
  limiterQueued(): number;
  /** Interactive messages whose controls still work, when this process holds them (not with Redis sessions). */
  sessionsLive?: (() => number) | undefined;
}

const Prefix = 'pkcompanion_';

/**
 * Every metric the bot exports, on a registry of its own (one per bot, so bots in one process, as in tests,
 * never mix their counts), with Node's default process metrics. Labels are commands, kinds, outcomes, route
 * templates, statuses and bucket kinds: never a Discord user id, a system or anything a user typed.
 */
export class BotMetrics {
  readonly registry = new Registry();
  readonly #interactions = new Counter({
    name: `${Prefix}interactions_total`,
    help: 'Interactions handled, by kind, command and outcome',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #firstResponse = new Histogram({
    name: `${Prefix}interaction_first_response_seconds`,
    help: 'Time from an interaction reaching the router to Discord accepting its first response (answer or deferral)',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10],
    registers: [this.registry],
  });
  readonly #pluralkitRequests = new Counter({
    name: `${Prefix}pluralkit_requests_total`,
    help: 'HTTP attempts to PluralKit (retries included), by method, route template, status and bucket kind',
    labelNames: ['method', 'route', 'status', 'bucket'] as const,
    registers: [this.registry],
  });
  readonly #rateLimited = new Counter({
    name: `${Prefix}pluralkit_rate_limited_total`,
    help: 'PluralKit answers 429, by route template and bucket kind',
    labelNames: ['route', 'bucket'] as const,
    registers: [this.registry],
  });
  readonly #limiterWait = new Histogram({
    name: `${Prefix}pluralkit_limiter_wait_seconds`,
    help: 'Time a PluralKit request waited for its turn in the rate limiter, by bucket kind',
    labelNames: ['bucket'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly #cache = new Counter({
    name: `${Prefix}pluralkit_cache_lookups_total`,
    help: 'PluralKit cache lookups: hit (stored answer), shared (joined a request in flight) or miss',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly #storeErrors = new Counter({
    name: `${Prefix}store_errors_total`,
    help: 'Token store operations that failed, by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reads the gauges from `readings` at every scrape. */
  watch(readings: MetricReadings): void {
    new Gauge({
      name: `${Prefix}pluralkit_limiter_queue_depth`,
      help: 'PluralKit requests waiting for their turn in the rate limiter',
      registers: [this.registry],
      collect() {
        this.set(readings.limiterQueued());
      },
    });
    const sessionsLive = readings.sessionsLive;
    if (sessionsLive === undefined) return;
    new Gauge({
      name: `${Prefix}sessions_live`,
      help: 'Interactive messages (buttons, menus) whose session this process holds',
      registers: [this.registry],
      collect() {
        this.set(sessionsLive());
      },
    });
  }

  /** Counts one interaction; `command` must be a registered command's name (or `unknown`), never user text. */
  interaction(kind: string, command: string, outcome: InteractionOutcome): void {
    this.#interactions.inc({ kind, command, outcome });
  }

  /** Records how long an interaction's first response took. */
  firstResponse(kind: string, ms: number): void {
    this.#firstResponse.observe({ kind }, ms / 1000);
  }

  /** Counts a failed token store operation. */
  storeError(operation: string): void {
    this.#storeErrors.inc({ operation });
  }

  /** The PluralKit client's observer: counts every attempt, wait and lookup, and logs each attempt at debug. */
  pluralKitObserver(log: Logger): PluralKitObserver {
    return {
      requested: (request) => {
        const { method, route, status, bucket } = request;
        this.#pluralkitRequests.inc({ method, route, status, bucket });
        if (status === '429') this.#rateLimited.inc({ route, bucket });
        log.debug({ ...request, durationMs: Math.round(request.durationMs) }, 'pluralkit request');
      },
      waited: (bucket, ms) => this.#limiterWait.observe({ bucket }, ms / 1000),
      looked: (result) => this.#cache.inc({ result }),
    };
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
