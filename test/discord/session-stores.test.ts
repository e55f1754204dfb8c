/**
 * The session contract, against the in-memory store and against a private redis-server: what one read gives is
 * what was saved (so a click reaching another process sees the same state), owners and expiry hold, and a
 * Redis that is away gives one clear answer instead of a hang or a crash.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memorySessions } from '../../src/discord/memory-sessions.js';
import { redisSessions, SessionKeyPrefix } from '../../src/discord/redis-sessions.js';
import type { SessionStore, SessionStoreOptions } from '../../src/discord/sessions.js';
import { isUserFacingError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { connectSharedRedis, type SharedRedis } from '../../src/redis/connection.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';

const log = createLogger({ level: 'silent' });
let redis: PrivateRedis;
const clients: SharedRedis[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await redis.stop();
});

async function client(): Promise<SharedRedis> {
  const opened = connectSharedRedis(redis.url, log, { maxReconnectDelayMs: 100 });
  clients.push(opened);
  await ready(opened);
  return opened;
}

/** Resolves once `connection` is connected (the reconnect may already have happened). */
async function ready(connection: SharedRedis): Promise<void> {
  await vi.waitFor(() => expect(connection.isReady).toBe(true), { timeout: 10_000, interval: 20 });
}

const kinds: [string, (options: SessionStoreOptions) => Promise<SessionStore>][] = [
  ['memory', (options) => Promise.resolve(memorySessions(options))],
  ['redis', async (options) => redisSessions(await client(), { ...options, log })],
];

describe.each(kinds)('%s sessions', (_kind, open) => {
  it('keeps a session for its owner until it expires, then forgets it', async () => {
    let now = Date.now();
    const store = await open({ ttlMs: 60_000, now: () => now });
    const session = await store.forCommand('members').create('user-1', { page: 2 });
    const read = await store.get<{ page: number }>(session.id);
    expect(read).toEqual({ ...session, state: { page: 2 } });
    now += 60_000;
    expect(await store.get(session.id)).toBeUndefined();
  });

  it('gives every session its own unguessable id', async () => {
    const store = await open({});
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await store.create('u', null)).id);
    expect(ids.size).toBe(200);
  });

  it('shows a changed state only once it is saved, with its Maps and Dates intact', async () => {
    const store = await open({});
    const names = new Map([['abcde', 'Ash']]);
    const session = await store.create('u', { page: 0, names, pending: { to: new Date(1_700_000_000_000) } });
    session.state.page = 3;
    expect((await store.get<typeof session.state>(session.id))?.state.page).toBe(0);
    await store.save(session);
    const read = (await store.get<typeof session.state>(session.id))!;
    expect(read.state.page).toBe(3);
    expect(read.state.names.get('abcde')).toBe('Ash');
    expect(read.state.pending.to.getTime()).toBe(1_700_000_000_000);
  });

  it('does not bring back a session that expired before it was saved', async () => {
    let now = Date.now();
    const store = await open({ ttlMs: 60_000, now: () => now });
    const session = await store.create('u', { page: 0 });
    now += 60_000;
    await store.save(session);
    expect(await store.get(session.id)).toBeUndefined();
  });
});

describe('redis sessions', () => {
  it('lets a store on another connection (another process) read what this one saved', async () => {
    const mine = redisSessions(await client(), { log });
    const theirs = redisSessions(await client(), { log });
    const session = await mine.forCommand('switches').create('user-1', { page: 1 });
    session.state.page = 2;
    await mine.save(session);
    expect(await theirs.get(session.id)).toEqual({ ...session, state: { page: 2 } });
  });

  it("keys each session with a TTL of its remaining life, which a save doesn't restart", async () => {
    const connection = await client();
    const store = redisSessions(connection, { log, ttlMs: 60_000 });
    const session = await store.create('u', { page: 0 });
    const first = await connection.pTTL(SessionKeyPrefix + session.id);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(60_000);
    await store.save(session);
    const after = await connection.pTTL(SessionKeyPrefix + session.id);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(first);
  });

  it('fails with SessionsUnavailable while Redis is away, and works again once it is back', async () => {
    const connection = await client();
    const store = redisSessions(connection, { log });
    await redis.kill();
    const failures = await Promise.allSettled([
      store.get('abcdefgh'),
      store.create('u', 1),
      store.save({ id: 'x', ownerId: 'u', expiresAt: Date.now() + 1_000, command: undefined, state: 1 }),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      expect(isUserFacingError((failure as PromiseRejectedResult).reason, 'SessionsUnavailable')).toBe(true);
    }
    await redis.restart();
    await ready(connection);
    const session = await store.create('u', { page: 1 });
    expect((await store.get(session.id))?.state).toEqual({ page: 1 });
  });
});
