/**
 * The member order of `GET /systems/{ref}/switches`. Upstream selects a switch's members with no
 * ORDER BY, so production may return them in any order, and not the same one twice; only `/fronters`
 * and the single-switch routes keep the order they were logged in (docs/pluralkit-switches.md).
 */
import { SeededRandom } from './ids.js';

/** `'unordered'` (default, like production) or `'stored'` (the order the switch was logged in). */
export type SwitchMemberOrderMode = 'unordered' | 'stored';

/**
 * Orders switch members the way production may: a seeded shuffle that changes with every list read,
 * never the logged order when there are two or more members. Tests are reproducible (the same seed and
 * the same reads give the same orders) yet code that trusts the order fails every time, not now and then.
 */
export class SwitchMemberOrder {
  #reads = 0;

  constructor(
    readonly mode: SwitchMemberOrderMode = 'unordered',
    private readonly seed: number = 0x5eed,
  ) {}

  /** Call once per list response, so the next read orders members differently. */
  nextRead(): number {
    return ++this.#reads;
  }

  /** `members` of switch `switchId` in the order answer number `read` gives them. */
  order<T>(members: readonly T[], switchId: string, read: number): T[] {
    if (this.mode === 'stored' || members.length < 2) return [...members];
    const random = new SeededRandom(hash(`${this.seed}:${read}:${switchId}`));
    const shuffled = [...members];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    if (shuffled.every((member, i) => member === members[i])) shuffled.push(shuffled.shift()!);
    return shuffled;
  }
}

/** FNV-1a, enough to spread seeds. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
