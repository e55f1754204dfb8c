import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderMemberList, sortMembers } from '../../src/render/members.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeMember, makeSystem, testControls } from './fixtures.js';

const alice = makeMember('aaaaa', 'alice', { display_name: 'Alice', pronouns: 'she/her' });
const bob = makeMember('bbbbb', 'Bob');
const eve = makeMember('eeeee', 'Ève');

const pageButton = (action: string, arg: string, label: string, emoji: string, disabled: boolean) => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  custom_id: `t:${action}:${arg}`,
  label,
  emoji: { name: emoji },
  ...(disabled && { disabled: true }),
});

describe('renderMemberList', () => {
  it('renders a single page with a member select and no paging buttons', () => {
    const message = renderMemberList([alice, bob], {
      page: 0,
      controls: testControls,
      system: makeSystem({ color: '123456' }),
    });
    expect(message).toEqual({
      embeds: [
        {
          author: { name: 'System exmpl' },
          title: 'Members',
          description: '`aaaaa` **Alice** (she/her)\n`bbbbb` **Bob**',
          color: 0x123456,
          footer: { text: 'Page 1/1 · 2 members' },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: 't:open:',
              placeholder: 'Open a member card…',
              options: [
                { label: 'Alice', value: 'aaaaa', description: 'ID aaaaa · alice · she/her' },
                { label: 'Bob', value: 'bbbbb', description: 'ID bbbbb' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('pages with first/previous/next/last buttons disabled at the ends', () => {
    const members = [alice, bob, eve];
    const first = renderMemberList(members, { page: 0, pageSize: 1, controls: testControls });
    expect(first.components[0]).toEqual({
      type: ComponentType.ActionRow,
      components: [
        pageButton('first', '0', 'First', '⏮️', true),
        pageButton('prev', '0', 'Previous', '◀️', true),
        pageButton('next', '1', 'Next', '▶️', false),
        pageButton('last', '2', 'Last', '⏭️', false),
      ],
    });
    const middle = renderMemberList(members, { page: 1, pageSize: 1, controls: testControls });
    expect(middle.embeds[0]!.description).toBe('`bbbbb` **Bob**');
    expect(middle.embeds[0]!.footer).toEqual({ text: 'Page 2/3 · 3 members' });
    const last = renderMemberList(members, { page: 99, pageSize: 1, controls: testControls });
    expect(last.embeds[0]!.footer).toEqual({ text: 'Page 3/3 · 3 members' });
    expect(last.components[0]!.components.map((c) => ('disabled' in c ? c.disabled : false))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('shows when each member last fronted', () => {
    const last = new Map<string, Date | 'now'>([
      ['aaaaa', 'now'],
      ['bbbbb', new Date('2025-06-15T10:00:00Z')],
    ]);
    const message = renderMemberList([alice, bob, eve], { page: 0, controls: testControls, lastFronted: last });
    expect(message.embeds[0]!.description).toBe(
      '`aaaaa` **Alice** (she/her) · fronting now\n`bbbbb` **Bob** · last fronted <t:1749981600:R>\n`eeeee` **Ève**',
    );
  });

  it('shows ids as the system asks, in lines and menu descriptions, while the menu values stay PluralKit ids', () => {
    const message = renderMemberList([makeMember('abcdef', 'Ash')], {
      page: 0,
      controls: testControls,
      ids: { split: true, caps: true },
    });
    expect(message.embeds[0]!.description).toBe('`ABC-DEF` **Ash**');
    const menu = message.components[0]!.components[0] as { options: { value: string; description: string }[] };
    expect(menu.options[0]).toMatchObject({ value: 'abcdef', description: 'ID ABC-DEF' });
  });

  it('says when nothing matches, without an empty select', () => {
    const message = renderMemberList([], { page: 0, controls: testControls, search: 'zz*' });
    expect(message).toEqual({
      embeds: [
        {
          title: 'Members matching “zz\\*”',
          description: 'No member matches that search.',
          footer: { text: 'Page 1/1 · 0 members' },
        },
      ],
      components: [],
    });
  });

  it('renders every page of a 2,000-member system within the limits, reaching every member', () => {
    const members = Array.from({ length: 2000 }, (_, i) =>
      makeMember(`m${String(i).padStart(4, '0')}`, `${'*'.repeat(90)}${i}`, {
        display_name: `${'_'.repeat(95)}${i}`,
        pronouns: '~'.repeat(100),
      }),
    );
    const seen = new Set<string>();
    for (let page = 0; page < 100; page++) {
      const message = renderMemberList(members, {
        page,
        controls: testControls,
        lastFronted: new Map([['m0000', new Date(0)]]),
      });
      assertWithinDiscordLimits(message);
      expect(message.embeds[0]!.footer!.text).toBe(`Page ${page + 1}/100 · 2000 members`);
      const select = message.components[1]!.components[0]!;
      if (select.type !== ComponentType.StringSelect) throw new Error('no select');
      for (const option of select.options) seen.add(option.value);
    }
    expect(seen.size).toBe(2000);
  });
});

describe('sortMembers', () => {
  it('sorts by name ignoring case and accents, ties by id', () => {
    const twin = makeMember('aaaab', 'ALICE');
    expect(sortMembers([eve, bob, twin, alice], 'name').map((m) => m.id)).toEqual(['aaaaa', 'aaaab', 'bbbbb', 'eeeee']);
  });

  it('sorts by last fronted, most recent first, never-fronted last', () => {
    const last = new Map<string, Date | 'now'>([
      ['bbbbb', new Date('2025-01-01')],
      ['eeeee', new Date('2025-06-01')],
    ]);
    expect(sortMembers([alice, bob, eve], 'last-fronted', last).map((m) => m.id)).toEqual(['eeeee', 'bbbbb', 'aaaaa']);
    last.set('aaaaa', 'now');
    expect(sortMembers([eve, bob, alice], 'last-fronted', last).map((m) => m.id)).toEqual(['aaaaa', 'eeeee', 'bbbbb']);
  });
});
