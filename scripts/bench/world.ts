/** The offline world (both stand-ins + the real bot) as the bench uses it: quiet, with many users and systems. */
import { Writable } from 'node:stream';
import type { APIUser } from 'discord-api-types/v10';
import { startOffline, type Offline, type OfflineOptions } from '../preview/offline.js';
import { makeUser } from '../../stand-ins/discord/world.js';
import { generateLargeSystem, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';

/** A system the bench created in the PluralKit stand-in. */
export interface BenchSystem {
  token: string;
  systemId: string;
}

/** {@link startOffline} with the bot's log discarded (warnings and errors are counted instead). */
export async function startQuietOffline(
  options: OfflineOptions = {},
): Promise<Offline & { logProblems: () => number }> {
  let problems = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // pino levels: 40 warn, 50 error, 60 fatal.
      if (/"level":(4|5|6)0/.test(chunk.toString())) problems++;
      done();
    },
  });
  const offline = await startOffline({ logLevel: 'warn', ...options, logDestination: sink });
  return Object.assign(offline, { logProblems: () => problems });
}

/** `count` small systems (5 members, 5 switches each, public). */
export function seedSystems(pk: PluralKitStandIn, count: number): BenchSystem[] {
  return Array.from({ length: count }, () => generateLargeSystem(pk.state, { members: 5, switches: 5 }));
}

/** `count` Discord users with distinct snowflake-shaped ids. */
export function benchUsers(count: number, offset = 0): APIUser[] {
  return Array.from({ length: count }, (_, i) =>
    makeUser(String(300_000_000_000_000_000n + BigInt(offset + i)), `user${offset + i}`),
  );
}

/** Links every `[user, token]` pair through the bot's real linking path, `parallel` at a time. */
export async function linkAll(
  offline: Offline,
  pairs: readonly (readonly [APIUser, string])[],
  parallel = 25,
): Promise<void> {
  for (let i = 0; i < pairs.length; i += parallel) {
    await Promise.all(
      pairs.slice(i, i + parallel).map(([user, token]) => offline.bot.ctx.accounts.link(user.id, token)),
    );
  }
}
