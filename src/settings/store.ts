import type { z } from 'zod';
import type { Logger } from '../log.js';
import { UserFacingError } from '../errors.js';
import { closeStore, createStore, describeStoreError, type TokenStore } from '../vault/index.js';

/** Keyv namespace of {@link SettingsStore}: apart from the token vault in the same database. */
export const SettingsNamespace = 'pk-companion:settings';

/**
 * What the bot keeps besides tokens: live-event hooks, announcement channels, reminders, the choices of
 * names and roles that follow the front. One Keyv namespace in the same store as the tokens (so it is shared
 * by every process exactly when the tokens are); each feature prefixes its keys (`live:`, `announce:`, …).
 * Values are JSON and are checked with zod when read. Nothing secret is kept here unsealed.
 */
export class SettingsStore {
  private constructor(
    private readonly store: TokenStore,
    private readonly log: Logger | undefined,
  ) {}

  /** Opens the settings namespace of the store named by `STORE_URL`. */
  static async open(storeUrl: string, log?: Logger): Promise<SettingsStore> {
    const store = await createStore(storeUrl, {
      namespace: SettingsNamespace,
      onError: (error) => log?.warn({ err: describeStoreError(error) }, 'settings store error'),
    });
    return new SettingsStore(store, log);
  }

  /** A store in this process's memory (tests and the preview). */
  static async memory(log?: Logger): Promise<SettingsStore> {
    return SettingsStore.open('memory:', log);
  }

  /**
   * The value at `key` if it is there and matches `schema`; a value that no longer matches (an older shape)
   * counts as absent and is logged, never thrown.
   * @throws {UserFacingError} `SettingsUnavailable` when the store cannot be reached.
   */
  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw = await this.#run('get', () => this.store.get(key));
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log?.warn({ key: key.split(':', 1)[0] }, 'ignored a settings value of an unexpected shape');
    return undefined;
  }

  /** Keeps `value` (JSON) at `key`, for `ttlMs` when given. @throws {UserFacingError} `SettingsUnavailable` */
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.#run('set', () => this.store.set(key, value, ttlMs));
  }

  /** Forgets `key`. @returns whether it was there. @throws {UserFacingError} `SettingsUnavailable` */
  async delete(key: string): Promise<boolean> {
    return this.#run('delete', () => this.store.delete(key));
  }

  /** True when the store answers. */
  async reachable(): Promise<boolean> {
    try {
      await this.store.get('reachable');
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return closeStore(this.store);
  }

  async #run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.log?.warn({ operation, err: describeStoreError(error) }, 'settings store failed');
      throw new UserFacingError('SettingsUnavailable');
    }
  }
}
