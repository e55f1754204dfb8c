/** Discord's longest nickname. */
export const MaxNicknameLength = 32;

const ellipsis = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Length as Discord's limit is safest counted: UTF-16 code units (never fewer than Discord's own count). */
function size(text: string): number {
  return text.length;
}

/** `text` cut to at most `max` units on a grapheme boundary (no broken surrogate pair or emoji), with `…`. */
export function cutWithEllipsis(text: string, max: number): string {
  if (size(text) <= max) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (size(kept) + size(segment) + size(ellipsis) > max) break;
    kept += segment;
  }
  return kept.trimEnd() + ellipsis;
}

/**
 * The nickname for a front, in PluralKit's own proxy-name style `{name} {tag}`: the fronters' names (display
 * name or name, in the order given) joined with `, `, then the system tag. Within 32 characters: fronters that
 * don't fit become `+N`, then the tag is dropped, then the one name left is cut with `…`. Undefined when
 * nobody is fronting (the nickname is then reset).
 */
export function frontNickname(names: readonly string[], tag: string | null | undefined): string | undefined {
  const clean = names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
  if (clean.length === 0) return undefined;
  const cleanTag = tag?.replace(/\s+/g, ' ').trim() ?? '';
  const suffixes = cleanTag === '' ? [''] : [` ${cleanTag}`, ''];
  for (const suffix of suffixes) {
    for (let shown = clean.length; shown >= 1; shown--) {
      const rest = shown < clean.length ? ` +${clean.length - shown}` : '';
      const text = clean.slice(0, shown).join(', ') + rest + suffix;
      if (size(text) <= MaxNicknameLength) return text;
    }
  }
  const rest = clean.length > 1 ? ` +${clean.length - 1}` : '';
  return cutWithEllipsis(clean[0]!, MaxNicknameLength - size(rest)) + rest;
}
