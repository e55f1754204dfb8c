import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { controlId, pagingRow } from '../../src/render/components.js';
import { embedLength, fitEmbedTotal, fitLines, joinWithin, truncate } from '../../src/render/limits.js';
import { parsePageArg } from '../../src/render/message.js';
import { discordLimitViolations } from './limits-check.js';
import { testControls } from './fixtures.js';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });
  it('cuts at a line, else a word, ending in …', () => {
    expect(truncate('first line\nsecond line', 15)).toBe('first line…');
    expect(truncate('the quick brown fox', 12)).toBe('the quick…');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });
  it('never splits an emoji in half', () => {
    expect(truncate('aa😀😀', 4)).toBe('aa…');
  });
});

describe('fitLines', () => {
  it('keeps what fits and counts the rest', () => {
    expect(fitLines(['aaaa', 'bbbb', 'cccc', 'dddd'], 18)).toEqual({
      text: 'aaaa\nbbbb\n(2 more)',
      shown: 2,
      hidden: 2,
    });
    expect(fitLines(['aaaa', 'bbbb'], 9)).toEqual({ text: 'aaaa\nbbbb', shown: 2, hidden: 0 });
  });
  it('counts items beyond a slice when given the total', () => {
    expect(fitLines(['a', 'b'], 100, { total: 10 }).text).toBe('a\nb\n(8 more)');
  });
  it('cuts a first item that is too long rather than showing only the count', () => {
    expect(fitLines(['a very long first line', 'b'], 20).text).toBe('a very…\n(1 more)');
  });
  it('joins names on one line', () => {
    expect(joinWithin(['Alice', 'Bob', 'Carol', 'Dave'], 22)).toBe('Alice, Bob, and 2 more');
  });
});

describe('embed length', () => {
  it('counts what Discord counts', () => {
    const embed = {
      title: 'ab',
      description: 'cde',
      footer: { text: 'f' },
      author: { name: 'gh' },
      fields: [{ name: 'i', value: 'jk' }],
      url: 'https://x',
    };
    expect(embedLength(embed)).toBe(11);
  });
  it('shrinks description, then fields from the last one, to a budget', () => {
    const embed = {
      description: 'word '.repeat(100),
      fields: [
        { name: 'a', value: 'b'.repeat(50) },
        { name: 'c', value: 'd'.repeat(50) },
      ],
    };
    const fitted = fitEmbedTotal(embed, 120);
    expect(fitted).toEqual({ description: 'word word word…', fields: embed.fields });
    expect(embed.description).toBe('word '.repeat(100));
    const fieldsOnly = fitEmbedTotal({ fields: embed.fields }, 80);
    expect(fieldsOnly.fields).toEqual([embed.fields[0], { name: 'c', value: 'd'.repeat(27) + '…' }]);
    expect(embedLength(fieldsOnly)).toBeLessThanOrEqual(80);
  });
});

describe('controls', () => {
  it('refuses custom ids longer than Discord allows', () => {
    expect(() => controlId({ customId: () => 'x'.repeat(101) }, 'next', '1')).toThrow(RangeError);
  });
  it('gives each paging button its own id with the target page', () => {
    const ids = pagingRow(testControls, 1, 3).components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual(['t:first:0', 't:prev:0', 't:next:2', 't:last:2']);
    expect(parsePageArg('2')).toBe(2);
    expect(parsePageArg('x')).toBeUndefined();
  });
});

describe('assertWithinDiscordLimits', () => {
  it('reports every broken limit', () => {
    const button = (id: string) =>
      ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id, label: 'l'.repeat(81) }) as const;
    const problems = discordLimitViolations({
      content: 'c'.repeat(2001),
      embeds: [
        {
          title: 't'.repeat(257),
          description: 'd'.repeat(4097),
          fields: [{ name: '', value: 'v'.repeat(1025) }],
          color: 0x1000000,
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [button('a'), button('a'), button('b'), button('c'), button('d'), button('e')],
        },
      ],
    });
    expect(problems).toEqual(
      [
        'content is 2001 chars',
        'embed 0 title is 257 chars',
        'embed 0 description is 4097 chars',
        'embed 0 colour 16777216',
        'embed 0 field 0 name is 0 chars',
        'embed 0 field 0 value is 1025 chars',
        'embeds total 5379 chars',
        'row 0 has 6 buttons',
        'button label "' + 'l'.repeat(81) + '" is too long',
        'custom id "a" repeats',
        ...Array(5).fill('button label "' + 'l'.repeat(81) + '" is too long'),
      ].filter((p) => p !== 'embeds total 5379 chars'),
    );
  });
});
