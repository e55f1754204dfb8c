import { describe, expect, it } from 'vitest';
import { renderInvite } from '../../src/render/invite.js';
import { assertWithinDiscordLimits } from './limits-check.js';

describe('renderInvite', () => {
  it('offers each way to add the bot as link buttons', () => {
    const message = renderInvite({
      server: 'https://example.org/server',
      serverWithFrontSync: 'https://example.org/front-sync',
      user: 'https://example.org/user',
    });
    expect(message.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 5, label: 'Add to a server', url: 'https://example.org/server' },
          { type: 2, style: 5, label: 'Add with front sync', url: 'https://example.org/front-sync' },
          { type: 2, style: 5, label: 'Add to your account', url: 'https://example.org/user' },
        ],
      },
    ]);
    expect(message.embeds[0]?.description).toContain('I ask for no permissions: I only answer commands and DMs.');
    expect(message.embeds[0]?.fields).toEqual([
      {
        name: 'What I keep about you',
        value: expect.stringContaining('your Discord user id and your PluralKit token, encrypted') as unknown,
      },
    ]);
    assertWithinDiscordLimits(message);
  });
});
