import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderGroup, renderGroupList } from '../../src/render/groups.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeGroup, makeMember, makeSystem, testControls, uuid } from './fixtures.js';

describe('renderGroupList', () => {
  it('lists groups with member counts and a select to open one', () => {
    const groups = [
      makeGroup('gggga', 'Alpha', { members: [uuid(1), uuid(2)] }),
      makeGroup('ggggb', 'beta', { display_name: 'Beta ~' }),
    ];
    expect(renderGroupList(groups, { page: 0, controls: testControls })).toEqual({
      embeds: [
        {
          title: 'Groups',
          description: '`gggga` **Alpha** (2 members)\n`ggggb` **Beta \\~**',
          footer: { text: 'Page 1/1 · 2 groups' },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: 't:open:',
              placeholder: 'Open a group card…',
              options: [
                { label: 'Alpha', value: 'gggga', description: 'ID gggga' },
                { label: 'Beta ~', value: 'ggggb', description: 'ID ggggb' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('pages 250 groups within the limits', () => {
    const groups = Array.from({ length: 250 }, (_, i) =>
      makeGroup(`g${String(i).padStart(4, '0')}`, `${'|'.repeat(100)}`),
    );
    for (let page = 0; page < 13; page++)
      assertWithinDiscordLimits(renderGroupList(groups, { page, controls: testControls }));
    expect(renderGroupList(groups, { page: 12, controls: testControls }).embeds[0]!.footer!.text).toBe(
      'Page 13/13 · 250 groups',
    );
  });
});

describe('renderGroup', () => {
  it('shows a group card with its members', () => {
    const group = makeGroup('ggggg', 'friends', {
      display_name: 'Friends',
      description: 'The *good* ones',
      icon: 'https://cdn.example/g.png',
      color: 'ABCDEF',
      created: '2024-05-01T12:00:00Z',
    });
    const message = renderGroup(group, {
      members: [makeMember('aaaaa', 'Alice'), makeMember('bbbbb', 'Bob')],
      system: makeSystem({ name: 'Stars' }),
    });
    expect(message).toEqual({
      embeds: [
        {
          author: {
            name: 'friends (Stars)',
            url: 'https://dash.pluralkit.me/profile/g/ggggg',
            icon_url: 'https://cdn.example/g.png',
          },
          description: 'The *good* ones',
          color: 0xabcdef,
          thumbnail: { url: 'https://cdn.example/g.png' },
          fields: [
            { name: 'Display name', value: 'Friends', inline: true },
            { name: 'Colour', value: '#abcdef', inline: true },
            { name: 'Created', value: '<t:1714564800:D>', inline: true },
            { name: 'Members (2)', value: '`aaaaa` **Alice**\n`bbbbb` **Bob**' },
          ],
          footer: { text: 'System ID: exmpl · Group ID: ggggg' },
        },
      ],
      components: [],
    });
  });

  it('cuts a long member list at a line and offers the full list', () => {
    const members = Array.from({ length: 500 }, (_, i) => makeMember(`m${String(i).padStart(4, '0')}`, `Member ${i}`));
    const message = renderGroup(makeGroup('ggggg', 'Big', { description: 'd'.repeat(1000) }), {
      members,
      controls: testControls,
    });
    assertWithinDiscordLimits(message);
    expect(message.embeds[0]!.fields![0]!.value).toMatch(/\n\(\d+ more\)$/);
    expect(message.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: 't:members:ggggg',
            label: 'All members',
          },
        ],
      },
    ]);
  });
});
