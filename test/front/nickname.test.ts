import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutWithEllipsis, frontNickname, MaxNicknameLength } from '../../src/front/nickname.js';

const hasLoneSurrogate = (text: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('frontNickname', () => {
  it("follows PluralKit's {name} {tag}", () => {
    expect(frontNickname(['Ash'], '| Ember')).toBe('Ash | Ember');
    expect(frontNickname(['Ash'], null)).toBe('Ash');
  });

  it('joins several fronters and keeps the tag when they fit', () => {
    expect(frontNickname(['Ash', 'Bee', 'Cy'], '🌙')).toBe('Ash, Bee, Cy 🌙');
  });

  it('counts the fronters that do not fit as +N', () => {
    expect(frontNickname(['Alexandria', 'Bartholomew', 'Cassiopeia', 'Dmitri'], '[sys]')).toBe(
      'Alexandria, Bartholomew +2 [sys]',
    );
  });

  it('drops the tag before cutting a name, and cuts with an ellipsis', () => {
    expect(frontNickname(['A name that is much too long for Discord'], 'tag')).toBe('A name that is much too long fo…');
    expect(frontNickname(['Short'], 'a tag far longer than thirty-two characters')).toBe('Short');
  });

  it('resets the nickname when nobody is fronting', () => {
    expect(frontNickname([], 'tag')).toBeUndefined();
    expect(frontNickname(['  '], 'tag')).toBeUndefined();
  });

  it('never breaks an emoji', () => {
    expect(cutWithEllipsis('😀'.repeat(20), 32)).toBe(`${'😀'.repeat(15)}…`);
    expect(cutWithEllipsis('👩‍👩‍👧‍👦'.repeat(4), 20)).toBe('👩‍👩‍👧‍👦…');
  });

  it('always fits in 32, never splits a surrogate pair, and names the first fronter', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }).filter((n) => n.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 12 }),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 79 })),
        (names, tag) => {
          const nick = frontNickname(names, tag)!;
          expect(nick.length).toBeLessThanOrEqual(MaxNicknameLength);
          expect(hasLoneSurrogate(nick)).toBe(false);
          const first = names[0]!.replace(/\s+/g, ' ').trim();
          if (!nick.includes('…')) expect(nick.startsWith(first)).toBe(true);
        },
      ),
    );
  });
});
