import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, inlineText, parseColor } from '../../src/render/text.js';

describe('escapeMarkdown', () => {
  it('makes names show literally', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| [f](g) <@1>')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](g) \\<@1>',
    );
    expect(escapeMarkdown('# big\n> quote\n- item\n1. one')).toBe('\\# big\n\\> quote\n\\- item\n1\\. one');
    expect(escapeMarkdown('a - b # c')).toBe('a - b # c');
  });
  it('puts user text on one line', () => {
    expect(inlineText('  two\n lines ')).toBe('two lines');
  });
});

describe('codeSpan', () => {
  it('fences text with more backticks than it contains', () => {
    expect(codeSpan('a:text')).toBe('`a:text`');
    expect(codeSpan('`text`')).toBe('`` `text` ``');
    expect(codeSpan('x``text')).toBe('```x``text```');
  });
});

describe('parseColor', () => {
  it('reads hex colours in any case', () => {
    expect(parseColor('FF00aa')).toBe(0xff00aa);
    expect(parseColor('#00ff00')).toBe(0x00ff00);
    expect(parseColor('nope')).toBeUndefined();
    expect(parseColor(null)).toBeUndefined();
  });
});
