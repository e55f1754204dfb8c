/**
 * Cache invalidation across real processes: two bot-like children with their own PluralKit clients and caches,
 * one PluralKit stand-in, one private Redis. A write in one process reaches the other's cache; with Redis
 * killed invalidation is local only (one warning), and it is shared again once Redis is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startCacheChild, type CacheChild } from '../support/shared-cache-children.js';

const cleanups: (() => Promise<void>)[] = [];
let w: Awaited<ReturnType<typeof world>>;
// One world for the file: starting a child process costs seconds on a loaded machine. The Redis-kill case runs last.
beforeAll(async () => (w = await world(2)), 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(
  processes: number,
): Promise<{ pk: PluralKitStandIn; redis: PrivateRedis; children: CacheChild[] }> {
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  cleanups.push(() => pk.close());
  const children = await Promise.all(
    Array.from({ length: processes }, () => startCacheChild({ PK_URL: pk.url, REDIS_URL: redis.url })),
  );
  cleanups.push(() => Promise.all(children.map((child) => child.kill())).then(() => undefined));
  return { pk, redis, children };
}

type Front = { ids: (string | null)[] };

/** Reads `system`'s fronters in `child` until the answer is switch `id`, for at most `attempts` × 50 ms. */
async function readUntil(child: CacheChild, system: string, id: string, attempts = 60): Promise<string | null> {
  let seen: string | null = null;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    seen = (await child.call<Front>('/fronters', { system })).ids[0] ?? null;
    if (seen === id) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return seen;
}

describe('a write in one process drops the cached answers of every process', () => {
  it('the other process, which had the old front cached, reads the new switch', async () => {
    const { pk, children } = w;
    const [a, b] = children as [CacheChild, CacheChild];
    const other = pk.sample.other;
    await a.call('/own', { token: other.token });
    const before = (await b.call<Front>('/fronters', { system: other.systemId })).ids[0];
    const written = await a.call<{ id: string }>('/switch', { token: other.token, members: [other.memberIds[0]] });
    expect(written.id).not.toBe(before);
    expect(await readUntil(b, other.systemId, written.id)).toBe(written.id);
  });

  it('invalidateSystem in one process drops the others’ answers too', async () => {
    const { pk, children } = w;
    const [a, b] = children as [CacheChild, CacheChild];
    const other = pk.sample.other;
    await b.call<Front>('/fronters', { system: other.systemId });
    // Changed behind every process's back (as a PluralKit dispatch event would announce it).
    const changed = await fetch(`${pk.url}/systems/@me/switches`, {
      method: 'POST',
      headers: { Authorization: other.token, 'User-Agent': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ members: [other.memberIds[1]] }),
    });
    const id = ((await changed.json()) as { id: string }).id;
    await a.call('/invalidate', { system: other.systemId });
    expect(await readUntil(b, other.systemId, id)).toBe(id);
  });
});

describe('with Redis killed, invalidation is local only, and shared again once Redis is back', () => {
  it('keeps serving reads, warns once, then reaches every process again', async () => {
    const { pk, redis, children } = w;
    const [a, b] = children as [CacheChild, CacheChild];
    const other = pk.sample.other;
    const write = (member: number) =>
      a.call<{ id: string }>('/switch', { token: other.token, members: [other.memberIds[member]] });
    await a.call('/own', { token: other.token });
    await b.call<Front>('/fronters', { system: other.systemId });

    await redis.kill();
    const first = await write(0);
    expect((await a.call<Front>('/fronters', { system: other.systemId })).ids[0]).toBe(first.id);
    expect((await b.call<Front>('/fronters', { system: other.systemId })).ids).toHaveLength(1);
    const second = await write(1);
    const warnings = a.child.lines.filter((line) => line.includes('cache invalidation is local'));
    expect(warnings).toHaveLength(1);

    await redis.restart();
    await Promise.all(children.map((child) => child.child.waitForLine(/shared across processes again/)));
    // B may have missed messages while Redis was away, so it forgot its cache on resubscribing.
    expect(await readUntil(b, other.systemId, second.id)).toBe(second.id);
    const third = await write(0);
    expect(await readUntil(b, other.systemId, third.id)).toBe(third.id);
  });
});
