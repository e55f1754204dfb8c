import type { APIEmbed } from 'discord-api-types/v10';
import { discordTimestamp, formatDuration } from '../front/format.js';
import type { FrontShares } from '../front/stats-modes.js';
import type { FrontStatsEntry } from '../front/stats.js';
import type { System } from '../pluralkit/schemas.js';
import { clampPage, pageCount, pagingRow } from './components.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import type { RenderControls, RenderedMessage } from './message.js';
import { boldNameWithin } from './names.js';
import { inlineText, parseColor } from './text.js';

/** Members (and groups) per stats page: PluralKit's 24, leaving room for a "(N more)" line. */
export const StatsEntriesPerPage = 24;

/**
 * Every line fits in this, so 24 member lines, 24 group lines, titles and the footer stay under
 * Discord's 6,000 characters together, and no entry of a page is ever cut away.
 */
const MaxLineLength = 110;
const SectionBudget = StatsEntriesPerPage * (MaxLineLength + 1);

/** How to show front stats. */
export interface FrontStatsViewOptions {
  /** Member short id → name; unknown ids show as the id. */
  names: ReadonlyMap<string, string>;
  /** Group short id → name. */
  groupNames?: ReadonlyMap<string, string> | undefined;
  system?: System | null | undefined;
  /** 0-based page of the member and group lists; needs `controls` to show paging buttons. */
  page?: number | undefined;
  controls?: RenderControls | undefined;
}

/**
 * Front stats: one line per member, `name — 12.5% (3d 4h)` by time with stretches and the longest one,
 * a group section, the mode (flat, fronters only) and a cut range said under the range, and in the
 * footer the switch-outs and what the percentages are of.
 */
export function renderFrontStats(stats: FrontShares, options: FrontStatsViewOptions): RenderedMessage {
  const pages = Math.max(
    pageCount(stats.members.length, StatsEntriesPerPage),
    pageCount(stats.groups.length, StatsEntriesPerPage),
  );
  const page = clampPage(options.page ?? 0, pages);
  const color = parseColor(options.system?.color);
  const colour = color === undefined ? {} : { color };
  const header = [
    `${discordTimestamp(stats.start, 'f')} → ${discordTimestamp(stats.end, 'f')} (${formatDuration(stats.rangeMs)})`,
    ...headerNotes(stats),
  ].join('\n');

  const members = section(stats.members, page, options.names);
  const embeds: APIEmbed[] = [
    {
      title: truncate(statsTitle(options.system), DiscordLimits.embedTitle),
      description: members === undefined ? `${header}\n\nNo one fronted in this range.` : `${header}\n\n${members}`,
      ...colour,
    },
  ];
  const groups = section(stats.groups, page, options.groupNames ?? new Map());
  if (groups !== undefined) embeds.push({ title: 'Groups', description: groups, ...colour });
  const last = embeds[embeds.length - 1]!;
  last.footer = { text: footerText(stats, page, pages) };

  const components = pages > 1 && options.controls !== undefined ? [pagingRow(options.controls, page, pages)] : [];
  return { embeds, components };
}

function section(
  entries: readonly FrontStatsEntry[],
  page: number,
  names: ReadonlyMap<string, string>,
): string | undefined {
  const start = page * StatsEntriesPerPage;
  const slice = entries.slice(start, start + StatsEntriesPerPage);
  if (slice.length === 0) return undefined;
  const lines = slice.map((entry, i) => entryLine(`${start + i + 1}. `, entry, names));
  const later = entries.length - start - slice.length;
  const text = fitLines(lines, SectionBudget).text;
  return later > 0 ? `${text}\n(${later} more on the next pages)` : text;
}

/** `1. **Alice** — 41.7% (2d 12h) · fronted 3 times, longest 1d`, at most {@link MaxLineLength} long. */
function entryLine(prefix: string, entry: FrontStatsEntry, names: ReadonlyMap<string, string>): string {
  const times =
    entry.stretches === 1
      ? 'fronted once'
      : `fronted ${entry.stretches} times, longest ${formatDuration(entry.longestStretchMs)}`;
  const figures = ` — ${formatPercent(entry.percent)} (${formatDuration(entry.totalMs)}) · ${times}`;
  const name = names.get(entry.id);
  const label =
    name === undefined ? `\`${entry.id}\`` : boldNameWithin(name, MaxLineLength - prefix.length - figures.length);
  return truncate(`${prefix}${label}${figures}`, MaxLineLength);
}

/** `12.5%`, `50%`, `<0.1%`: one decimal, none when it is zero. */
export function formatPercent(percent: number): string {
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${Number(percent.toFixed(1))}%`;
}

function statsTitle(system: System | null | undefined): string {
  if (!system) return 'Front stats';
  return system.name?.trim()
    ? `Front stats of ${inlineText(truncate(system.name, 80))}`
    : `Front stats of ${system.id}`;
}

function headerNotes(stats: FrontShares): string[] {
  const notes: string[] = [];
  if (stats.cutToHistory) {
    notes.push(
      stats.rangeMs > 0
        ? 'The range reached back before the first switch, so it starts there.'
        : 'The range ends before the first switch, so there is nothing to count.',
    );
  } else if (stats.rangeMs === 0) {
    notes.push('No switches are logged yet, so there is nothing to count.');
  }
  const mode = [
    stats.mode.flat && 'Flat list: the percentages add up to 100%',
    stats.mode.frontersOnly && 'Fronters only: switch-outs left out',
  ];
  const shown = mode.filter((text): text is string => typeof text === 'string');
  if (shown.length > 0) notes.push(`${shown.join(' · ')}.`);
  return notes;
}

function footerText(stats: FrontShares, page: number, pages: number): string {
  const sentences: string[] = [];
  if (stats.rangeMs > 0) sentences.push(`These figures cover the whole ${formatDuration(stats.rangeMs)}.`);
  if (stats.switchedOutMs > 0) {
    const share =
      stats.switchedOutPercent === undefined
        ? ', left out of the percentages'
        : ` (${formatPercent(stats.switchedOutPercent)})`;
    sentences.push(`No one was fronting for ${formatDuration(stats.switchedOutMs)}${share}.`);
  }
  if (pages > 1) sentences.push(`Page ${page + 1} of ${pages}.`);
  return [...(sentences.length > 0 ? [sentences.join(' ')] : []), basisNote(stats)].join('\n');
}

/** What the percentages are of, in the mode's words. */
function basisNote(stats: FrontShares): string {
  const plainBasis = stats.mode.frontersOnly ? 'the time someone was fronting' : 'the whole range';
  if (stats.mode.flat) {
    const members = stats.mode.frontersOnly
      ? "Percentages are of all members' times added up, so they add up to 100%."
      : "Percentages are of all members' times plus the time with no fronter, so together they add up to 100%.";
    return stats.groups.length > 0 ? `${members} Groups overlap, so theirs are of ${plainBasis}.` : members;
  }
  return `Percentages are of ${plainBasis}. Co-fronters each get the full time, so they can add up to more than 100%.`;
}
