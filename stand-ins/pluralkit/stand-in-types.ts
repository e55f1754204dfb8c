/** The public shape of the PluralKit stand-in: its options, what it records, and the handle tests drive. */
import type { Dispatcher, DispatchOptions, WebhookSetup } from './dispatch.js';
import type { InjectedStatus } from './faults.js';
import type { AuthKind } from './gateway.js';
import type { ApiKeyMode } from './key-scopes.js';
import type { Clock, RateLimitOptions } from './rate-limit.js';
import type { SystemRecord } from './records.js';
import type { SampleFixture } from './seed.js';
import type { StandInState } from './state.js';
import type { SwitchMemberOrderMode } from './switch-member-order.js';

/** Options for {@link startPluralKitStandIn}. */
export interface PluralKitStandInOptions {
  /** Default: GCRA at production's 10 GETs / 3 writes per second. */
  rateLimit?: RateLimitOptions;
  /** Delay before each answer, in ms (for "slow PK" tests); changeable with `setLatency`. */
  latencyMs?: number;
  /** `'sample'` (default) seeds {@link SampleFixture}; `'empty'` starts with no data. */
  seed?: 'sample' | 'empty';
  /**
   * Time source of the rate limiter, epoch ms with a fraction (default: the real clock). Lets tests
   * drive bucket refills deterministically instead of racing the wall clock.
   */
  rateLimitClock?: Clock;
  /**
   * How `GET /switches` orders a switch's members. Default `'unordered'`, as production: a seeded order
   * that is never the logged one and changes on every read. `'stored'` keeps the logged order.
   */
  switchMemberOrder?: SwitchMemberOrderMode;
  /** Seed of the `'unordered'` order (default fixed), so a failure can be replayed. */
  switchMemberOrderSeed?: number;
  /**
   * `'production'` (default): PluralKit's `main`, where a `pkapi:` key is anonymous. `'branch'`: the unmerged
   * key branch, with its scope rules (see key-scopes.ts).
   */
  apiKeys?: ApiKeyMode;
  /**
   * Dispatch webhooks: production's URL rules by default. `allowLoopbackHttp: true` (stand-in only) also
   * accepts `http://127.0.0.1:<port>/…`, so tests can point PluralKit at a bot on loopback.
   */
  dispatch?: DispatchOptions;
}

/** One answered request, as recorded by the stand-in. Credentials are never recorded. */
export interface RecordedPkRequest {
  method: string;
  /** Path and query as sent, e.g. `/v2/systems/@me/switches?limit=10`. */
  path: string;
  /** How credentials were presented: none, a raw (legacy) header, or `Bearer ...`. */
  authorization: AuthKind;
  /** Whether the credentials matched a system. */
  authenticated: boolean;
  /** UUID of the system the credentials matched (not a credential), or null: who asked, for tests of pacing. */
  callerSystemUuid: string | null;
  status: number;
  /** Whether a User-Agent header was sent. */
  userAgent: boolean;
  /** The User-Agent sent, or null. */
  userAgentValue: string | null;
  /** When the rate limiter counted it: the real clock (epoch ms with a fraction), whatever `rateLimitClock` says. */
  countedAt: number;
}

/** Counters over everything the stand-in answered. */
export interface PluralKitStandInStats {
  requests: number;
  /** Requests per route, e.g. `GET /systems/{system_id}/fronters`. */
  byRoute: Map<string, number>;
  /** 429s sent (limiter and injected). */
  rateLimited: number;
  /** Zeroes the counters and empties the recorded `requests`. */
  reset(): void;
}

/** A running stand-in. */
export interface PluralKitStandIn {
  /** Base URL including `/v2`, e.g. `http://127.0.0.1:PORT/v2`. */
  url: string;
  state: StandInState;
  /** Tokens and ids of the seeded sample systems; throws when started with `seed: 'empty'`. */
  sample: SampleFixture;
  stats: PluralKitStandInStats;
  requests: RecordedPkRequest[];
  /** Requests received and not yet answered (e.g. waiting out the latency). */
  readonly inFlight: number;
  setLatency(ms: number): void;
  /** Switches the limiter (with fresh buckets); `undefined` restores production's GCRA 10/3. */
  setRateLimit(opts: PluralKitStandInOptions['rateLimit']): void;
  /** Answers the next `n` requests that reach a handler with `status` (429 with `retryAfterMs`, default 1000). */
  failNext(n: number, status: InjectedStatus, opts?: { retryAfterMs?: number }): void;
  /** Dispatch webhooks: `deliveries` records every attempt (type, status, ms); `idle()` waits for those started. */
  dispatch: Dispatcher;
  /**
   * `pk;system webhook <url>` for a system (record, UUID or short id): checks the URL as PluralKit does and
   * returns the new signing token and `confirm()`, which sends the two PINGs and saves the URL only if the real
   * token got 200 and a random one 401. Setting again makes a new token; `dispatch.clear(uuid)` clears it.
   * @throws {WebhookUrlError} when PluralKit would refuse the URL.
   */
  beginWebhookSetup(system: SystemRecord | string, url: string): Promise<WebhookSetup>;
  /** `pk;switch delete all`: deletes every switch of the system and dispatches DELETE_ALL_SWITCHES. */
  deleteAllSwitches(system: SystemRecord): void;
  /** Stops the server and drops every open connection. */
  close(): Promise<void>;
}
