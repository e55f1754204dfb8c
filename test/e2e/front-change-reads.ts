import type { FrontChange } from '../../src/live/front-change.js';
import type { Harness } from './harness.js';

/**
 * A front change as the dispatch pipeline publishes it, read for real from the PluralKit stand-in through the
 * bot's own client (system and fronters of the system `token` belongs to), after dropping its cached reads.
 */
export async function readFrontChange(
  h: Harness,
  userId: string,
  token: string,
  previousMemberUuids?: string[],
): Promise<FrontChange> {
  const { pluralkit } = h.bot.ctx;
  const system = await pluralkit.getSystem('@me', { token });
  pluralkit.invalidateSystem(system.uuid);
  const [fresh, front] = await Promise.all([
    pluralkit.getSystem('@me', { token }),
    pluralkit.getFronters('@me', { token }),
  ]);
  return {
    userId,
    system: fresh,
    current: front ?? undefined,
    previousMemberUuids,
    frontIsPrivate: fresh.privacy?.front_privacy === 'private',
    at: new Date(),
  };
}
