import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { SessionStore } from '../../src/discord/sessions.js';

describe('custom ids', () => {
  it('round-trips command, action, session and an argument that itself has colons', () => {
    const text = encodeCustomId({ command: 'switch', action: 'pick', session: 'abc123', arg: '2024-01-01T00:00:00Z' });
    expect(decodeCustomId(text)).toEqual({ command: 'switch', action: 'pick', session: 'abc123', arg: '2024-01-01T00:00:00Z' });
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
