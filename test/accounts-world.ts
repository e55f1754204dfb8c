/** Set-up shared by the tests of accounts, targets and the router: real accounts over real parts, closed after each test. */
import { randomBytes } from 'node:crypto';
import { Accounts } from '../src/accounts.js';
import type { LinkAttempts } from '../src/link-attempts.js';
import type { PluralKitClientOptions } from '../src/pluralkit/index.js';
import { Keyring, TokenVault } from '../src/vault/index.js';
import { onCleanup, setup } from './pluralkit/helpers.js';
import type { PluralKitStandInOptions } from '../stand-ins/pluralkit/index.js';
import { captureLog } from './vault/capture-log.js';

/** A Discord user id no stand-in system is linked to: the caller in these tests. */
export const CallerId = '200000000000000001';

/**
 * {@link Accounts} over a {@link TokenVault} on `memory:` and the real PluralKit client aimed at the PluralKit
 * stand-in (sample seed, no rate limit), logging into memory.
 */
export async function accountsWorld(
  options: {
    attempts?: LinkAttempts;
    standIn?: PluralKitStandInOptions;
    client?: Partial<PluralKitClientOptions>;
  } = {},
) {
  const { pk, client } = await setup({ rateLimit: { mode: 'off' }, ...options.standIn }, options.client);
  const vault = await TokenVault.open({ keyring: new Keyring(randomBytes(32)), storeUrl: 'memory:' });
  onCleanup(() => vault.close());
  const { log, entries } = captureLog();
  const accounts = new Accounts(vault, client, log, options.attempts);
  /** The stand-in's record of a sample system, to refresh its token as `pk;token refresh` does. */
  const systemRecord = (systemId: string) => {
    const record = pk.state.systemByHid(systemId);
    if (record === undefined) throw new Error(`no system ${systemId} in the stand-in`);
    return record;
  };
  return { pk, client, vault, accounts, log, entries, systemRecord };
}
