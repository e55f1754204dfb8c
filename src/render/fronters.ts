import type { APIEmbed } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { FrontSwitch, Member, System } from '../pluralkit/schemas.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import type { RenderedMessage } from './message.js';
import { boldName, memberName } from './names.js';
import { inlineText, parseColor } from './text.js';

/** Budget of the fronter list, so a 150-member co-front still leaves room for the rest of the card. */
const FronterListBudget = 3500;

/**
 * The current fronters card. `front` is PluralKit's `/fronters` answer: `null` when the system has no
 * switches yet, an empty member list after a switch-out. Colour and thumbnail come from the first
 * fronter (colour falls back to the system's); with several fronters, each line links its avatar.
 * The card is stamped with `now`, so a reader knows when the snapshot was taken.
 */
export function renderFronters(front: FrontSwitch | null, system: System, now: Date): RenderedMessage {
  const first = front?.members[0];
  const color = parseColor(first?.color) ?? parseColor(system.color);
  const thumbnail = first === undefined ? undefined : avatarOf(first);
  const embed: APIEmbed = {
    author: systemAuthor(system),
    title: titleFor(front),
    description: descriptionFor(front),
    ...(front !== null && {
      fields: [{ name: 'Since', value: `${discordTimestamp(front.timestamp, 'f')} (${discordTimestamp(front.timestamp, 'R')})` }],
    }),
    ...(color !== undefined && { color }),
    ...(thumbnail !== undefined && { thumbnail: { url: thumbnail } }),
    footer: { text: `System ID: ${system.id}` },
    timestamp: now.toISOString(),
  };
  return { embeds: [embed], components: [] };
}

function titleFor(front: FrontSwitch | null): string {
  if (front === null) return 'No switches yet';
  if (front.members.length === 0) return 'No one is fronting';
  return front.members.length === 1 ? 'Current fronter' : `Current fronters (${front.members.length})`;
}

function descriptionFor(front: FrontSwitch | null): string {
  if (front === null) return 'This system has not logged any switches yet.';
  if (front.members.length === 0) return '*no fronter*: the system switched out.';
  const withAvatars = front.members.length > 1;
  const lines = front.members.map((member) => fronterLine(member, withAvatars));
  return fitLines(lines, FronterListBudget).text;
}

function fronterLine(member: Member, withAvatar: boolean): string {
  let line = boldName(memberName(member));
  if (member.pronouns) line += ` (${inlineText(truncate(member.pronouns, 40))})`;
  const avatar = avatarOf(member);
  if (withAvatar && avatar !== undefined) line += ` · [avatar](${avatar})`;
  return line;
}

/** The avatar a member shows: the main one, else the proxy (webhook) one. */
export function avatarOf(member: Pick<Member, 'avatar_url' | 'webhook_avatar_url'>): string | undefined {
  return member.avatar_url ?? member.webhook_avatar_url ?? undefined;
}

/** The embed author line for a system: its name (or id) with its avatar. */
export function systemAuthor(system: System): NonNullable<APIEmbed['author']> {
  const name = system.name?.trim() ? system.name.trim() : `System ${system.id}`;
  return {
    name: truncate(name, DiscordLimits.authorName),
    ...(system.avatar_url !== null && { icon_url: system.avatar_url }),
  };
}
