import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderSwitchActions, renderSwitchEditConfirm, renderSwitchEditResult } from '../../src/render/switch-edit.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeSwitch, testControls } from './fixtures.js';

const names = new Map([
  ['aaaaa', 'Alice'],
  ['bbbbb', 'Bob'],
]);
const sw = makeSwitch(1, '2025-06-15T10:00:00Z', ['aaaaa', 'bbbbb']);
const at = '<t:1749981600:f> (<t:1749981600:R>)';
const buttons = (label: string, style: ButtonStyle) => [
  {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style, custom_id: 't:confirm:', label },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: 't:cancel:', label: 'Cancel' },
    ],
  },
];

describe('renderSwitchActions', () => {
  it('shows the picked switch, how long it lasted, and the four actions', () => {
    const newer = makeSwitch(2, '2025-06-15T11:30:00Z', []);
    const message = renderSwitchActions(sw, {
      names,
      controls: testControls,
      newer,
      now: new Date('2025-06-15T12:00:00Z'),
    });
    expect(message.embeds).toEqual([
      { title: 'Edit this switch', description: `**Alice**, **Bob**\n${at}\nfor 1h 30m`, color: 0xfaa61a },
    ]);
    expect(message.components[0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      't:move:',
      't:who:',
      't:delete:',
      't:back:',
    ]);
    assertWithinDiscordLimits(message);
  });

  it('says the latest switch is still going on', () => {
    const message = renderSwitchActions(sw, { names, controls: testControls, now: new Date('2025-06-15T10:05:00Z') });
    expect(message.embeds[0]!.description).toBe(`**Alice**, **Bob**\n${at}\nongoing, 5m so far`);
  });
});

describe('renderSwitchEditConfirm', () => {
  it('asks before moving a switch', () => {
    const message = renderSwitchEditConfirm(
      sw,
      { kind: 'move', to: new Date('2025-06-15T09:00:00Z') },
      { names, controls: testControls },
    );
    expect(message).toEqual({
      embeds: [
        {
          title: 'Move this switch?',
          description: `**Alice**, **Bob**\nfrom ${at}\nto <t:1749978000:f> (<t:1749978000:R>)`,
          color: 0xfaa61a,
        },
      ],
      components: buttons('Move switch', ButtonStyle.Primary),
    });
  });

  it('asks before changing members, showing unknown ids and switch-outs', () => {
    const message = renderSwitchEditConfirm(sw, { kind: 'members', to: ['zzzzz'] }, { names, controls: testControls });
    expect(message.embeds[0]!.description).toBe(`Switch at ${at}\nfrom **Alice**, **Bob**\nto \`zzzzz\``);
    const out = renderSwitchEditConfirm(sw, { kind: 'members', to: [] }, { names, controls: testControls });
    expect(out.embeds[0]!.description).toBe(`Switch at ${at}\nfrom **Alice**, **Bob**\nto *no fronter*`);
  });

  it('asks with a red button before deleting', () => {
    const message = renderSwitchEditConfirm(sw, { kind: 'delete' }, { names, controls: testControls });
    expect(message).toEqual({
      embeds: [
        {
          title: 'Delete this switch?',
          description: `**Alice**, **Bob** at ${at}\nThis cannot be undone.`,
          color: 0xed4245,
        },
      ],
      components: buttons('Delete switch', ButtonStyle.Danger),
    });
  });

  it('stays within the limits for a 150-member switch', () => {
    const crowd = Array.from({ length: 150 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const many = new Map(crowd.map((id) => [id, `${id} ${'_'.repeat(90)}`]));
    assertWithinDiscordLimits(
      renderSwitchEditConfirm(
        makeSwitch(2, sw.timestamp, crowd),
        { kind: 'members', to: crowd },
        { names: many, controls: testControls },
      ),
    );
  });
});

describe('renderSwitchEditResult', () => {
  it('tells what happened and removes the buttons', () => {
    expect(renderSwitchEditResult({ kind: 'move', after: sw }, { names })).toEqual({
      embeds: [{ description: `✅ Switch moved: **Alice**, **Bob** since ${at}.`, color: 0x3ba55c }],
      components: [],
    });
    expect(renderSwitchEditResult({ kind: 'delete' }, { names }).embeds[0]!.description).toBe('🗑️ Switch deleted.');
    expect(renderSwitchEditResult({ kind: 'cancelled' }, { names })).toEqual({
      embeds: [{ description: 'Cancelled; the switch was not changed.' }],
      components: [],
    });
  });
});
