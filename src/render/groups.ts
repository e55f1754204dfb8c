import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { ButtonStyle } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { Group, Member, System } from '../pluralkit/schemas.js';
import { button, buttonRow, controlId, listPage, pagingRow, selectRow } from './components.js';
import { DiscordLimits, fitEmbedTotal, fitLines, truncate } from './limits.js';
import { ControlAction } from './message.js';
import type { RenderControls, RenderedMessage } from './message.js';
import { systemAuthor } from './fronters.js';
import { displayId, type IdDisplay } from './ids.js';
import { entityAuthor, idFooter } from './member.js';
import { boldName, memberName } from './names.js';
import { dashboardUrl, formatColor, inlineText, parseColor, plural } from './text.js';
import { embedImage, embedUrl } from './urls.js';

/** Groups per list page unless the caller says otherwise. */
export const DefaultGroupsPerPage = 20;

/** How to show one page of a group list. */
export interface GroupListOptions {
  page: number;
  /** 1–25, default 20. */
  pageSize?: number | undefined;
  controls: RenderControls;
  system?: System | null | undefined;
  /** The system's id display setting (split / caps). */
  ids?: IdDisplay | undefined;
}

/**
 * One page of a group list: a line per group (with its member count when PluralKit sent members),
 * `Page X/Y · N groups`, paging buttons and a select that opens a group card.
 */
export function renderGroupList(groups: readonly Group[], options: GroupListOptions): RenderedMessage {
  const { page, pages, slice } = listPage(groups, options.page, options.pageSize, DefaultGroupsPerPage);
  const color = parseColor(options.system?.color);
  const lines = slice.map((group) => {
    const count = group.members === undefined ? '' : ` (${plural(group.members.length, 'member')})`;
    return `\`${displayId(group.id, options.ids)}\` ${boldName(memberName(group))}${count}`;
  });
  const embed: APIEmbed = {
    ...(options.system && { author: systemAuthor(options.system) }),
    title: 'Groups',
    description: lines.length > 0 ? fitLines(lines, DiscordLimits.embedDescription).text : 'No groups to show.',
    ...(color !== undefined && { color }),
    footer: { text: `Page ${page + 1}/${pages} · ${plural(groups.length, 'group')}` },
  };
  const components = [];
  if (pages > 1) components.push(pagingRow(options.controls, page, pages));
  if (slice.length > 0) {
    const menu = slice.map((group) => ({
      label: memberName(group).replace(/\s+/g, ' ').trim(),
      value: group.id,
      description: `ID ${displayId(group.id, options.ids)}`,
    }));
    components.push(selectRow(controlId(options.controls, ControlAction.Open), 'Open a group card…', menu));
  }
  return { embeds: [embed], components };
}

/** What the group card shows besides the group. */
export interface GroupCardOptions {
  /** The group's members the viewer may see, in display order. */
  members?: readonly Member[] | undefined;
  system?: System | null | undefined;
  /** With controls, a cut member list gets an "All members" button (action `members`, arg group id). */
  controls?: RenderControls | undefined;
  /** The system's id display setting (split / caps). */
  ids?: IdDisplay | undefined;
}

/**
 * A group card, laid out like PluralKit's: the author line `name (system name)` with the icon, the
 * display name (when set), colour, created, and its members as a field cut at a line with
 * "(N more)" (the button then leads to the paged member list); description, icon, banner, colour.
 * @see https://pluralkit.me/api/models/#group-model
 */
export function renderGroup(group: Group, options: GroupCardOptions = {}): RenderedMessage {
  const color = parseColor(group.color);
  const icon = embedUrl(group.icon);
  const image = embedImage(group.banner);
  const fields: APIEmbedField[] = [];
  const shownName = memberName(group);
  if (shownName !== group.name)
    fields.push({
      name: 'Display name',
      value: truncate(inlineText(shownName), DiscordLimits.fieldValue),
      inline: true,
    });
  if (group.color !== null) fields.push({ name: 'Colour', value: formatColor(group.color), inline: true });
  if (group.created !== null)
    fields.push({ name: 'Created', value: discordTimestamp(group.created, 'D'), inline: true });
  let cut = false;
  if (options.members !== undefined) {
    const lines = options.members.map(
      (member) => `\`${displayId(member.id, options.ids)}\` ${boldName(memberName(member))}`,
    );
    const fitted = fitLines(lines, DiscordLimits.fieldValue);
    cut = fitted.hidden > 0;
    fields.push({ name: `Members (${options.members.length})`, value: fitted.text || 'No members.' });
  }
  const embed: APIEmbed = {
    author: entityAuthor(group.name, options.system, dashboardUrl('g', group.id), icon),
    ...(group.description?.trim() && { description: truncate(group.description, 3000) }),
    ...(color !== undefined && { color }),
    ...(icon !== undefined && { thumbnail: { url: icon } }),
    ...(image !== undefined && { image }),
    ...(fields.length > 0 && { fields }),
    footer: { text: idFooter(group.system, 'Group', group.id, options.ids) },
  };
  const components =
    cut && options.controls !== undefined
      ? [
          buttonRow([
            button(controlId(options.controls, ControlAction.GroupMembers, group.id), 'All members', {
              style: ButtonStyle.Primary,
            }),
          ]),
        ]
      : [];
  return { embeds: [fitEmbedTotal(embed)], components };
}
