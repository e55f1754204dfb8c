import { ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderSwitchHistory, renderSwitchPicker, zonedText } from '../../src/render/switches.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeSwitch, makeSystem, testControls } from './fixtures.js';

const now = new Date('2025-06-15T12:00:00Z');
const names = new Map([
  ['aaaaa', 'Alice'],
  ['bbbbb', 'B_b'],
]);
const history = [
  makeSwitch(3, '2025-06-15T10:00:00Z', ['aaaaa', 'bbbbb']),
  makeSwitch(2, '2025-06-15T09:30:00Z', []),
  makeSwitch(1, '2025-06-14T09:29:00Z', ['hidnn']),
];

describe('renderSwitchHistory', () => {
  it("shows a switch's co-fronters in one order however PluralKit sent them (hidden ids last)", () => {
    const lines = [
      ['bbbbb', 'hidnn', 'aaaaa'],
      ['hidnn', 'aaaaa', 'bbbbb'],
      ['aaaaa', 'bbbbb', 'hidnn'],
    ].map((members) => {
      const message = renderSwitchPicker([makeSwitch(1, '2025-06-15T10:00:00Z', members)], {
        page: 0,
        controls: testControls,
        now,
        names,
      });
      const menu = message.components.at(-1)!.components[0] as { options: { label: string }[] };
      return [message.embeds[0]!.description!.split(' · ')[0], menu.options[0]!.label.split(' · ')[0]];
    });
    for (const line of lines) expect(line).toEqual(['**Alice**, **B\\_b**, `hidnn`', 'Alice, B_b, hidnn']);
  });

  it('lists switches newest first with names, times and durations', () => {
    const message = renderSwitchHistory(history, {
      page: 0,
      controls: testControls,
      now,
      names,
      system: makeSystem({ name: 'Stars', color: '0000ff' }),
    });
    expect(message).toEqual({
      embeds: [
        {
          title: 'Front history of Stars',
          description: [
            '**Alice**, **B\\_b** · <t:1749981600:f> (<t:1749981600:R>) · ongoing, 2h so far',
            '*no fronter* · <t:1749979800:f> (<t:1749979800:R>) · for 30m',
            '`hidnn` · <t:1749893340:f> (<t:1749893340:R>) · for 1d',
          ].join('\n'),
          color: 0x0000ff,
          footer: { text: 'Page 1/1 · 3 switches' },
        },
      ],
      components: [],
    });
  });

  it('ends the newest switch of a later page at the switch before it, and keeps next enabled while loading', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeSwitch(i, new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(), ['aaaaa']),
    );
    const message = renderSwitchHistory(many, { page: 1, controls: testControls, now, names, complete: false });
    expect(message.embeds[0]!.description!.split('\n')).toEqual([
      '**Alice** · <t:1749949200:f> (<t:1749949200:R>) · for 1h',
      '**Alice** · <t:1749945600:f> (<t:1749945600:R>) · for 1h',
    ]);
    expect(message.embeds[0]!.footer).toEqual({ text: 'Page 2/2+ · 12+ switches' });
    expect(message.components[0]!.components.map((c) => ('disabled' in c ? (c.disabled ?? false) : false))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('offers "last" while loading when the caller can jump to the oldest switch', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeSwitch(i, new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(), ['aaaaa']),
    );
    const disabled = (complete: boolean, page: number) =>
      renderSwitchHistory(many, {
        page,
        controls: testControls,
        now,
        names,
        complete,
        jumpToOldest: true,
      }).components[0]!.components.map((c) => ('disabled' in c ? (c.disabled ?? false) : false));
    expect(disabled(false, 0)).toEqual([true, true, false, false]);
    expect(disabled(false, 1)).toEqual([false, false, false, false]);
    expect(disabled(true, 1)).toEqual([false, false, true, true]);
  });

  it('keeps a page of 150-member co-fronts and a 10,000-switch history within the limits', () => {
    const crowd = Array.from({ length: 150 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    const big = Array.from({ length: 10_000 }, (_, i) =>
      makeSwitch(i, new Date(now.getTime() - (i + 1) * 60_000).toISOString(), crowd),
    );
    const crowdNames = new Map(crowd.map((id) => [id, `${id} with a long name`]));
    for (const page of [0, 1, 500, 999]) {
      const message = renderSwitchPicker(big, { page, controls: testControls, now, names: crowdNames });
      assertWithinDiscordLimits(message);
      expect(message.embeds[0]!.description!.split('\n')).toHaveLength(10);
      expect(message.embeds[0]!.description).toMatch(/and 1\d\d more · <t:/);
    }
  });
});

describe('renderSwitchPicker', () => {
  it('adds a select of the page switches with names and plain relative times', () => {
    const message = renderSwitchPicker(history, {
      page: 0,
      controls: testControls,
      now,
      names,
      timeZone: 'Europe/Berlin',
    });
    expect(message.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: 't:pick:',
            placeholder: 'Pick a switch to edit…',
            options: [
              { label: 'Alice, B_b · 2h ago', value: history[0]!.id, description: '2025-06-15 12:00 (Europe/Berlin)' },
              {
                label: 'no fronter · 2h 30m ago',
                value: history[1]!.id,
                description: '2025-06-15 11:30 (Europe/Berlin)',
              },
              { label: 'hidnn · 1d 2h ago', value: history[2]!.id, description: '2025-06-14 11:29 (Europe/Berlin)' },
            ],
          },
        ],
      },
    ]);
  });

  it('writes zone times in UTC when the zone is unknown', () => {
    expect(zonedText(now, 'Nowhere/Land')).toBe('2025-06-15 12:00 (UTC)');
  });
});
