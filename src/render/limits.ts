import type { APIEmbed } from 'discord-api-types/v10';

/**
 * Discord's limits on message bodies. Lengths are counted in UTF-16 code units here, which is never
 * less than what Discord counts, so staying within them is always safe.
 * @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const DiscordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum over all embeds of title, description, field names and values, footer text and author name. */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  customId: 100,
  buttonLabel: 80,
  /** Bytes per uploaded file: the smallest limit any server has (10 MiB since 2024). */
  attachmentBytes: 10 * 1024 * 1024,
  attachmentsPerMessage: 10,
  /** An attachment's alt text. */
  attachmentDescription: 1024,
} as const;

/** The ellipsis that marks cut text. */
export const Ellipsis = '…';

/**
 * Cuts `text` to at most `max` characters, ending in `…`. Prefers a line break, then a space, as long as
 * that keeps at least half the budget; never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const room = max - Ellipsis.length;
  let cut = room;
  const line = text.lastIndexOf('\n', room);
  const word = text.lastIndexOf(' ', room);
  if (line >= room / 2) cut = line;
  else if (word >= room / 2) cut = word;
  else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}${Ellipsis}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Lines that fit a budget, see {@link fitLines}. */
export interface FittedLines {
  text: string;
  shown: number;
  hidden: number;
}

/** The default tail for cut lists: `(12 more)`. */
export const moreTail = (hidden: number): string => `(${hidden} more)`;

/**
 * Joins as many leading `lines` as fit in `budget` characters; when some are left out, ends with a
 * `(N more)` line (or `tail(N)`) that is counted in the budget. A single line too long for the budget
 * is cut with `…`. `total` is the full count when `lines` is already a slice of a longer list.
 */
export function fitLines(
  lines: readonly string[],
  budget: number,
  options: { separator?: string; tail?: (hidden: number) => string; total?: number } = {},
): FittedLines {
  const separator = options.separator ?? '\n';
  const tail = options.tail ?? moreTail;
  const total = Math.max(options.total ?? lines.length, lines.length);
  if (
    total === lines.length &&
    lines.reduce((sum, line) => sum + line.length + separator.length, -separator.length) <= budget
  ) {
    return { text: lines.join(separator), shown: lines.length, hidden: 0 };
  }
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const restAfter = total - index - 1;
    const reserve = restAfter > 0 ? separator.length + tail(restAfter).length : 0;
    const cost = (kept.length > 0 ? separator.length : 0) + line.length;
    if (length + cost + reserve <= budget) {
      kept.push(line);
      length += cost;
      continue;
    }
    if (kept.length === 0 && restAfter === 0) return { text: truncate(line, budget), shown: 1, hidden: 0 };
    // Better a cut first item than only "(N more)".
    const cut = kept.length === 0 ? truncate(line, budget - reserve) : '';
    if (cut.length > Ellipsis.length) {
      kept.push(cut);
      length += cut.length;
    }
    break;
  }
  const hidden = total - kept.length;
  const text = hidden > 0 ? [...kept, tail(hidden)].join(separator) : kept.join(separator);
  return { text: truncate(text, budget), shown: kept.length, hidden };
}

/**
 * Joins `items` with `, ` within `budget`; the rest becomes `and N more`. For names on one line.
 */
export function joinWithin(items: readonly string[], budget: number): string {
  return fitLines(items, budget, { separator: ', ', tail: (n) => `and ${n} more` }).text;
}

/** The characters of an embed that count towards Discord's 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

/** The counted characters of all embeds of a message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/**
 * Last line of defence for the 6,000-character total: shortens the description, then field values from
 * the last one up, until `embed` costs at most `budget`. Views budget their parts so this rarely acts.
 */
export function fitEmbedTotal(embed: APIEmbed, budget: number = DiscordLimits.embedTotal): APIEmbed {
  let excess = embedLength(embed) - budget;
  if (excess <= 0) return embed;
  const fitted: APIEmbed = { ...embed };
  if (embed.fields !== undefined) fitted.fields = embed.fields.map((field) => ({ ...field }));
  if (fitted.description !== undefined) {
    const before = fitted.description.length;
    fitted.description = truncate(fitted.description, Math.max(1, before - excess));
    excess -= before - fitted.description.length;
  }
  for (const field of [...(fitted.fields ?? [])].reverse()) {
    if (excess <= 0) break;
    const before = field.value.length;
    field.value = truncate(field.value, Math.max(1, before - excess));
    excess -= before - field.value.length;
  }
  return fitted;
}
