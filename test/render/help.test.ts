import { describe, expect, it } from 'vitest';
import { renderHelp, StoredDataNote } from '../../src/render/help.js';
import { assertWithinDiscordLimits } from './limits-check.js';

const stored = { name: StoredDataNote.title, value: StoredDataNote.text };

describe('renderHelp', () => {
  it('lists each command with its description under its heading, then the notes and what is stored', () => {
    const message = renderHelp(
      [
        { title: 'Fronting now', entries: [{ name: 'fronters', description: 'Who is fronting' }] },
        { title: 'Switches', entries: [{ name: 'switch in', description: 'Log a *switch*' }] },
      ],
      { notes: [{ title: 'Times', text: '`10 minutes ago`' }] },
    );
    expect(message).toEqual({
      embeds: [
        {
          title: 'pk-companion commands',
          description: '**Fronting now**\n`/fronters` Who is fronting\n\n**Switches**\n`/switch in` Log a \\*switch\\*',
          color: 0x5865f2,
          fields: [{ name: 'Times', value: '`10 minutes ago`' }, stored],
        },
      ],
      components: [],
    });
  });

  it('says what is stored, for how long and how to remove it', () => {
    expect(StoredDataNote.text).toContain('your Discord user id and your PluralKit token, encrypted');
    expect(StoredDataNote.text).toContain('until you run `/unlink`, which deletes them at once');
  });

  it('shows context menus by name and where to find them', () => {
    const message = renderHelp([
      {
        title: 'Menus',
        entries: [
          { name: 'Fronters', description: 'Their fronters.', kind: 'user' },
          { name: 'Who was fronting?', description: 'The front then.', kind: 'message' },
        ],
      },
    ]);
    expect(message.embeds[0]!.description).toBe(
      [
        '**Menus**',
        '**Fronters** (on a user: right-click or long-press → Apps) Their fronters.',
        '**Who was fronting?** (on a message: right-click or long-press → Apps) The front then.',
      ].join('\n'),
    );
  });

  it('cuts a very long list with "(N more)"', () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ name: `command${i}`, description: 'x '.repeat(100) }));
    const message = renderHelp([{ title: 'All', entries }], { intro: 'Hello' });
    assertWithinDiscordLimits(message);
    expect(message.embeds[0]!.description).toMatch(/^Hello\n\n\*\*All\*\*\n`\/command0` /);
    expect(message.embeds[0]!.description).toMatch(/\n\(\d+ more\)$/);
  });
});
