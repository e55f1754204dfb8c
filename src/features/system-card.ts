import type { CommandContext } from '../discord/command.js';
import { PluralKitErrorCode } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import { renderSystem } from '../render/system.js';
import { forTarget, type Target } from '../targets.js';
import { keyViewNote, withKeyViewNote } from './key-view-note.js';
import { unlessPrivate } from './view-target.js';

/**
 * The system card of a target, with member and group counts when PluralKit lets the caller see the
 * lists (a private list just leaves its count out). The three reads run together; the lists are
 * cached by the client, so a following `/members` or `/groups` costs nothing upstream.
 */
export async function systemCardView(ctx: CommandContext, callerId: string, target: Target): Promise<RenderedMessage> {
  const [system, members, groups] = await forTarget(ctx.accounts, callerId, target, (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    return Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      unlessPrivate(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate),
      unlessPrivate(ctx.pluralkit.getGroups(ref, {}, o), PluralKitErrorCode.GroupListPrivate),
    ]);
  });
  const card = renderSystem(system, { memberCount: members?.length, groupCount: groups?.length });
  return withKeyViewNote(card, keyViewNote(target, 'system', system));
}
