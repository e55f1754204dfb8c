import { ConfigError } from '../config.js';

/** Environment variables whose values the vault checks at start-up. */
export type VaultVariable = 'TOKEN_ENCRYPTION_KEY' | 'TOKEN_ENCRYPTION_KEYS_PREVIOUS' | 'STORE_URL';

/**
 * A start-up problem with the vault's configuration: a missing or malformed key, a key that does not open the
 * tokens already stored, or an unsupported `STORE_URL`. It names the variable, never its value.
 * It is a {@link ConfigError}, so the start-up code reports it like any other bad setting.
 */
export class VaultConfigError extends ConfigError {
  constructor(
    readonly variable: VaultVariable,
    problem: string,
  ) {
    super([`${variable}: ${problem}`]);
  }
}

/** What the vault was doing when the store failed. */
export type VaultOperation = 'open' | 'link' | 'get' | 'has' | 'unlink' | 'close';

/** The message shown to users when the token store cannot be reached. */
export const VaultUnavailableMessage =
  'Your linked PluralKit account cannot be reached right now because my token storage is unavailable. Please try again in a moment.';

/**
 * The token store (SQLite, Redis or Postgres) failed or could not be reached. The message is safe to show to a
 * user; `cause` holds the store's own error for the operator's log (it never contains a token: only sealed
 * records reach the store).
 */
export class VaultUnavailableError extends Error {
  override readonly name = 'VaultUnavailableError';
  constructor(
    readonly operation: VaultOperation,
    options?: { cause?: unknown },
  ) {
    super(VaultUnavailableMessage, options);
  }
}

/** True when `error` is a {@link VaultUnavailableError}. */
export function isVaultUnavailableError(error: unknown): error is VaultUnavailableError {
  return error instanceof VaultUnavailableError;
}

/**
 * A short, secret-free description of a store error for logs: its name, code and message.
 * Store errors never carry a token (only sealed records reach the store), but they can be strings or odd objects.
 */
export function describeStoreError(error: unknown): { name: string; code?: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, code, message: error.message }
      : { name: error.name, message: error.message };
  }
  return { name: typeof error, message: String(error) };
}
