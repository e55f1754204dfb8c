import type { CommandContext } from '../discord/command.js';
import { PluralKitErrorCode } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import { renderSystem } from '../render/system.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { keyViewNote, withKeyViewNote } from './key-view-note.js';
import { idDisplayFor, readTarget } from './view-target.js';

/**
 * The system card of a target, with its current fronters and member and group counts when PluralKit
 * lets the caller see them (a private front or list just leaves that field out), ids shown as the
 * system's settings ask. The reads run together; they are cached by the client, so a following
 * `/fronters`, `/members` or `/groups` costs nothing upstream.
 */
export async function systemCardView(ctx: CommandContext, callerId: string, target: Target): Promise<RenderedMessage> {
  const [system, front, members, groups, ids] = await readTarget(ctx, callerId, target, ({ ref, o }) =>
    Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      orOnCode(ctx.pluralkit.getFronters(ref, o), PluralKitErrorCode.FrontersPrivate, undefined),
      orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, undefined),
      orOnCode(ctx.pluralkit.getGroups(ref, {}, o), PluralKitErrorCode.GroupListPrivate, undefined),
      idDisplayFor(ctx, { ref, o }),
    ]),
  );
  const card = renderSystem(system, {
    memberCount: members?.length,
    groupCount: groups?.length,
    fronters: front?.members,
    ids,
  });
  return withKeyViewNote(card, keyViewNote(target, 'system', system));
}
