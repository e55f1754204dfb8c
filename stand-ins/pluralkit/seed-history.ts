/** Switch histories and proxied messages for the sample systems. */
import { SeededRandom } from './ids.js';
import type { MemberRecord, SystemRecord } from './records.js';
import type { StandInState } from './state.js';

const HOUR = 3_600_000;

/** How to shape a generated switch history. */
export interface HistoryPlan {
  /** Members that may front (hidden ones included). */
  pool: readonly MemberRecord[];
  from: number;
  to: number;
  /** Hours between switches, inclusive range. */
  gapHours: readonly [number, number];
  /** The last switch's members (e.g. a co-front including a hidden member). */
  latest: readonly MemberRecord[];
  seed: number;
}

/**
 * Fills a system's timeline: mostly single fronters, some co-fronts of 2–3, about one switch-out
 * (`[]`) in ten, never the same list twice in a row, some timestamps with fractional seconds.
 */
export function seedHistory(state: StandInState, system: SystemRecord, plan: HistoryPlan): number {
  const random = new SeededRandom(plan.seed);
  let previous = '';
  let count = 0;
  for (
    let t = plan.from;
    t < plan.to - HOUR;
    t += random.between(plan.gapHours[0] * 60, plan.gapHours[1] * 60) * 60_000
  ) {
    const roll = random.next();
    const size = roll < 0.1 ? 0 : roll < 0.35 ? random.between(2, 3) : 1;
    const members = new Set<string>();
    while (members.size < Math.min(size, plan.pool.length)) members.add(random.pick(plan.pool).uuid);
    const key = [...members].join();
    if (key === previous) continue;
    previous = key;
    state.addSwitch(system, [...members], withFraction(random, Math.floor(t / 1000) * 1000, count));
    count++;
  }
  const latestUuids = plan.latest.map((m) => m.uuid);
  state.addSwitch(system, latestUuids, plan.to);
  return count + 1;
}

/** Every 5th switch gets milliseconds, every 17th microseconds, so clients see trimmed fractions. */
function withFraction(random: SeededRandom, ms: number, index: number): number {
  if (index % 17 === 3) return ms + random.between(1, 999_999) / 1000;
  if (index % 5 === 2) return ms + random.between(1, 999);
  return ms;
}

/**
 * Adds one proxied message per author, oldest first: the first is two years old (no trigger id, no
 * guild, as very old rows are), the others a few minutes apart, the newest about 10 minutes ago.
 */
export function seedMessages(
  state: StandInState,
  system: SystemRecord,
  authors: readonly MemberRecord[],
  now: number,
): string[] {
  const sender = system.discordUserIds[0] ?? state.ids.snowflake(now - 400 * 24 * HOUR);
  const guild = state.ids.snowflake(Date.UTC(2019, 4, 2));
  const channel = state.ids.snowflake(Date.UTC(2019, 4, 3));
  return authors.map((author, i) => {
    const old = i === 0;
    const sentAt = old ? now - 730 * 24 * HOUR : now - (authors.length - i) * 7 * 60_000 - 3 * 60_000;
    const id = state.ids.snowflake(sentAt);
    state.addMessage({
      id,
      original: old ? '' : state.ids.snowflake(sentAt - 300),
      sender,
      channel,
      guild: old ? null : guild,
      systemUuid: system.uuid,
      memberUuid: author.uuid,
    });
    return id;
  });
}
