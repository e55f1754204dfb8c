/**
 * Turning user text (names, tags, pronouns) into safe Discord markdown.
 */

/**
 * Escapes markdown so a name shows literally: `*`, `_`, `~`, `` ` ``, `|`, `\`, brackets and `<`
 * (mentions, timestamps) everywhere, and `#`, `>`, `-` where they would start a heading, quote or list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** User text for one line: newlines and runs of spaces become one space, markdown is escaped. */
export function inlineText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** Text shown literally in a code span, however many backticks it contains. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A PluralKit colour (`rrggbb`, any case, optional `#`) as Discord's integer, or `undefined` for no or
 * malformed colour.
 */
export function parseColor(color: string | null | undefined): number | undefined {
  if (color === null || color === undefined) return undefined;
  const hex = color.trim().replace(/^#/, '');
  return /^[0-9a-f]{6}$/i.test(hex) ? Number.parseInt(hex, 16) : undefined;
}

/** `#a1b2c3` for showing a colour. */
export function formatColor(color: string): string {
  return `#${color.replace(/^#/, '').toLowerCase()}`;
}

/** Singular or plural: `1 member`, `3 members`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** PluralKit's dashboard page of a system (`s`), member (`m`) or group (`g`). */
export function dashboardUrl(kind: 's' | 'm' | 'g', id: string): string {
  return `https://dash.pluralkit.me/profile/${kind}/${id}`;
}
