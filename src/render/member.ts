import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { Group, Member, ProxyTag, System } from '../pluralkit/schemas.js';
import { fitEmbedTotal, fitLines, joinWithin, truncate, DiscordLimits } from './limits.js';
import type { RenderedMessage } from './message.js';
import { avatarOf } from './fronters.js';
import { displayId, type IdDisplay } from './ids.js';
import { boldName, memberName } from './names.js';
import { codeSpan, dashboardUrl, formatColor, inlineText, parseColor } from './text.js';
import { embedImage } from './urls.js';

/** What the member card shows besides the member, when the caller knows it. */
export interface MemberCardOptions {
  /** The member's system, for the author line. */
  system?: System | null | undefined;
  /** The groups the member is in (only those the viewer may see). */
  groups?: readonly Group[] | undefined;
  /** When the member last fronted (see `lastFrontedTimes`): `null` if never; absent when unknown. */
  lastFronted?: Date | 'now' | null | undefined;
  /** The system's id display setting (split / caps). */
  ids?: IdDisplay | undefined;
}

/** Room for the description; PluralKit caps it at 1,000, this only guards the message total. */
const DescriptionBudget = 2500;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The member card, laid out like PluralKit's: the author line `name (system name)` with the avatar,
 * linking to the dashboard; then the display name (when set), pronouns, birthday, message count,
 * last fronted, created, proxy tags and groups as fields; description, avatar thumbnail, banner, colour.
 * Values PluralKit hid are absent; the owner's hidden members carry a "(this member is hidden)" note.
 * @see https://pluralkit.me/api/models/#member-model
 */
export function renderMember(member: Member, options: MemberCardOptions = {}): RenderedMessage {
  const color = parseColor(member.color);
  const avatar = avatarOf(member);
  const image = embedImage(member.banner);
  const fields: APIEmbedField[] = [];
  const add = (name: string, value: string | null | undefined, inline = true): void => {
    if (value) fields.push({ name, value: truncate(value, DiscordLimits.fieldValue), inline });
  };
  if (memberName(member) !== member.name) add('Display name', inlineText(memberName(member)));
  add('Pronouns', member.pronouns && inlineText(member.pronouns));
  add('Birthday', member.birthday && formatBirthday(member.birthday));
  add('Colour', member.color && formatColor(member.color));
  add('Messages', member.message_count ? member.message_count.toLocaleString('en-US') : undefined);
  add('Last fronted', lastFrontedText(options.lastFronted));
  add('Created', member.created && discordTimestamp(member.created, 'D'));
  if (member.proxy_tags.length > 0) {
    add('Proxy tags', fitLines(member.proxy_tags.map(proxyTagText), DiscordLimits.fieldValue).text, false);
  }
  if (options.groups !== undefined && options.groups.length > 0) {
    add(`Groups (${options.groups.length})`, groupsText(options.groups, options.ids), false);
  }

  const hiddenNote = member.privacy?.visibility === 'private' ? '*(this member is hidden)*' : undefined;
  const description = [hiddenNote, member.description?.trim() || undefined]
    .filter((part) => part !== undefined)
    .join('\n\n');
  const embed: APIEmbed = {
    author: entityAuthor(member.name, options.system, dashboardUrl('m', member.id), avatar),
    ...(description !== '' && { description: truncate(description, DescriptionBudget) }),
    ...(color !== undefined && { color }),
    ...(avatar !== undefined && { thumbnail: { url: avatar } }),
    ...(image !== undefined && { image }),
    ...(fields.length > 0 && { fields }),
    footer: { text: idFooter(member.system, 'Member', member.id, options.ids) },
  };
  return { embeds: [fitEmbedTotal(embed)], components: [] };
}

/**
 * PluralKit's author line of a member or group card: `name (system name)`, or the name alone when
 * the system's name is hidden or unset; with the avatar or icon and the dashboard link.
 */
export function entityAuthor(
  name: string,
  system: System | null | undefined,
  url: string,
  icon: string | undefined,
): NonNullable<APIEmbed['author']> {
  const systemName = system?.name?.replace(/\s+/g, ' ').trim();
  const own = name.replace(/\s+/g, ' ').trim();
  return {
    name: truncate(systemName ? `${own} (${systemName})` : own, DiscordLimits.authorName),
    url,
    ...(icon !== undefined && { icon_url: icon }),
  };
}

/** `System ID: abcde · Member ID: fghij` in the system's id display, for card footers. */
export function idFooter(
  systemId: string | undefined,
  kind: 'Member' | 'Group',
  id: string,
  ids: IdDisplay | undefined,
): string {
  const own = `${kind} ID: ${displayId(id, ids)}`;
  return systemId ? `System ID: ${displayId(systemId, ids)} · ${own}` : own;
}

/** A proxy tag as PluralKit shows it: the proxy string with `text` in the middle, in a code span. */
export function proxyTagText(tag: ProxyTag): string {
  return codeSpan(`${tag.prefix ?? ''}text${tag.suffix ?? ''}`);
}

/** `May 1, 2000`, or `May 1` when the year is PluralKit's "no year" (0004 or 0001). */
export function formatBirthday(birthday: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  const month = match === null ? undefined : months[Number(match[2]) - 1];
  if (match === null || month === undefined) return inlineText(birthday);
  const day = `${month} ${Number(match[3])}`;
  return match[1] === '0004' || match[1] === '0001' ? day : `${day}, ${Number(match[1])}`;
}

function lastFrontedText(lastFronted: Date | 'now' | null | undefined): string | undefined {
  if (lastFronted === undefined) return undefined;
  if (lastFronted === null) return 'Never';
  if (lastFronted === 'now') return 'Fronting now';
  return `${discordTimestamp(lastFronted, 'f')} (${discordTimestamp(lastFronted, 'R')})`;
}

/** Like PluralKit: up to five groups one per line with their id, more as a comma list of names. */
function groupsText(groups: readonly Group[], ids: IdDisplay | undefined): string {
  const sorted = [...groups].sort(
    (a, b) => memberName(a).localeCompare(memberName(b), 'en') || a.id.localeCompare(b.id),
  );
  const names = sorted.map((group) => boldName(memberName(group)));
  if (sorted.length > 5) return joinWithin(names, DiscordLimits.fieldValue);
  return fitLines(
    sorted.map((group, i) => `\`${displayId(group.id, ids)}\` ${names[i]!}`),
    DiscordLimits.fieldValue,
  ).text;
}
