import type { APIEmbed } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { Member, Switch, System } from '../pluralkit/schemas.js';
import { systemAuthor } from './fronters.js';
import { fitLines } from './limits.js';
import type { RenderedMessage } from './message.js';
import { boldName, memberName, sortedSwitchMembers, switchMemberLabel } from './names.js';
import { parseColor } from './text.js';

/** Budget of the fronter list, so a 150-member co-front still leaves room for the rest of the card. */
const FronterListBudget = 3500;

/** Who was fronting when a message was sent, see {@link renderMessageFront}. */
export interface MessageFrontView {
  system: System;
  sentAt: Date;
  /**
   * How the message was sent: `proxied` with the member PluralKit proxied it as (`null` when PluralKit
   * no longer shows the member, e.g. deleted), or `account` for a plain message of the system's account.
   */
  sender: { kind: 'proxied'; member: Member | null } | { kind: 'account' };
  /** The switch in force at `sentAt`; `null` when none was logged before; `'private'` for a private front history. */
  front: Switch | null | 'private';
  /** Short id → name for the switch's members; unknown ids show as ids. */
  names: ReadonlyMap<string, string>;
}

/**
 * The answer of "Who was fronting?": the message's system, how it was sent (proxied as whom), and the
 * members of the switch in force when it was sent, with when that switch started. Colour: the proxied
 * member's, else the system's.
 */
export function renderMessageFront(view: MessageFrontView): RenderedMessage {
  const proxiedMember = view.sender.kind === 'proxied' ? view.sender.member : null;
  const color = parseColor(proxiedMember?.color) ?? parseColor(view.system.color);
  const lines = [
    `Sent ${discordTimestamp(view.sentAt, 'f')} (${discordTimestamp(view.sentAt, 'R')})`,
    senderLine(view.sender),
    '',
    ...frontLines(view.front, view.names),
  ];
  const embed: APIEmbed = {
    author: systemAuthor(view.system),
    title: 'Who was fronting?',
    description: lines.join('\n'),
    ...(color !== undefined && { color }),
    footer: { text: `System ID: ${view.system.id}` },
  };
  return { embeds: [embed], components: [] };
}

function senderLine(sender: MessageFrontView['sender']): string {
  if (sender.kind === 'account') return 'Sent from the system’s own account (not proxied).';
  if (sender.member === null) return 'Proxied by PluralKit (the member is no longer shown).';
  return `Proxied by PluralKit as ${boldName(memberName(sender.member))}.`;
}

function frontLines(front: MessageFrontView['front'], names: ReadonlyMap<string, string>): string[] {
  if (front === 'private')
    return ['This system keeps its front history private, so I can’t tell who was fronting then.'];
  if (front === null) return ['No switch was logged before this message, so I can’t tell who was fronting.'];
  const since = `Since ${discordTimestamp(front.timestamp, 'f')} (${discordTimestamp(front.timestamp, 'R')})`;
  if (front.members.length === 0) return ['**No one** was fronting (the system had switched out).', since];
  const title = front.members.length === 1 ? '**Fronting then:**' : `**Fronting then (${front.members.length}):**`;
  const list = fitLines(
    sortedSwitchMembers(front.members, names).map((id) => switchMemberLabel(id, names)),
    FronterListBudget,
  ).text;
  return [title, list, since];
}
