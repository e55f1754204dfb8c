import type { APIEmbed } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { FrontSwitch, Member, System } from '../pluralkit/schemas.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import type { RenderedMessage } from './message.js';
import { displayId, type IdDisplay } from './ids.js';
import { boldName, memberName, sortedMembers } from './names.js';
import { inlineText, parseColor } from './text.js';
import { embedImage, embedUrl } from './urls.js';

/** Budget of the fronter list, so a 150-member co-front still leaves room for the rest of the card. */
const FronterListBudget = 3500;

/**
 * The current fronters card. `front` is PluralKit's `/fronters` answer: `null` when the system has no
 * switches yet, an empty member list after a switch-out. Like PluralKit's fronter card: a line per
 * fronter with name and pronouns, in {@link sortedMembers} order; colour and thumbnail come from the
 * first of them (colour falls back to the system's). The card is stamped with `now`, so a reader
 * knows when the snapshot was taken. `ids` is the system's id display setting.
 */
export function renderFronters(front: FrontSwitch | null, system: System, now: Date, ids?: IdDisplay): RenderedMessage {
  const members = front === null ? [] : sortedMembers(front.members);
  const first = members[0];
  const color = parseColor(first?.color) ?? parseColor(system.color);
  const thumbnail = first === undefined ? undefined : embedImage(avatarOf(first));
  const embed: APIEmbed = {
    author: systemAuthor(system),
    title: titleFor(front),
    description: descriptionFor(front, members),
    ...(front !== null && {
      fields: [
        {
          name: 'Since',
          value: `${discordTimestamp(front.timestamp, 'f')} (${discordTimestamp(front.timestamp, 'R')})`,
        },
      ],
    }),
    ...(color !== undefined && { color }),
    ...(thumbnail !== undefined && { thumbnail }),
    footer: { text: `System ID: ${displayId(system.id, ids)}` },
    timestamp: now.toISOString(),
  };
  return { embeds: [embed], components: [] };
}

function titleFor(front: FrontSwitch | null): string {
  if (front === null) return 'No switches yet';
  if (front.members.length === 0) return 'No one is fronting';
  return front.members.length === 1 ? 'Current fronter' : `Current fronters (${front.members.length})`;
}

function descriptionFor(front: FrontSwitch | null, members: readonly Member[]): string {
  if (front === null) return 'This system has not logged any switches yet.';
  if (members.length === 0) return '*no fronter*: the system switched out.';
  return fitLines(members.map(fronterLine), FronterListBudget).text;
}

function fronterLine(member: Member): string {
  const name = boldName(memberName(member));
  return member.pronouns ? `${name} (${inlineText(truncate(member.pronouns, 40))})` : name;
}

/** The avatar a member shows, as Discord takes it: the main one, else the proxy (webhook) one. */
export function avatarOf(member: Pick<Member, 'avatar_url' | 'webhook_avatar_url'>): string | undefined {
  return embedUrl(member.avatar_url) ?? embedUrl(member.webhook_avatar_url);
}

/** The embed author line for a system: its name (or id) with its avatar. */
export function systemAuthor(system: System): NonNullable<APIEmbed['author']> {
  const name = system.name?.trim() ? system.name.trim() : `System ${system.id}`;
  const icon = embedUrl(system.avatar_url);
  return {
    name: truncate(name, DiscordLimits.authorName),
    ...(icon !== undefined && { icon_url: icon }),
  };
}
