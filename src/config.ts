import { z } from 'zod';

/** Base URL of the real PluralKit API v2. */
export const DefaultPluralKitApiUrl = 'https://api.pluralkit.me/v2';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

const base64Key = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32, {
    message: 'expected 32 bytes encoded as base64 (44 characters), e.g. from `openssl rand -base64 32`',
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .default(fallback);

const envSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, { message: 'expected a Discord application id (17-20 digits)' })
      .optional(),
  ),
  DISCORD_API_URL: optionalText.pipe(httpUrl.optional()),
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, {
        message: "expected the application's public key: 64 hex characters (Developer Portal, General Information)",
      })
      .optional(),
  ),
  INTERACTIONS_PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, { message: 'expected a TCP port (0-65535; 0 takes any free port)' })
      .transform(Number)
      .pipe(z.number().max(65_535, { message: 'expected a TCP port (0-65535; 0 takes any free port)' }))
      .optional(),
  ),
  PLURALKIT_API_URL: optionalText.pipe(httpUrl.optional()).transform((value) => value ?? DefaultPluralKitApiUrl),
  PLURALKIT_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(2),
  PLURALKIT_FOLLOW_RATE_HEADERS: booleanFlag(true),
  PLURALKIT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(15_000),
  PLURALKIT_TIMEOUT_MS: positiveInt(10_000),
  PLURALKIT_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(base64Key.optional()),
  TOKEN_ENCRYPTION_KEYS_PREVIOUS: optionalText.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
      )
      .pipe(z.array(base64Key))
      .optional(),
  ),
  STORE_URL: optionalText
    .transform((value) => value ?? 'sqlite://./data/pk-companion.sqlite')
    .pipe(
      z.string().regex(/^(sqlite|redis|rediss|postgres|postgresql|memory):/, {
        message: 'expected a sqlite://, redis://, postgres:// or memory: URL',
      }),
    ),
  SUPPORT_URL: optionalText.pipe(httpUrl.optional()),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, { message: 'expected a redis:// or rediss:// URL' })
      .optional(),
  ),
  PROCESSES: positiveInt(1),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFlag(false),
  HEALTH_PORT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).max(65_535).optional()),
});

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
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
