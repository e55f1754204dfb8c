import { UserFacingError } from './errors.js';
import { describeWait, LinkAttempts } from './link-attempts.js';
import type { Logger } from './log.js';
import {
  credentialAllows,
  isPluralKitAPIError,
  neededScope,
  parseApiKey,
  tokenKind,
  type KeyArea,
  type KeyLevel,
  type PluralKitClient,
  type System,
} from './pluralkit/index.js';
import type { LinkedAccount, LinkedSystem, TokenVault } from './vault/index.js';

/** What a successful link did: the system now linked, and the link it replaced, if any. */
export interface LinkResult {
  readonly system: System;
  /** The system the user had linked before, when there was one. */
  readonly previous: LinkedSystem | undefined;
  /** The credential just linked, only to describe what it allows; never shown. */
  readonly token: string;
}

/**
 * Linked PluralKit accounts: checking a token before keeping it, finding a user's link, and forgetting a
 * link PluralKit no longer accepts. The only place that touches both the vault and tokens.
 */
export class Accounts {
  constructor(
    private readonly vault: TokenVault,
    private readonly pluralkit: PluralKitClient,
    private readonly log: Logger,
    private readonly attempts: LinkAttempts = new LinkAttempts(),
  ) {}

  /**
   * Checks `token` with `GET /systems/@me` and keeps it sealed for `userId`, replacing any earlier link.
   * A malformed key, or a user over their attempt limit, is refused before any request.
   * @throws {UserFacingError} `TokenFormat`, `ApiKeyMalformed`, `TooManyLinkAttempts`, `TokenRejected` or
   * `ApiKeyNotAccepted`; nothing is stored then.
   */
  async link(userId: string, rawToken: string): Promise<LinkResult> {
    const token = rawToken.trim();
    const kind = tokenKind(token);
    if (kind === null) throw new UserFacingError('TokenFormat');
    if (kind === 'apikey') {
      const parsed = parseApiKey(token);
      if (!parsed.ok) throw new UserFacingError('ApiKeyMalformed', { problem: parsed.problem });
    }
    const wait = this.attempts.take(userId);
    if (wait > 0) throw new UserFacingError('TooManyLinkAttempts', { wait: describeWait(wait) });
    let system: System;
    try {
      system = await this.pluralkit.getOwnSystem(token);
    } catch (error) {
      if (isPluralKitAPIError(error) && (error.status === 401 || error.status === 403)) {
        // Production PluralKit compares the whole header with legacy tokens, so any key is anonymous there.
        throw new UserFacingError(kind === 'apikey' && error.status === 401 ? 'ApiKeyNotAccepted' : 'TokenRejected');
      }
      throw error;
    }
    // A record this process cannot open (another process's newer key) is simply replaced by the new link.
    const before = await this.vault.get(userId).catch(() => undefined);
    const previous = before && { id: before.systemId, uuid: before.systemUuid, name: before.systemName };
    await this.vault.link(userId, token, { id: system.id, uuid: system.uuid, name: system.name });
    this.attempts.clear(userId);
    this.log.info({ user: userId, system: system.id, replaced: previous !== undefined }, 'linked a system');
    return { system, previous, token };
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
   * Refuses, before anything is sent, what the linked credential's scopes do not allow. A legacy token
   * allows everything.
   * @param what - the action in the user's words, e.g. "log switches".
   * @throws {UserFacingError} `TokenLacksScope`
   */
  assertAllows(account: LinkedAccount, level: KeyLevel, area: KeyArea, what: string): void {
    if (!credentialAllows(account.token, level, area)) {
      throw new UserFacingError('TokenLacksScope', { what, scope: neededScope(level, area) });
    }
  }

  /**
   * Runs a PluralKit call with the user's token. If PluralKit answers 401 the token is stale: it is
   * removed and the user is told to link again, unless the user has linked a newer token meanwhile.
   */
  async withToken<T>(account: LinkedAccount, userId: string, call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(account.token);
    } catch (error) {
      if (isPluralKitAPIError(error) && error.status === 401) {
        // Compare what was sent with what is stored now: a 401 for an older token must not forget a newer one.
        const stored = await this.vault.get(userId);
        if (stored !== undefined && stored.token !== account.token) throw new UserFacingError('StaleTokenRejected');
        if (stored !== undefined) await this.vault.unlink(userId);
        this.log.info({ user: userId }, 'PluralKit rejected a stored token; removed it');
        throw new UserFacingError('TokenRevoked');
      }
      throw error;
    }
  }
}
