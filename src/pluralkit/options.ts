import { DefaultPluralKitApiUrl, type Config } from '../config.js';

/** Everything a {@link PluralKitClient} can be told. Pass a partial; the rest comes from the defaults. */
export interface PluralKitClientOptions {
  /**
   * API base URL including the version, without a trailing slash.
   * @defaultValue `https://api.pluralkit.me/v2`
   */
  baseUrl: string;
  /**
   * `User-Agent` sent on every request; PluralKit rejects requests without one.
   * @defaultValue `pk-companion/0.1.0 (+https://github.com/pk-companion/pk-companion)`
   */
  userAgent: string;
  /**
   * Requests per second for all budgets together until PluralKit advertises its own limits (held in
   * every 1,000 ms window); then each budget follows its headers.
   * @defaultValue 2 (PluralKit's older documented per-IP rate, the safe start for an unknown server)
   */
  ratePerSecond: number;
  /**
   * Follow `X-RateLimit-Limit`/`-Remaining`/`-Scope` once PluralKit sends them.
   * @defaultValue true
   */
  followRateHeaders: boolean;
  /**
   * How long a GET answer is reused, in milliseconds; 0 turns caching off (in-flight sharing stays).
   * @defaultValue 15000
   */
  cacheTtlMs: number;
  /**
   * Per-attempt timeout in milliseconds, covering headers and body.
   * @defaultValue 10000
   */
  timeoutMs: number;
  /**
   * How many times a 429 (any method) or a 5xx/network failure (GET only) is retried.
   * @defaultValue 3
   */
  maxRetries: number;
}

/** The defaults for {@link PluralKitClientOptions}. */
export const DefaultPluralKitClientOptions = {
  baseUrl: DefaultPluralKitApiUrl,
  userAgent: 'pk-companion/0.1.0 (+https://github.com/pk-companion/pk-companion)',
  ratePerSecond: 2,
  followRateHeaders: true,
  cacheTtlMs: 15_000,
  timeoutMs: 10_000,
  maxRetries: 3,
} as const satisfies Required<PluralKitClientOptions>;

/** Client options from the bot's configuration. */
export function pluralKitClientOptionsFromConfig(config: Config): Partial<PluralKitClientOptions> {
  return {
    baseUrl: config.pluralkit.apiUrl,
    ratePerSecond: config.pluralkit.ratePerSecond,
    followRateHeaders: config.pluralkit.followRateHeaders,
    cacheTtlMs: config.pluralkit.cacheTtlMs,
    timeoutMs: config.pluralkit.timeoutMs,
    maxRetries: config.pluralkit.maxRetries,
  };
}
