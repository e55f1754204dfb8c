import { DefaultPluralKitApiUrl, envSchema, type ParsedEnv } from './config-env.js';

export { DefaultPluralKitApiUrl };

/** The bot's configuration, parsed once from the environment. */
export interface Config {
  /** Discord bot token; absent means "run the preview against the built-in stand-ins". */
  readonly discordToken: string | undefined;
  /** Discord application id, only needed by `npm run register` before the bot has logged in once. */
  readonly discordApplicationId: string | undefined;
  /** Discord REST base without the version (e.g. `http://127.0.0.1:1234/api`); unset in production. */
  readonly discordApiUrl: string | undefined;
  /** The application's Ed25519 public key (hex) that signs interaction webhooks; needed with `interactionsPort`. */
  readonly discordPublicKey: string | undefined;
  /**
   * Where `POST /interactions` listens for Discord's interaction webhooks (0: any free port). Unset: interactions
   * come over the gateway only.
   */
  readonly interactionsPort: number | undefined;
  readonly pluralkit: {
    /** Base URL including `/v2`. @defaultValue `https://api.pluralkit.me/v2` */
    readonly apiUrl: string;
    /** Starting request rate per budget, before the server advertises its own. @defaultValue 2 */
    readonly ratePerSecond: number;
    /** Follow `X-RateLimit-*` headers once the server sends them. @defaultValue true */
    readonly followRateHeaders: boolean;
    /** How long a GET answer is reused. @defaultValue 15000 */
    readonly cacheTtlMs: number;
    /** Per-request timeout. @defaultValue 10000 */
    readonly timeoutMs: number;
    /** How many times a 429 or 5xx is retried before the caller sees an error. @defaultValue 3 */
    readonly maxRetries: number;
  };
  readonly tokenKeys: {
    /** Current AES-256 key (32 bytes); absent only in preview mode, which makes its own. */
    readonly current: Buffer | undefined;
    /** Older keys that still open records sealed before a rotation. */
    readonly previous: readonly Buffer[];
  };
  /** Keyv store: `sqlite://path`, `redis://…`, `postgres://…` or `memory:`. */
  readonly storeUrl: string;
  /** On SIGTERM/SIGINT, how long in-flight interactions get to finish or be answered. @defaultValue 10000 */
  readonly shutdownGraceMs: number;
  readonly logLevel: ParsedEnv['LOG_LEVEL'];
  /** Human-readable log lines (needs the dev dependency `pino-pretty`) instead of JSON. @defaultValue false */
  readonly logPretty: boolean;
  /** Port of `/healthz`, `/readyz` and `/metrics` (0: any free port); unset, they are not served. */
  readonly healthPort: number | undefined;
  /**
   * The deployment's shared Redis: rate budgets, sessions and cache invalidation are shared through it by every
   * process. Unset: everything lives in this one process.
   */
  readonly redisUrl: string | undefined;
  /**
   * How many bot processes run at once (shards × replicas). Each takes `1 / processes` of the PluralKit budget
   * while the shared Redis is unreachable, and a store only one process can use refuses more than one.
   * @defaultValue 1
   */
  readonly processes: number;
  /**
   * The public base URL PluralKit posts dispatch events to (`<PUBLIC_URL>/pluralkit/dispatch/<id>`); unset,
   * `/live setup` says live events are not enabled here.
   */
  readonly publicUrl: string | undefined;
  /** Port of `POST /pluralkit/dispatch/<id>` (0: any free port; may equal another port); unset: not served. */
  readonly dispatchPort: number | undefined;
  /** How long switch events of one system are gathered before its front is read once. @defaultValue 1000 */
  readonly liveCoalesceMs: number;
  /** How often the front of each system that opted into polling is read, at most. @defaultValue 60000 */
  readonly livePollIntervalMs: number;
  /** The share of the PluralKit rate (deployment-wide) polling may use, above 0 and at most 0.5. @defaultValue 0.1 */
  readonly livePollShare: number;
  /** Where users report an internal error's id (e.g. the issue tracker); unset: "tell whoever runs this bot". */
  readonly supportUrl: string | undefined;
}

/** Raised when the environment is invalid. Its message lists every bad key, and never a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Parses the environment into a frozen {@link Config}. Pure: pass `process.env` or a test object.
 * @throws {ConfigError} listing every bad key and what it expects.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    discordApplicationId: e.DISCORD_APPLICATION_ID,
    discordApiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    discordPublicKey: e.DISCORD_PUBLIC_KEY?.toLowerCase(),
    interactionsPort: e.INTERACTIONS_PORT,
    pluralkit: Object.freeze({
      apiUrl: e.PLURALKIT_API_URL.replace(/\/+$/, ''),
      ratePerSecond: e.PLURALKIT_RATE_PER_SECOND,
      followRateHeaders: e.PLURALKIT_FOLLOW_RATE_HEADERS,
      cacheTtlMs: e.PLURALKIT_CACHE_TTL_MS,
      timeoutMs: e.PLURALKIT_TIMEOUT_MS,
      maxRetries: e.PLURALKIT_MAX_RETRIES,
    }),
    tokenKeys: Object.freeze({
      current: e.TOKEN_ENCRYPTION_KEY === undefined ? undefined : Buffer.from(e.TOKEN_ENCRYPTION_KEY, 'base64'),
      previous: Object.freeze((e.TOKEN_ENCRYPTION_KEYS_PREVIOUS ?? []).map((key) => Buffer.from(key, 'base64'))),
    }),
    storeUrl: e.STORE_URL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY,
    healthPort: e.HEALTH_PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    dispatchPort: e.DISPATCH_PORT,
    liveCoalesceMs: e.LIVE_COALESCE_MS,
    livePollIntervalMs: e.LIVE_POLL_INTERVAL_MS,
    livePollShare: e.LIVE_POLL_SHARE,
    supportUrl: e.SUPPORT_URL,
    redisUrl: e.REDIS_URL,
    processes: e.PROCESSES,
  });
}

/**
 * What running on real Discord needs beyond {@link loadConfig}: a token and an encryption key.
 * @throws {ConfigError} naming each missing variable.
 */
export function assertBotConfig(config: Config): asserts config is Config & {
  discordToken: string;
  tokenKeys: { current: Buffer; previous: readonly Buffer[] };
} {
  const problems: string[] = [];
  if (config.discordToken === undefined) problems.push('DISCORD_TOKEN: required to run on Discord (your bot token)');
  if (config.tokenKeys.current === undefined) {
    problems.push('TOKEN_ENCRYPTION_KEY: required to keep linked tokens sealed (32 bytes, base64)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * Loads `.env` from the working directory into the environment if the file exists (Node's own parser).
 * Values already set in the environment win.
 */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * `LOG_COPY_DIR`: a directory where every logger also appends its lines, one file per process. Read on its own,
 * not through {@link loadConfig}, because loggers exist before (and without) a config: the test suite sets it
 * to check every line of every test for secrets.
 */
export function logCopyDirectory(env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = env.LOG_COPY_DIR?.trim();
  return dir === undefined || dir === '' ? undefined : dir;
}

/** True when nothing at all is configured for Discord: `npm start` then runs the offline preview. */
export function wantsPreview(env: Record<string, string | undefined> = process.env): boolean {
  return !env.DISCORD_TOKEN?.trim();
}

/** True in a shard process that discord.js's ShardingManager started (it sets `SHARDING_MANAGER`). */
export function runsUnderShardingManager(env: Record<string, string | undefined> = process.env): boolean {
  return env.SHARDING_MANAGER !== undefined;
}
