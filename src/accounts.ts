import { UserFacingError } from './errors.js';
import type { Logger } from './log.js';
import { isPluralKitAPIError, tokenKind, type PluralKitClient, type System } from './pluralkit/index.js';
import type { LinkedAccount, TokenVault } from './vault/index.js';

/**
 * Linked PluralKit accounts: checking a token before keeping it, finding a user's link, and forgetting a
 * link PluralKit no longer accepts. The only place that touches both the vault and tokens.
 */
export class Accounts {
  constructor(
    private readonly vault: TokenVault,
    private readonly pluralkit: PluralKitClient,
    private readonly log: Logger,
  ) {}

  /**
   * Checks `token` with `GET /systems/@me` and keeps it sealed for `userId`.
   * @returns the system the token belongs to.
   * @throws {UserFacingError} `TokenFormat` or `TokenRejected`; nothing is stored then.
   */
  async link(userId: string, rawToken: string): Promise<System> {
    const token = rawToken.trim();
    if (tokenKind(token) === null) throw new UserFacingError('TokenFormat');
    let system: System;
    try {
      system = await this.pluralkit.getOwnSystem(token);
    } catch (error) {
      if (isPluralKitAPIError(error) && (error.status === 401 || error.status === 403)) {
        throw new UserFacingError('TokenRejected');
      }
      throw error;
    }
    await this.vault.link(userId, token, { id: system.id, uuid: system.uuid, name: system.name });
    this.log.info({ user: userId, system: system.id }, 'linked a system');
    return system;
  }

  /** The user's link, or `undefined`. */
  find(userId: string): Promise<LinkedAccount | undefined> {
    return this.vault.get(userId);
  }

  /** The user's link. @throws {UserFacingError} `NotLinked` */
  async require(userId: string): Promise<LinkedAccount> {
    const account = await this.vault.get(userId);
    if (account === undefined) throw new UserFacingError('NotLinked');
    return account;
  }

  /** Forgets the user's token at once. @returns whether there was one. */
  async unlink(userId: string): Promise<boolean> {
    const removed = await this.vault.unlink(userId);
    if (removed) this.log.info({ user: userId }, 'unlinked');
    return removed;
  }

  /**
   * Runs a PluralKit call with the user's token. If PluralKit answers 401 the token is stale: it is
   * removed and the user is told to link again.
   */
  async withToken<T>(account: LinkedAccount, userId: string, call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(account.token);
    } catch (error) {
      if (isPluralKitAPIError(error) && error.status === 401) {
        await this.vault.unlink(userId);
        this.log.info({ user: userId }, 'PluralKit rejected a stored token; removed it');
        throw new UserFacingError('TokenRevoked');
      }
      throw error;
    }
  }
}
