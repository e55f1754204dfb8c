import type { APIEmbed } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { LastFronted } from '../front/last-fronted.js';
import type { Member, System } from '../pluralkit/schemas.js';
import { controlId, listPage, pagingRow, selectRow } from './components.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import { ControlAction } from './message.js';
import type { RenderControls, RenderedMessage } from './message.js';
import { systemAuthor } from './fronters.js';
import { displayId, type IdDisplay } from './ids.js';
import { boldName, memberName } from './names.js';
import { inlineText, parseColor, plural } from './text.js';

/** Members per page unless the caller says otherwise. */
export const DefaultMembersPerPage = 20;

/** How a member list is ordered. */
export type MemberSort = 'name' | 'last-fronted';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Members ordered by name (display name when set, case- and accent-insensitive), or by when they last
 * fronted (see `lastFrontedTimes`), fronting ones first, never-fronted ones last by name. Ties fall
 * back to the id, so the order is the same on every call and pages never shuffle.
 */
export function sortMembers(
  members: readonly Member[],
  sort: MemberSort,
  lastFronted?: ReadonlyMap<string, LastFronted>,
): Member[] {
  const byName = (a: Member, b: Member): number =>
    collator.compare(memberName(a), memberName(b)) || (a.id < b.id ? -1 : 1);
  if (sort === 'name' || lastFronted === undefined) return [...members].sort(byName);
  const time = (member: Member): number => {
    const last = lastFronted.get(member.id);
    return last === undefined ? Number.NEGATIVE_INFINITY : last === 'now' ? Number.POSITIVE_INFINITY : last.getTime();
  };
  return [...members].sort((a, b) => time(b) - time(a) || byName(a, b));
}

/** How to show one page of a member list. */
export interface MemberListOptions {
  /** 0-based; out-of-range pages show the nearest page. */
  page: number;
  /** 1–25, default 20. */
  pageSize?: number | undefined;
  controls: RenderControls;
  system?: System | null | undefined;
  /** Shown in the title when the list was filtered. */
  search?: string | undefined;
  /** Title instead of `Members` (e.g. a group's name); a search still shows in it. */
  title?: string | undefined;
  /** Adds "last fronted" to each line when given (see `lastFrontedTimes`). */
  lastFronted?: ReadonlyMap<string, LastFronted> | undefined;
  /** The system's id display setting (split / caps). */
  ids?: IdDisplay | undefined;
}

/**
 * One page of a member list (already filtered and sorted): a line per member, `Page X/Y · N members`,
 * paging buttons and a select that opens a member card. Only the page's members are looked at.
 */
export function renderMemberList(members: readonly Member[], options: MemberListOptions): RenderedMessage {
  const { page, pages, slice } = listPage(members, options.page, options.pageSize, DefaultMembersPerPage);
  const color = parseColor(options.system?.color);
  const lines = slice.map((member) => memberLine(member, options.lastFronted?.get(member.id), options.ids));

  const embed: APIEmbed = {
    ...(options.system && { author: systemAuthor(options.system) }),
    title: truncate(titleFor(options.search, options.title), DiscordLimits.embedTitle),
    description: lines.length > 0 ? fitLines(lines, DiscordLimits.embedDescription).text : emptyText(options.search),
    ...(color !== undefined && { color }),
    footer: { text: `Page ${page + 1}/${pages} · ${plural(members.length, 'member')}` },
  };
  const components = [];
  if (pages > 1) components.push(pagingRow(options.controls, page, pages));
  if (slice.length > 0) {
    const options_ = slice.map((member) => ({
      label: memberName(member).replace(/\s+/g, ' ').trim(),
      value: member.id,
      description: optionDescription(member, options.ids),
    }));
    components.push(selectRow(controlId(options.controls, ControlAction.Open), 'Open a member card…', options_));
  }
  return { embeds: [embed], components };
}

function titleFor(search: string | undefined, title = 'Members'): string {
  return search?.trim() ? `${inlineText(title)} matching “${inlineText(search)}”` : inlineText(title);
}

function emptyText(search: string | undefined): string {
  return search?.trim() ? 'No member matches that search.' : 'No members to show.';
}

function memberLine(member: Member, lastFronted: LastFronted | undefined, ids: IdDisplay | undefined): string {
  let line = `\`${displayId(member.id, ids)}\` ${boldName(memberName(member))}`;
  if (member.pronouns) line += ` (${inlineText(truncate(member.pronouns, 30))})`;
  if (lastFronted === 'now') line += ' · fronting now';
  else if (lastFronted !== undefined) line += ` · last fronted ${discordTimestamp(lastFronted, 'R')}`;
  return line;
}

function optionDescription(member: Member, ids: IdDisplay | undefined): string {
  const parts = [`ID ${displayId(member.id, ids)}`];
  if (memberName(member) !== member.name) parts.push(member.name);
  if (member.pronouns) parts.push(member.pronouns);
  return parts.join(' · ').replace(/\s+/g, ' ');
}
