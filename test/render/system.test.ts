import { describe, expect, it } from 'vitest';
import { renderSystem } from '../../src/render/system.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeMember, makeSystem } from './fixtures.js';

describe('renderSystem', () => {
  it('shows everything the system has', () => {
    const system = makeSystem({
      name: 'The _Stars_',
      tag: '| ✨',
      pronouns: 'we/us',
      description: 'We are **many**.',
      avatar_url: 'https://cdn.example/s.png',
      banner: 'https://cdn.example/banner.png',
      color: 'A1B2C3',
      created: '2024-05-01T12:00:00Z',
    });
    const message = renderSystem(system, { memberCount: 12, groupCount: 3, fronters: [makeMember('aaaaa', 'Alice')] });
    expect(message).toEqual({
      embeds: [
        {
          title: 'The \\_Stars\\_',
          url: 'https://dash.pluralkit.me/profile/s/exmpl',
          description: 'We are **many**.',
          color: 0xa1b2c3,
          thumbnail: { url: 'https://cdn.example/s.png' },
          image: { url: 'https://cdn.example/banner.png' },
          fields: [
            { name: 'Fronter', value: '**Alice**', inline: false },
            { name: 'Tag', value: '\\| ✨', inline: true },
            { name: 'Pronouns', value: 'we/us', inline: true },
            { name: 'Colour', value: '#a1b2c3', inline: true },
            { name: 'Members', value: '12', inline: true },
            { name: 'Groups', value: '3', inline: true },
            { name: 'Created', value: '<t:1714564800:D>', inline: true },
          ],
          footer: { text: 'System ID: exmpl' },
        },
      ],
      components: [],
    });
  });

  it('lists co-fronters in name order whatever order PluralKit sent, and shows ids as the system asks', () => {
    const members = [
      makeMember('ccccc', 'carol'),
      makeMember('aaaaa', 'Alice'),
      makeMember('bbbbb', 'bob', { display_name: 'Bea' }),
    ];
    const shuffles = [members, [...members].reverse(), [members[1]!, members[2]!, members[0]!]];
    for (const fronters of shuffles) {
      const embed = renderSystem(makeSystem({ id: 'abcdef' }), { fronters, ids: { split: true, caps: true } })
        .embeds[0]!;
      expect(embed.fields![0]).toEqual({ name: 'Fronters', value: '**Alice**, **Bea**, **carol**', inline: false });
      expect(embed.footer!.text).toBe('System ID: ABC-DEF');
    }
  });

  it('keeps the card when the avatar or banner URL is one Discord would refuse', () => {
    const embed = renderSystem(
      makeSystem({ avatar_url: '<https://cdn.example/s.png>', banner: 'https://cdn.example/my banner.png' }),
    ).embeds[0]!;
    expect(embed.thumbnail).toEqual({ url: 'https://cdn.example/s.png' });
    expect(embed.image).toEqual({ url: 'https://cdn.example/my%20banner.png' });
    expect(
      renderSystem(makeSystem({ avatar_url: 'ftp://x.example/a.png', banner: 'not a url' })).embeds[0]!,
    ).not.toHaveProperty('thumbnail');
  });

  it('leaves hidden or unset values out entirely', () => {
    expect(renderSystem(makeSystem())).toEqual({
      embeds: [
        {
          title: 'System exmpl',
          url: 'https://dash.pluralkit.me/profile/s/exmpl',
          footer: { text: 'System ID: exmpl' },
        },
      ],
      components: [],
    });
  });

  it('stays within the limits with the longest values PluralKit allows', () => {
    const system = makeSystem({
      name: '*'.repeat(100),
      tag: '_'.repeat(79),
      pronouns: '~'.repeat(100),
      description: 'word '.repeat(800),
    });
    const fronters = Array.from({ length: 200 }, (_, i) => makeMember(`m${i}`, `${'x'.repeat(40)}${i}`));
    const message = renderSystem(system, { fronters, memberCount: 2000 });
    assertWithinDiscordLimits(message);
    expect(message.embeds[0]!.fields!.find((f) => f.name === 'Fronters')!.value).toMatch(/and \d+ more$/);
  });
});
