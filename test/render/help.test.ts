import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../src/render/help.js';
import { assertWithinDiscordLimits } from './limits-check.js';

describe('renderHelp', () => {
  it('lists each command with its description', () => {
    expect(renderHelp([{ name: 'fronters', description: 'Who is fronting' }, { name: 'switch', description: 'Log a *switch*' }])).toEqual({
      embeds: [{ title: 'pk-companion commands', description: '`/fronters` Who is fronting\n`/switch` Log a \\*switch\\*', color: 0x5865f2 }],
      components: [],
    });
  });

  it('shows context menus by name and where to find them', () => {
    const message = renderHelp([
      { name: 'help', description: 'Help' },
      { name: 'Fronters', description: 'Their fronters.', kind: 'user' },
      { name: 'Who was fronting?', description: 'The front then.', kind: 'message' },
    ]);
    expect(message.embeds[0]!.description).toBe([
      '`/help` Help',
      '**Fronters** (on a user: right-click or long-press → Apps) Their fronters.',
      '**Who was fronting?** (on a message: right-click or long-press → Apps) The front then.',
    ].join('\n'));
  });

  it('cuts a very long list with "(N more)"', () => {
    const message = renderHelp(Array.from({ length: 100 }, (_, i) => ({ name: `command${i}`, description: 'x '.repeat(100) })), { intro: 'Hello' });
    assertWithinDiscordLimits(message);
    expect(message.embeds[0]!.description).toMatch(/^Hello\n\n`\/command0` /);
    expect(message.embeds[0]!.description).toMatch(/\n\(\d+ more\)$/);
  });
});
