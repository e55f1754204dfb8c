import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { backRow } from '../../src/render/components.js';
import { renderMemberList } from '../../src/render/members.js';
import { makeMember, testControls } from './fixtures.js';

describe('controls and titles of the profile views', () => {
  it('a card opened from a list gets one "Back to list" button', () => {
    expect(backRow(testControls)).toEqual({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: 't:back:',
          label: 'Back to list',
          emoji: { name: '↩️' },
        },
      ],
    });
  });

  it('a member list can carry its own title, escaped, and a search still shows in it', () => {
    const members = [makeMember('aaaaa', 'Ash')];
    const titled = renderMemberList(members, { page: 0, controls: testControls, title: 'Members of *Core*' });
    expect(titled.embeds[0]?.title).toBe('Members of \\*Core\\*');
    const searched = renderMemberList(members, {
      page: 0,
      controls: testControls,
      title: 'Members of Core',
      search: 'as',
    });
    expect(searched.embeds[0]?.title).toBe('Members of Core matching “as”');
    expect(renderMemberList(members, { page: 0, controls: testControls }).embeds[0]?.title).toBe('Members');
  });
});
