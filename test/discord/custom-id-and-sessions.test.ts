import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { SessionStore } from '../../src/discord/sessions.js';

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

describe('SessionStore', () => {
  it('keeps a session for its owner until it expires, then forgets it', () => {
    let now = 1_000;
    const store = new SessionStore(60_000, () => now);
    const session = store.create('user-1', { page: 2 });
    expect(store.get<{ page: number }>(session.id)?.state.page).toBe(2);
    expect(store.get(session.id)?.ownerId).toBe('user-1');
    now += 60_000;
    expect(store.get(session.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('gives every session its own unguessable id', () => {
    const store = new SessionStore();
    const ids = new Set(Array.from({ length: 200 }, () => store.create('u', null).id));
    expect(ids.size).toBe(200);
  });
});

describe('SessionStore bounds', () => {
  it('keeps at most maxSessions, expiring the oldest first', () => {
    const store = new SessionStore(60_000, () => 0, { maxSessions: 3 });
    const [first, second, ...rest] = Array.from({ length: 5 }, (_, i) => store.create('u', { i }));
    expect(store.size).toBe(3);
    expect(store.get(first!.id)).toBeUndefined();
    expect(store.get(second!.id)).toBeUndefined();
    expect(rest.map((s) => store.get<{ i: number }>(s.id)?.state.i)).toEqual([2, 3, 4]);
  });

  it('keeps the estimated bytes of all states under maxBytes, counting states that grew', () => {
    const store = new SessionStore(60_000, () => 0, { maxBytes: 10_000 });
    const big = () => ({ rows: 'x'.repeat(1_000) });
    const sessions = Array.from({ length: 20 }, () => store.create('u', big()));
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size).toBe(4);
    expect(store.get(sessions[19]!.id)).toBeDefined();
    expect(store.get(sessions[0]!.id)).toBeUndefined();

    const grown = store.get<{ rows: string }>(sessions[19]!.id)!;
    grown.state.rows = 'y'.repeat(4_000);
    store.get(grown.id);
    store.create('u', big());
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.get(sessions[16]!.id)).toBeUndefined();
  });

  it('scopes sessions to the command that made them, over one shared store', () => {
    const store = new SessionStore(60_000, () => 0, { maxSessions: 2 });
    const members = store.forCommand('members').create('u', 1);
    store.forCommand('switches').create('u', 2);
    expect(store.get(members.id)?.command).toBe('members');
    store.forCommand('switch').create('u', 3);
    expect(store.size).toBe(2);
    expect(store.get(members.id)).toBeUndefined();
  });
});
