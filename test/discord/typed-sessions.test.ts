import { describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import { memorySessions } from '../../src/discord/memory-sessions.js';
import { defineSessions } from '../../src/discord/sessions.js';

describe('defineSessions', () => {
  const store = memorySessions();
  const pages = defineSessions<{ page: number }>('pages');

  it('creates sessions whose controls and forms route back to its command and session', async () => {
    const session = await pages.create(store.forCommand('pages'), 'user-1', { page: 2 });
    const controls = pages.controls(session);
    expect(decodeCustomId(controls.customId('next', '3'))).toEqual({
      command: 'pages',
      action: 'next',
      session: session.id,
      arg: '3',
    });
    expect(decodeCustomId(controls.formId('move'))).toEqual({
      command: 'pages',
      action: 'move',
      session: session.id,
      arg: '',
    });
    expect(pages.of(await store.get(session.id))?.state.page).toBe(2);
  });

  it("gives no session for a control that names none, or another command's", async () => {
    const other = await defineSessions<string>('other').create(store.forCommand('other'), 'user-1', 'text');
    expect(pages.of(undefined)).toBeUndefined();
    expect(pages.of(await store.get(other.id))).toBeUndefined();
  });
});
