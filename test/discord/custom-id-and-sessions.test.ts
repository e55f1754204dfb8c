import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { memorySessions } from '../../src/discord/memory-sessions.js';

describe('custom ids', () => {
  it('round-trips command, action, session and an argument that itself has colons', () => {
    const text = encodeCustomId({ command: 'switch', action: 'pick', session: 'abc123', arg: '2024-01-01T00:00:00Z' });
    expect(decodeCustomId(text)).toEqual({
      command: 'switch',
      action: 'pick',
      session: 'abc123',
      arg: '2024-01-01T00:00:00Z',
    });
    expect(decodeCustomId(encodeCustomId({ command: 'link', action: 'submit' }))).toEqual({
      command: 'link',
      action: 'submit',
      session: '-',
      arg: '',
    });
  });

  it('refuses ids longer than Discord allows and ignores foreign ids', () => {
    expect(() => encodeCustomId({ command: 'members', action: 'x', arg: 'y'.repeat(100) })).toThrow(RangeError);
    expect(decodeCustomId('something-else')).toBeUndefined();
  });
});

describe('in-memory session bounds', () => {
  it('keeps at most maxSessions, expiring the oldest first', async () => {
    const store = memorySessions({ ttlMs: 60_000, now: () => 0, maxSessions: 3 });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await store.create('u', { i }));
    const [first, second, ...rest] = made;
    expect(store.size).toBe(3);
    expect(await store.get(first!.id)).toBeUndefined();
    expect(await store.get(second!.id)).toBeUndefined();
    const kept = await Promise.all(rest.map((s) => store.get<{ i: number }>(s.id)));
    expect(kept.map((s) => s?.state.i)).toEqual([2, 3, 4]);
  });

  it('keeps the bytes of all sessions under maxBytes, counting states that grew when saved', async () => {
    const store = memorySessions({ ttlMs: 60_000, now: () => 0, maxBytes: 10_000 });
    const big = () => ({ rows: 'x'.repeat(1_000) });
    const sessions = [];
    for (let i = 0; i < 20; i++) sessions.push(await store.create('u', big()));
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size).toBe(4);
    expect(await store.get(sessions[19]!.id)).toBeDefined();
    expect(await store.get(sessions[0]!.id)).toBeUndefined();

    const grown = (await store.get<{ rows: string }>(sessions[19]!.id))!;
    grown.state.rows = 'y'.repeat(4_000);
    await store.save(grown);
    await store.create('u', big());
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(await store.get(sessions[16]!.id)).toBeUndefined();
  });

  it('scopes sessions to the command that made them, over one shared store', async () => {
    const store = memorySessions({ ttlMs: 60_000, now: () => 0, maxSessions: 2 });
    const members = await store.forCommand('members').create('u', 1);
    await store.forCommand('switches').create('u', 2);
    expect((await store.get(members.id))?.command).toBe('members');
    await store.forCommand('switch').create('u', 3);
    expect(store.size).toBe(2);
    expect(await store.get(members.id)).toBeUndefined();
  });
});
