import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { serializeError } from './log-errors.js';
import { logCopyDirectory } from './config.js';
import { currentRequestId } from './request-id.js';

/** The structured logger every part of the bot receives. */
export type Logger = PinoLogger;

const secretPatterns: readonly [RegExp, string][] = [
  // PluralKit API keys: `pkapi:<base64 json>:<signature>`.
  [/pkapi:[^\s"'`]+/g, 'pkapi:[redacted]'],
  // Discord bot tokens: three dot-separated base64url parts.
  [/[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/g, '[redacted-discord-token]'],
  // Legacy PluralKit tokens are 64 base64 characters; any run that long is treated as secret.
  [/[A-Za-z0-9+/]{64,}={0,2}/g, '[redacted]'],
];

/**
 * Replaces anything shaped like a PluralKit token, API key or Discord bot token with a marker.
 * Defence in depth: no code path should log a token, but if one ever does, this keeps it out of the log.
 */
export function scrubSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of secretPatterns) result = result.replace(pattern, replacement);
  return result;
}

/** True when the text contains something {@link scrubSecrets} would hide. */
export function looksSecret(text: string): boolean {
  return secretPatterns.some(([pattern]) => new RegExp(pattern.source).test(text));
}

// Errors are serialized before scrubbing: their message and stack are not enumerable, so a plain copy loses them.
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value instanceof Error) return scrubDeep(serializeError(value), depth);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrubDeep(item, depth + 1);
  return out;
}

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level written. @defaultValue 'info' */
  level?: string | undefined;
  /** Where lines go; defaults to stdout. Tests pass a stream to inspect every line. */
  destination?: DestinationStream | undefined;
  /** Also append every line to `<dir>/pk-companion-<pid>.jsonl`. @defaultValue `LOG_COPY_DIR`, else no copy */
  copyDirectory?: string | undefined;
  /**
   * Human-readable lines through `pino-pretty` instead of JSON (`LOG_PRETTY`), for development. `pino-pretty` is
   * a dev dependency: where it is not installed (the production image) the lines stay JSON.
   */
  pretty?: boolean | undefined;
}

// One file per process and directory, shared by every logger: many loggers, one descriptor.
const copies = new Map<string, DestinationStream>();

function copyTo(dir: string): DestinationStream {
  let copy = copies.get(dir);
  if (copy === undefined) {
    copy = pino.destination({
      dest: join(dir, `pk-companion-${process.pid}.jsonl`),
      mkdir: true,
      append: true,
      sync: true,
    });
    copies.set(dir, copy);
  }
  return copy;
}

/**
 * The copy of this process's log lines under `LOG_COPY_DIR`, if it is set: for loggers built elsewhere (tests
 * that read raw, unscrubbed lines) whose lines must be checked with everyone else's.
 */
export function logCopy(): DestinationStream | undefined {
  const dir = logCopyDirectory();
  return dir === undefined ? undefined : copyTo(dir);
}

/** `pino-pretty` writing to stdout, or undefined where it is not installed. */
function prettyStdout(): DestinationStream | undefined {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return pino.transport({ target: 'pino-pretty', options: { destination: 1 } });
}

function destinationOf(options: LoggerOptions): DestinationStream | undefined {
  const dir = options.copyDirectory ?? logCopyDirectory();
  const own = options.destination ?? (options.pretty === true ? prettyStdout() : undefined);
  if (dir === undefined) return own;
  const main = own ?? pino.destination(1);
  // Levels are filtered by the logger itself; each stream takes every line it is given.
  return pino.multistream([
    { stream: main, level: 'trace' },
    { stream: copyTo(dir), level: 'trace' },
  ]);
}

/**
 * Creates the JSON logger. Authorization headers and token fields are redacted by path, errors are
 * serialized (type, message, stack, cause), and every string is scrubbed of token-shaped text before it is written.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'pk-companion' },
      // The interaction (or DM) being handled, on every line written while handling it.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      // Errors were already serialized (then scrubbed) by the formatter; pino's own pass would retype them `Object`.
      serializers: { err: (value: unknown) => value },
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    destinationOf(options),
  );
}
