import { describe, expect, it } from 'vitest';
import { MaxCacheEntries, ResponseCache, type Loaded } from '../../src/pluralkit/cache.js';
import { DirectoryLimits, SystemDirectory } from '../../src/pluralkit/directory.js';

const systemNo = (i: number) => ({
  id: `s${String(i).padStart(5, '0')}`,
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
});
const discordId = (i: number) => String(100_000_000_000_000_000n + BigInt(i));

describe('what the client remembers about systems is bounded', () => {
  it('the directory forgets the least recently used systems past its bound, and keeps every alias of a recent one', () => {
    const directory = new SystemDirectory();
    const lookups = DirectoryLimits.refs; // each lookup by Discord id teaches three refs
    for (let i = 0; i < lookups; i++) directory.learnSystem(discordId(i), undefined, systemNo(i));
    expect(directory.size.refs).toBe(DirectoryLimits.refs);
    const last = systemNo(lookups - 1);
    expect(new Set(directory.everyTagOf(last.id))).toEqual(new Set([last.id, last.uuid, discordId(lookups - 1)]));
    // Forgotten: invalidation still drops what is tagged by the ref it is given.
    expect(directory.everyTagOf(discordId(0))).toEqual([discordId(0)]);

    for (let i = 0; i < DirectoryLimits.viewers + 500; i++) directory.learnSystem('@me', `viewer${i}`, systemNo(i));
    expect(directory.size.viewers).toBe(DirectoryLimits.viewers);
    // The most recent owners are remembered, and found from their system.
    const owner = DirectoryLimits.viewers + 499;
    expect(directory.isOwnSystem(`viewer${owner}`, systemNo(owner).id)).toBe(true);
    expect(directory.everyTagOf(systemNo(owner).id, undefined)).toContain(`@me:viewer${owner}`);
  });

  it('the cache holds at most its bound, indexes only what it holds, and keeps no invalidation marks when idle', async () => {
    const cache = new ResponseCache(60_000, { cacheHits: 0, dedupedRequests: 0 });
    const total = MaxCacheEntries + 2000;
    for (let i = 0; i < total; i++) {
      await cache.get(`key${i}`, [`sys${i}`], () => Promise.resolve({ value: i, systems: [] }));
      if (i % 3 === 0) cache.invalidate([`other${i}`]);
    }
    expect(cache.size).toEqual({ entries: MaxCacheEntries, systems: MaxCacheEntries, marks: 0 });

    let loads = 0;
    const load = () => Promise.resolve({ value: ++loads, systems: [] });
    expect(await cache.get(`key${total - 1}`, [`sys${total - 1}`], load)).toBe(total - 1);
    cache.invalidate([`sys${total - 1}`]);
    expect(await cache.get(`key${total - 1}`, [`sys${total - 1}`], load)).toBe(1);
    expect(await cache.get('key0', ['sys0'], load)).toBe(2);
  });

  it('a write during a load still keeps that load from storing a stale answer', async () => {
    const cache = new ResponseCache(60_000, { cacheHits: 0, dedupedRequests: 0 });
    let release: () => void = () => undefined;
    const slow = cache.get(
      'k',
      ['sys'],
      () => new Promise<Loaded<string>>((resolve) => (release = () => resolve({ value: 'old', systems: [] }))),
    );
    cache.invalidate(['sys']);
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('k', ['sys'], () => Promise.resolve({ value: 'new', systems: [] }))).toBe('new');
  });
});
