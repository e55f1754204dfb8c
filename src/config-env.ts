import { z } from 'zod';

/** Base URL of the real PluralKit API v2. */
export const DefaultPluralKitApiUrl = 'https://api.pluralkit.me/v2';

/** A variable that may be unset; an empty or blank value counts as unset. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });

const base64Key = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32, {
    message: 'expected 32 bytes encoded as base64 (44 characters), e.g. from `openssl rand -base64 32`',
  });

/** A positive whole number, `fallback` when unset. */
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A yes/no variable: true, false, 1, 0, yes or no. */
export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .default(fallback);

/**
 * Every environment variable the bot reads, with what each expects. `.env.example` explains them; the messages
 * name the variable and what it wants, never its value.
 */
export const envSchema = z.object({
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
  PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
  DISPATCH_PORT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).max(65_535).optional()),
  LIVE_COALESCE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  LIVE_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  LIVE_POLL_SHARE: z.coerce.number().gt(0).max(0.5).default(0.1),
});

/** The parsed environment. */
export type ParsedEnv = z.infer<typeof envSchema>;
