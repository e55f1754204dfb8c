import type { CommandContext } from '../discord/command.js';
import { renderFronters } from '../render/fronters.js';
import type { RenderedMessage } from '../render/message.js';
import type { Target } from '../targets.js';
import { idDisplayFor, readTarget } from './view-target.js';
import { keyViewNote, withKeyViewNote } from './key-view-note.js';

/**
 * The current fronters of a target as a card. Fronters and the system (for name, colour, avatar) are
 * fetched together; both are cached and shared with concurrent callers by the client.
 */
export async function frontersView(ctx: CommandContext, callerId: string, target: Target): Promise<RenderedMessage> {
  const [front, system, ids] = await readTarget(ctx, callerId, target, (view) =>
    Promise.all([
      ctx.pluralkit.getFronters(view.ref, view.o),
      ctx.pluralkit.getSystem(view.ref, view.o),
      idDisplayFor(ctx, view),
    ]),
  );
  return withKeyViewNote(renderFronters(front, system, ctx.now(), ids), keyViewNote(target, 'fronters'));
}
