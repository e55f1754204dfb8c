import { describeStoreError, VaultConfigError, VaultUnavailableError, type VaultOperation } from './errors.js';
import type { Keyring } from './keyring.js';
import { decodeAccount, encodeAccount, type LinkedAccount, type LinkedSystem } from './linked-account.js';
import { isSealedRecord, openSealed, seal, SealError, SecretSeal } from './sealing.js';
import { closeStore, createStore, DefaultStoreOptions, type StoreOptions, type TokenStore } from './store.js';

/** The logging the vault does; a pino logger fits. Fields never hold a token or key. */
export interface VaultLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Options for {@link TokenVault.open}: the keys, and either a ready store or a `STORE_URL` to open. */
export type TokenVaultOptions = {
  keyring: Keyring;
  log?: VaultLogger | undefined;
} & (
  | { /** A store the caller owns and closes; the vault only borrows it. */ store: TokenStore; storeUrl?: undefined }
  | {
      /** A `STORE_URL` the vault opens, and closes in {@link TokenVault.close}. */
      storeUrl: string;
      store?: undefined;
      storeOptions?: Omit<StoreOptions, 'onError'> | undefined;
    }
);

/** Key (inside the vault's namespace) of the record that tells which key sealed the store's tokens. */
export const KeyCheckKey = 'key-check';

/** Key (inside the vault's namespace) of a user's sealed token. */
export function recordKey(userId: string): string {
  return `user:${userId}`;
}

const KeyCheckPlaintext = 'pk-companion token vault key check';
const KeyCheckAssociatedData = 'pk-companion:key-check';
const WrongKeyProblem =
  'does not open the tokens already in the store. If you rotated it, put the old key in TOKEN_ENCRYPTION_KEYS_PREVIOUS.';

function assertUserId(userId: string): void {
  if (typeof userId !== 'string' || !/^\d{1,32}$/.test(userId))
    throw new TypeError('userId must be a Discord user id (digits)');
}

/**
 * Users' PluralKit tokens, sealed with AES-256-GCM and keyed by Discord user id, over a Keyv store that several
 * processes may share. Nothing is cached in memory: every call reads the store, so an unlink in one process is
 * seen by all at once. Storage failures surface as {@link VaultUnavailableError}.
 */
export class TokenVault {
  readonly #store: TokenStore;
  readonly #keyring: Keyring;
  readonly #log: VaultLogger | undefined;
  readonly #ownsStore: boolean;
  readonly #onStoreError: (error: unknown) => void;
  readonly #warnedKeyIds = new Set<string>();
  /** Seals other secrets (dispatch signing tokens) with the same keys. */ readonly secrets: SecretSeal;
  #closed = false;
  #failed: (operation: VaultOperation) => void = () => undefined;

  private constructor(
    store: TokenStore,
    keyring: Keyring,
    log: VaultLogger | undefined,
    ownsStore: boolean,
    onStoreError: (error: unknown) => void,
  ) {
    this.#store = store;
    this.#keyring = keyring;
    this.secrets = new SecretSeal(keyring);
    this.#log = log;
    this.#ownsStore = ownsStore;
    this.#onStoreError = onStoreError;
  }

  /**
   * Opens the vault and checks the keys against the store: a key-check record, sealed under the current key, is
   * written on first use and re-sealed after a rotation.
   * @throws {VaultConfigError} when the store's tokens were sealed under a key the keyring does not hold.
   * @throws {VaultUnavailableError} when the store cannot be reached.
   */
  static async open(options: TokenVaultOptions): Promise<TokenVault> {
    const { log } = options;
    const onStoreError =
      log === undefined
        ? DefaultStoreOptions.onError
        : (error: unknown) => log.error({ error: describeStoreError(error) }, 'token store error');
    let vault: TokenVault;
    if (options.store === undefined) {
      const store = await createStore(options.storeUrl, { ...options.storeOptions, onError: onStoreError });
      vault = new TokenVault(store, options.keyring, log, true, onStoreError);
    } else {
      options.store.on('error', onStoreError);
      vault = new TokenVault(options.store, options.keyring, log, false, onStoreError);
    }
    try {
      await vault.#checkKeys();
    } catch (error) {
      await vault.close();
      throw error;
    }
    return vault;
  }

  /** Seals `token` for `userId`, replacing any earlier link. */
  async link(userId: string, token: string, system: LinkedSystem): Promise<void> {
    assertUserId(userId);
    if (typeof token !== 'string' || token === '') throw new TypeError('token must be a non-empty string');
    const record = seal(this.#keyring.current, encodeAccount(token, system, new Date()), userId);
    await this.#run('link', () => this.#store.set(recordKey(userId), record));
  }

  /**
   * The user's link, or `undefined`. A record sealed under a previous key is re-sealed under the current one. A
   * record proven tampered (or copied from another user) is deleted and reported; one sealed under a key this
   * process lacks is left alone, as another process may be rotating keys.
   * @throws {VaultUnavailableError} when the store fails, or the record is under an unknown key (try again).
   * Re-sealing is a plain write (Keyv has no compare-and-set), so an unlink landing in another process between
   * this read and that write would be undone; the window exists only for records still under a previous key.
   */
  async get(userId: string): Promise<LinkedAccount | undefined> {
    assertUserId(userId);
    const stored = await this.#run('get', () => this.#store.get(recordKey(userId)));
    if (stored === undefined) return undefined;
    const account = await this.#openOrDiscard('get', userId, stored);
    if (account !== undefined && isSealedRecord(stored) && !this.#keyring.isCurrent(stored.kid)) {
      await this.#reseal(userId, account);
    }
    return account;
  }

  /** Whether the user has a link that opens (a record that does not open is deleted, as in {@link get}). */
  async has(userId: string): Promise<boolean> {
    assertUserId(userId);
    const stored = await this.#run('has', () => this.#store.get(recordKey(userId)));
    return stored !== undefined && (await this.#openOrDiscard('has', userId, stored)) !== undefined;
  }

  /** Forgets the user's token at once. @returns whether there was one. */
  async unlink(userId: string): Promise<boolean> {
    assertUserId(userId);
    return this.#run('unlink', () => this.#store.delete(recordKey(userId)));
  }

  /** True when the store answers a read now (the readiness check); never throws. */
  async reachable(): Promise<boolean> {
    try {
      await this.#run('get', () => this.#store.get(KeyCheckKey));
      return true;
    } catch {
      return false;
    }
  }

  /** Calls `listener` on every store operation that fails (the metrics count them); replaces the previous one. */
  observeFailures(listener: (operation: VaultOperation) => void): void {
    this.#failed = listener;
  }

  /** Closes the store if the vault opened it (from `storeUrl`); a borrowed store stays open. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsStore) await closeStore(this.#store);
    else this.#store.off('error', this.#onStoreError);
  }

  async #run<T>(operation: VaultOperation, call: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new VaultUnavailableError(operation);
    let result: T;
    try {
      result = await call();
    } catch (error) {
      this.#failed(operation);
      throw new VaultUnavailableError(operation, { cause: error });
    }
    // Keyv answers `false` instead of throwing when an adapter reports a failed write.
    if (operation === 'link' && result === false) {
      this.#failed(operation);
      throw new VaultUnavailableError(operation);
    }
    return result;
  }

  async #openOrDiscard(operation: VaultOperation, userId: string, stored: unknown): Promise<LinkedAccount | undefined> {
    try {
      const account = decodeAccount(openSealed(this.#keyring, stored, userId));
      // It opened under our key but holds no account: ours, and broken beyond use.
      if (account !== undefined) return account;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      // Another process may hold a newer key (or write a newer format) during a rotation: leave its record alone.
      if (error.reason !== 'tampered') throw this.#cannotOpen(operation, stored, error);
    }
    await this.#run(operation, () => this.#store.delete(recordKey(userId)));
    this.#log?.warn(
      { user: userId, reason: 'tampered' },
      'removed a stored token that could not be opened; the user must link again',
    );
    return undefined;
  }

  /** A record this process cannot open but must not delete: the operator hears once per key id, the user is asked to retry. */
  #cannotOpen(operation: VaultOperation, stored: unknown, error: SealError): VaultUnavailableError {
    const keyId = isSealedRecord(stored) ? stored.kid : 'none';
    if (!this.#warnedKeyIds.has(keyId)) {
      this.#warnedKeyIds.add(keyId);
      this.#log?.warn(
        { keyId, reason: error.reason, keyIds: this.#keyring.ids },
        'a stored token is sealed under a key (or format) this process does not have; left it alone. Give every process the same TOKEN_ENCRYPTION_KEY and TOKEN_ENCRYPTION_KEYS_PREVIOUS',
      );
    }
    return new VaultUnavailableError(operation, { cause: error });
  }

  async #reseal(userId: string, account: LinkedAccount): Promise<void> {
    const system = { id: account.systemId, uuid: account.systemUuid, name: account.systemName };
    const record = seal(this.#keyring.current, encodeAccount(account.token, system, account.linkedAt), userId);
    try {
      await this.#run('get', () => this.#store.set(recordKey(userId), record));
    } catch (error) {
      // The token still opens under the previous key; the next read tries again.
      this.#log?.warn(
        { user: userId, error: describeStoreError(error) },
        'could not re-seal a token under the current key',
      );
    }
  }

  async #checkKeys(): Promise<void> {
    const stored = await this.#run('open', () => this.#store.get(KeyCheckKey));
    if (stored !== undefined) {
      try {
        openSealed(this.#keyring, stored, KeyCheckAssociatedData);
        if (isSealedRecord(stored) && this.#keyring.isCurrent(stored.kid)) return;
        this.#log?.info(
          { keyId: this.#keyring.current.id },
          'token keys rotated; key check re-sealed under the current key',
        );
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        if (error.reason === 'unknown-key') throw new VaultConfigError('TOKEN_ENCRYPTION_KEY', WrongKeyProblem);
        this.#log?.warn({ reason: error.reason }, 'key check record did not open; writing a new one');
      }
    }
    const record = seal(this.#keyring.current, KeyCheckPlaintext, KeyCheckAssociatedData);
    await this.#run('open', () => this.#store.set(KeyCheckKey, record));
  }
}
