import type { CommandContext } from '../discord/command.js';
import { PluralKitErrorCode } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import { renderSystem } from '../render/system.js';
import { forTarget, type Target } from '../targets.js';
import { keyViewNote, withKeyViewNote } from './key-view-note.js';
import { idDisplayFor, unlessPrivate } from './view-target.js';

/**
 * The system card of a target, with its current fronters and member and group counts when PluralKit
 * lets the caller see them (a private front or list just leaves that field out), ids shown as the
 * system's settings ask. The reads run together; they are cached by the client, so a following
 * `/fronters`, `/members` or `/groups` costs nothing upstream.
 */
export async function systemCardView(ctx: CommandContext, callerId: string, target: Target): Promise<RenderedMessage> {
  const [system, front, members, groups, ids] = await forTarget(ctx.accounts, callerId, target, (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    return Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      unlessPrivate(ctx.pluralkit.getFronters(ref, o), PluralKitErrorCode.FrontersPrivate),
      unlessPrivate(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate),
      unlessPrivate(ctx.pluralkit.getGroups(ref, {}, o), PluralKitErrorCode.GroupListPrivate),
      idDisplayFor(ctx, ref, o),
    ]);
  });
  const card = renderSystem(system, { memberCount: members?.length, groupCount: groups?.length, fronters: front?.members, ids });
  return withKeyViewNote(card, keyViewNote(target, 'system', system));
}
