import type { Switch } from '../pluralkit/schemas.js';

/** When a member last fronted: `'now'` while fronting, else when their latest stretch ended. */
export type LastFronted = Date | 'now';

/**
 * When each member of a switch history (newest first) last fronted: members of the latest switch are
 * fronting `'now'`; for the others it is the time of the switch that ended their most recent stretch.
 * Members absent from the history are absent from the map (never fronted, as far as it reaches).
 * @see https://github.com/PluralKit/PluralKit/issues/36
 */
export function lastFrontedTimes(switches: readonly Switch[]): Map<string, LastFronted> {
  const times = new Map<string, LastFronted>();
  switches.forEach((sw, index) => {
    const newer = switches[index - 1];
    const ended: LastFronted = newer === undefined ? 'now' : new Date(newer.timestamp);
    for (const memberId of sw.members) if (!times.has(memberId)) times.set(memberId, ended);
  });
  return times;
}
