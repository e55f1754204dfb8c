import { describe, expect, it } from 'vitest';
import { formatBirthday, proxyTagText, renderMember } from '../../src/render/member.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeGroup, makeMember, makeSystem } from './fixtures.js';

const ownPrivacy = {
  visibility: 'private',
  name_privacy: 'public',
  description_privacy: 'public',
  birthday_privacy: 'public',
  pronoun_privacy: 'public',
  avatar_privacy: 'public',
  metadata_privacy: 'public',
} as const;

describe('renderMember', () => {
  it('shows a full member card', () => {
    const member = makeMember('aaaaa', 'alice', {
      display_name: 'Alice ✿',
      pronouns: 'she/her',
      birthday: '0004-05-01',
      color: 'FF00AA',
      avatar_url: 'https://cdn.example/a.png',
      banner: 'https://cdn.example/ab.png',
      description: 'Hi!',
      created: '2024-05-01T12:00:00Z',
      message_count: 12345,
      proxy_tags: [
        { prefix: 'a:', suffix: null },
        { prefix: '`', suffix: '`' },
      ],
    });
    const message = renderMember(member, {
      system: makeSystem({ name: 'The Stars' }),
      groups: [makeGroup('ggggz', 'Zeta'), makeGroup('gggga', 'Alpha')],
      lastFronted: new Date('2025-06-15T10:00:00Z'),
    });
    expect(message).toEqual({
      embeds: [
        {
          author: {
            name: 'alice (The Stars)',
            url: 'https://dash.pluralkit.me/profile/m/aaaaa',
            icon_url: 'https://cdn.example/a.png',
          },
          description: 'Hi!',
          color: 0xff00aa,
          thumbnail: { url: 'https://cdn.example/a.png' },
          image: { url: 'https://cdn.example/ab.png' },
          fields: [
            { name: 'Display name', value: 'Alice ✿', inline: true },
            { name: 'Pronouns', value: 'she/her', inline: true },
            { name: 'Birthday', value: 'May 1', inline: true },
            { name: 'Colour', value: '#ff00aa', inline: true },
            { name: 'Messages', value: '12,345', inline: true },
            { name: 'Last fronted', value: '<t:1749981600:f> (<t:1749981600:R>)', inline: true },
            { name: 'Created', value: '<t:1714564800:D>', inline: true },
            { name: 'Proxy tags', value: '`a:text`\n`` `text` ``', inline: false },
            { name: 'Groups (2)', value: '`gggga` **Alpha**\n`ggggz` **Zeta**', inline: false },
          ],
          footer: { text: 'System ID: exmpl · Member ID: aaaaa' },
        },
      ],
      components: [],
    });
  });

  it('notes that an own member is hidden, and leaves hidden values out', () => {
    const message = renderMember(makeMember('bbbbb', 'Bob', { privacy: ownPrivacy }), { lastFronted: null });
    expect(message.embeds[0]).toEqual({
      author: { name: 'Bob', url: 'https://dash.pluralkit.me/profile/m/bbbbb' },
      description: '*(this member is hidden)*',
      fields: [{ name: 'Last fronted', value: 'Never', inline: true }],
      footer: { text: 'System ID: exmpl · Member ID: bbbbb' },
    });
  });

  it('shows ids as the system asks (split 6-letter ids, capitals) and never a Name field repeating the author', () => {
    const member = makeMember('abcdef', 'Ash', { system: 'sysabc' });
    const embed = renderMember(member, { groups: [makeGroup('grpxyz', 'Night')], ids: { split: true, caps: true } })
      .embeds[0]!;
    expect(embed.footer!.text).toBe('System ID: SYS-ABC · Member ID: ABC-DEF');
    expect(embed.fields!.find((f) => f.name === 'Groups (1)')!.value).toBe('`GRP-XYZ` **Night**');
    expect(embed.fields!.map((f) => f.name)).not.toContain('Name');
    expect(renderMember(makeMember('abcde', 'Bo'), { ids: { split: true, caps: false } }).embeds[0]!.footer!.text).toBe(
      'System ID: exmpl · Member ID: abcde',
    );
  });

  it('drops avatar and banner URLs Discord would refuse, and cleans the ones it can save', () => {
    const member = makeMember('aaaaa', 'Ash', {
      avatar_url: '<https://cdn.example/my avatar.png>',
      banner: 'ftp://cdn.example/b.png',
    });
    const embed = renderMember(member).embeds[0]!;
    expect(embed.thumbnail).toEqual({ url: 'https://cdn.example/my%20avatar.png' });
    expect(embed.author!.icon_url).toBe('https://cdn.example/my%20avatar.png');
    expect(embed.image).toBeUndefined();
  });

  it('formats birthdays with and without a year', () => {
    expect(formatBirthday('2000-12-24')).toBe('Dec 24, 2000');
    expect(formatBirthday('0001-01-02')).toBe('Jan 2');
    expect(proxyTagText({ prefix: null, suffix: '-b' })).toBe('`text-b`');
  });

  it('keeps a member with a 1000-character description, 100 proxy tags and many groups within the limits', () => {
    const member = makeMember('ccccc', 'C'.repeat(100), {
      display_name: '*'.repeat(100),
      pronouns: '_'.repeat(100),
      description: 'lorem ipsum '.repeat(84).slice(0, 1000),
      proxy_tags: Array.from({ length: 100 }, (_, i) => ({
        prefix: `${'p'.repeat(45)}${i}:`,
        suffix: `:${'s'.repeat(45)}`,
      })),
    });
    const groups = Array.from({ length: 300 }, (_, i) => makeGroup(`g${i}`, `Group ${i} ${'n'.repeat(60)}`));
    const message = renderMember(member, { groups, system: makeSystem({ name: 'S'.repeat(100) }) });
    assertWithinDiscordLimits(message);
    const fields = message.embeds[0]!.fields!;
    expect(fields.find((f) => f.name === 'Proxy tags')!.value).toMatch(/\n\(\d+ more\)$/);
    expect(fields.find((f) => f.name === 'Groups (300)')!.value).toMatch(/and \d+ more$/);
    expect(message.embeds[0]!.description).toBe(member.description);
  });
});
