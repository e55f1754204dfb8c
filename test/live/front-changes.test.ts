import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import type { FrontChange } from '../../src/live/front-change.js';
import { switchedIn } from '../../src/live/front-change.js';
import { FrontChanges } from '../../src/live/front-changes.js';
import type { Member } from '../../src/pluralkit/index.js';

const member = (uuid: string) => ({ uuid, id: uuid.slice(0, 5) }) as Member;
const change = (previous: string[] | undefined, current: string[]): FrontChange =>
  ({
    userId: '1',
    system: { id: 'abcde' },
    current: { id: 'x', timestamp: new Date(0), members: current.map(member) },
    previousMemberUuids: previous,
    frontIsPrivate: false,
    at: new Date(0),
  }) as unknown as FrontChange;

describe('FrontChanges', () => {
  it('gives every listener the change even when one of them fails', async () => {
    const changes = new FrontChanges(createLogger({ level: 'silent' }));
    const seen: string[] = [];
    changes.add({ name: 'broken', onFrontChange: () => Promise.reject(new Error('boom')) });
    changes.add({ name: 'remind', onFrontChange: (c) => Promise.resolve(void seen.push(c.system.id)) });
    await expect(changes.publish(change(undefined, ['a']))).resolves.toBeUndefined();
    expect(seen).toEqual(['abcde']);
    expect(changes.names).toEqual(['broken', 'remind']);
  });

  it('names as switched in only the members who were not fronting before', () => {
    expect(switchedIn(change(['a', 'b'], ['b', 'c'])).map((m) => m.uuid)).toEqual(['c']);
    expect(switchedIn(change(undefined, ['a'])).map((m) => m.uuid)).toEqual(['a']);
  });
});
