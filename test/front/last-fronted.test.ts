import { describe, expect, it } from 'vitest';
import { lastFrontedTimes } from '../../src/front/last-fronted.js';

describe('lastFrontedTimes', () => {
  it('gives fronting members "now" and others the end of their latest stretch', () => {
    const history = [
      { id: '4', timestamp: '2025-06-15T10:00:00Z', members: ['a'] },
      { id: '3', timestamp: '2025-06-15T09:00:00Z', members: [] },
      { id: '2', timestamp: '2025-06-15T08:00:00Z', members: ['b', 'a'] },
      { id: '1', timestamp: '2025-06-15T07:00:00Z', members: ['c', 'b'] },
    ];
    expect(lastFrontedTimes(history)).toEqual(
      new Map<string, Date | 'now'>([
        ['a', 'now'],
        ['b', new Date('2025-06-15T09:00:00Z')],
        ['c', new Date('2025-06-15T08:00:00Z')],
      ]),
    );
  });
});
