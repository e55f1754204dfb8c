import { credentialAllows, neededScope, type KeyArea, type System } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import type { Target } from '../targets.js';

const AreaNames: Record<KeyArea, string> = {
  system: 'system profile',
  members: 'members',
  groups: 'groups',
  fronters: 'current fronters',
  switches: 'front history',
};

/**
 * A line saying the answer is the public view, when the caller's own linked API key does not reach the owner's
 * view of `area`: PluralKit serves such a key what anyone sees (a system with `privacy: null`), and the bot
 * must not present that as the owner's view.
 */
export function keyViewNote(target: Target, area: KeyArea, system?: System): string | undefined {
  if (target.kind !== 'own') return undefined;
  const publicView =
    !credentialAllows(target.account.token, 'read', area) || (area === 'system' && system?.privacy === null);
  if (!publicView) return undefined;
  return `ℹ️ Your linked API key lacks the \`${neededScope('read', area)}\` scope, so this is what anyone can see of your ${AreaNames[area]}, not your own view.`;
}

/** `message` with {@link keyViewNote} above it, when there is one. */
export function withKeyViewNote(message: RenderedMessage, note: string | undefined): RenderedMessage {
  if (note === undefined) return message;
  return { ...message, content: message.content === undefined ? note : `${note}\n${message.content}` };
}
