import { describe, expect, it } from 'vitest';
import { renderMessageFront } from '../../src/render/message-front.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeMember, makeSwitch, makeSystem } from './fixtures.js';

const sentAt = new Date('2025-06-01T12:00:00Z');
const system = makeSystem({ name: 'Stars', color: '112233' });
const names = new Map([
  ['aaaaa', 'Alice'],
  ['bbbbb', 'B*b'],
]);

describe('renderMessageFront', () => {
  it('lists the co-fronters in name order whatever order the switch list had', () => {
    const shown = [
      ['hiddn', 'bbbbb', 'aaaaa'],
      ['bbbbb', 'aaaaa', 'hiddn'],
    ].map(
      (members) =>
        renderMessageFront({
          system,
          sentAt,
          names,
          sender: { kind: 'account' },
          front: makeSwitch(1, '2025-06-01T09:30:00Z', members),
        }).embeds[0]!.description,
    );
    expect(shown[0]).toBe(shown[1]);
    expect(shown[0]).toContain('**Alice**\n**B\\*b**\n`hiddn`');
  });

  it('names the proxied member and lists the fronters of the switch in force, in the member colour', () => {
    const message = renderMessageFront({
      system,
      sentAt,
      names,
      sender: { kind: 'proxied', member: makeMember('aaaaa', 'Alice', { color: 'ff0000' }) },
      front: makeSwitch(1, '2025-06-01T09:30:00Z', ['aaaaa', 'bbbbb', 'hiddn']),
    });
    expect(message).toEqual({
      embeds: [
        {
          author: { name: 'Stars' },
          title: 'Who was fronting?',
          description: [
            'Sent <t:1748779200:f> (<t:1748779200:R>)',
            'Proxied by PluralKit as **Alice**.',
            '',
            '**Fronting then (3):**',
            '**Alice**\n**B\\*b**\n`hiddn`',
            'Since <t:1748770200:f> (<t:1748770200:R>)',
          ].join('\n'),
          color: 0xff0000,
          footer: { text: 'System ID: exmpl' },
        },
      ],
      components: [],
    });
  });

  it('says when the account sent it, the system had switched out, or nothing was logged', () => {
    const out = renderMessageFront({
      system,
      sentAt,
      names,
      sender: { kind: 'account' },
      front: makeSwitch(2, '2025-06-01T11:00:00Z', []),
    });
    expect(out.embeds[0]?.description).toBe(
      [
        'Sent <t:1748779200:f> (<t:1748779200:R>)',
        'Sent from the system’s own account (not proxied).',
        '',
        '**No one** was fronting (the system had switched out).',
        'Since <t:1748775600:f> (<t:1748775600:R>)',
      ].join('\n'),
    );
    expect(out.embeds[0]?.color).toBe(0x112233);
    const none = renderMessageFront({ system, sentAt, names, sender: { kind: 'proxied', member: null }, front: null });
    expect(none.embeds[0]?.description?.split('\n').slice(1)).toEqual([
      'Proxied by PluralKit (the member is no longer shown).',
      '',
      'No switch was logged before this message, so I can’t tell who was fronting.',
    ]);
  });

  it('says a private front history is private', () => {
    const message = renderMessageFront({ system, sentAt, names, sender: { kind: 'account' }, front: 'private' });
    expect(message.embeds[0]?.description).toMatch(
      /\nThis system keeps its front history private, so I can’t tell who was fronting then\.$/,
    );
  });

  it('stays within the limits with 150 long-named co-fronters', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const longNames = new Map(ids.map((id) => [id, `${id} ${'*'.repeat(95)}`]));
    const message = renderMessageFront({
      system: makeSystem({ name: 'x'.repeat(100) }),
      sentAt,
      names: longNames,
      sender: { kind: 'account' },
      front: makeSwitch(3, '2025-06-01T11:00:00Z', ids),
    });
    assertWithinDiscordLimits(message);
    expect(message.embeds[0]?.description).toMatch(/\(\d+ more\)\nSince /);
  });
});
