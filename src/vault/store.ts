import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Keyv } from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { createKeyv as createRedisKeyv, defaultReconnectStrategy } from '@keyv/redis';
import { describeStoreError, VaultConfigError, VaultUnavailableError } from './errors.js';
import { PooledKeyvPostgres } from './postgres-store.js';

/** The Keyv instance tokens are kept in. Values are sealed records; nothing else is stored. */
export type TokenStore = Keyv<unknown>;

/** Where tokens live when `STORE_URL` is not set. */
export const DefaultStoreUrl = 'sqlite://./data/pk-companion.sqlite';

/** Keyv namespace of the token vault; other data sharing the same database stays apart. */
export const DefaultVaultNamespace = 'pk-companion:tokens';

/** Options for {@link createStore}. */
export interface StoreOptions {
  /** Keyv namespace. @defaultValue `'pk-companion:tokens'` */
  namespace?: string | undefined;
  /** How long Redis/Postgres may take to connect before an operation fails; SQLite waits this long on a lock. @defaultValue 5000 */
  connectTimeoutMs?: number | undefined;
  /** Receives every error the store emits. @defaultValue a secret-free `process.emitWarning` */
  onError?: ((error: unknown) => void) | undefined;
}

/** Defaults merged into {@link StoreOptions}. */
export const DefaultStoreOptions = {
  namespace: DefaultVaultNamespace,
  connectTimeoutMs: 5_000,
  onError: (error: unknown) => {
    const { name, message } = describeStoreError(error);
    process.emitWarning(`token store error: ${name}: ${message}`, 'TokenStoreWarning');
  },
} as const satisfies Required<StoreOptions>;

function sqlitePath(storeUrl: string): string {
  const path = storeUrl.slice('sqlite://'.length);
  return path === '' ? DefaultStoreUrl.slice('sqlite://'.length) : path;
}

async function openSqlite(storeUrl: string, busyTimeout: number): Promise<KeyvSqlite> {
  const path = sqlitePath(storeUrl);
  if (path !== ':memory:') {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw new VaultUnavailableError('open', { cause: error });
    }
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout });
  // The adapter's connection promise rejects on its own if the file cannot be opened; give it a handler now so a
  // bad path is an `error` event plus a failing first operation, not an unhandled rejection.
  adapter.query('SELECT 1').catch(() => undefined);
  return adapter;
}

/**
 * Creates the Keyv store named by a `STORE_URL`: `sqlite://path` (directory created; empty path = the default
 * file), `redis://` / `rediss://`, `postgres://` / `postgresql://`, or `memory:` (this process only; tests and
 * preview). Every store throws on failure (`throwOnErrors`) instead of answering "absent", and reports its
 * `error` events to `onError`. Close it with {@link closeStore}.
 * @throws {VaultConfigError} for any other scheme. {@link VaultUnavailableError} when the SQLite directory cannot be created.
 */
export async function createStore(storeUrl: string, options: StoreOptions = {}): Promise<TokenStore> {
  const { namespace, connectTimeoutMs, onError } = {
    namespace: options.namespace ?? DefaultStoreOptions.namespace,
    connectTimeoutMs: options.connectTimeoutMs ?? DefaultStoreOptions.connectTimeoutMs,
    onError: options.onError ?? DefaultStoreOptions.onError,
  };
  const scheme = /^([a-z]+):/.exec(storeUrl)?.[1];
  let store: TokenStore;
  switch (scheme) {
    case 'memory':
      store = new Keyv<unknown>({ namespace, throwOnErrors: true });
      break;
    case 'sqlite':
      store = new Keyv<unknown>({
        store: await openSqlite(storeUrl, connectTimeoutMs),
        namespace,
        throwOnErrors: true,
      });
      break;
    case 'redis':
    case 'rediss':
      // Without the offline queue a command fails at once while Redis is away, instead of hanging until it returns.
      store = createRedisKeyv(
        {
          url: storeUrl,
          disableOfflineQueue: true,
          socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: defaultReconnectStrategy },
        },
        { namespace, throwOnErrors: true, connectionTimeout: connectTimeoutMs },
      );
      break;
    case 'postgres':
    case 'postgresql':
      store = new Keyv<unknown>({
        store: new PooledKeyvPostgres({ uri: storeUrl, connectionTimeoutMillis: connectTimeoutMs }),
        namespace,
        throwOnErrors: true,
      });
      break;
    default:
      throw new VaultConfigError(
        'STORE_URL',
        'expected a sqlite://, redis://, rediss://, postgres://, postgresql:// or memory: URL',
      );
  }
  store.on('error', onError);
  return store;
}

/**
 * Closes the store's connection (SQLite file, Redis client or Postgres pool). A store that never managed to
 * connect has nothing to close, so its connection error is not raised again here.
 */
export async function closeStore(store: TokenStore): Promise<void> {
  try {
    await store.disconnect();
  } catch {
    // Already reported through the store's `error` event when the connection failed.
  }
}

/**
 * Refuses a store that only this process can read when several processes run: a token linked through one would
 * be unknown to the others. `memory:` lives in this process; a SQLite file is not shared across machines, and
 * concurrent writers lock each other out.
 * @throws {VaultConfigError} naming `STORE_URL`, why, and what to use instead.
 */
export function assertStoreServesProcesses(storeUrl: string, processes: number): void {
  if (processes <= 1) return;
  const scheme = /^([a-z]+):/.exec(storeUrl)?.[1];
  if (scheme !== 'memory' && scheme !== 'sqlite') return;
  throw new VaultConfigError(
    'STORE_URL',
    `a ${scheme}: store is this process's alone, so with PROCESSES=${processes} a token linked through one process would be unknown to the others; use a redis:// or postgres:// store shared by every process`,
  );
}
