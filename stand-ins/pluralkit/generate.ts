/** Large synthetic systems for load and paging tests. */
import { SeededRandom } from './ids.js';
import type { StandInState } from './state.js';

const MINUTE = 60_000;

/**
 * Adds a system with `members` members and `switches` switches (oldest ~20 min apart, the newest a minute
 * ago; 1–3 members each, a few switch-outs) and returns its token and short id. Linear time: 2000 members
 * and 10 000 switches take a few tens of milliseconds.
 */
export function generateLargeSystem(
  state: StandInState,
  opts: { members: number; switches: number },
): { token: string; systemId: string } {
  const random = new SeededRandom(0x1a26e + state.systems.size);
  const now = Date.now();
  const system = state.addSystem({
    name: `Large system (${opts.members} members)`,
    created: now - 3 * 365 * 24 * 60 * MINUTE,
  });
  state.linkAccount(system, state.ids.snowflake(now - 4 * 365 * 24 * 60 * MINUTE));
  const uuids: string[] = [];
  for (let i = 0; i < opts.members; i++) {
    const member = state.addMember(system, {
      name: `Member ${i + 1}`,
      color: random.int(0x1000000).toString(16).padStart(6, '0'),
      created: system.created + i * MINUTE,
      privacy: i % 50 === 49 ? { visibility: 'private' } : {},
    });
    uuids.push(member.uuid);
  }
  const start = now - MINUTE - (opts.switches - 1) * 20 * MINUTE;
  for (let i = 0; i < opts.switches; i++) {
    const size = uuids.length === 0 || i % 40 === 39 ? 0 : random.between(1, Math.min(3, uuids.length));
    const members = new Set<string>();
    while (members.size < size) members.add(random.pick(uuids));
    state.addSwitch(system, [...members], start + i * 20 * MINUTE);
  }
  return { token: system.token, systemId: system.id };
}
