import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { isPluralKitAPIError, PluralKitErrorCode, type FrontSwitch, type System } from '../pluralkit/index.js';
import { nameLookup } from '../render/names.js';
import type { EditorState } from './switch-edit.js';
import { withOwnToken } from './view-target.js';

/**
 * The editor state behind a logged switch's Undo button: the same delete-and-confirm flow as
 * `/switch edit`, on that one switch. `wasLatest`: it was logged as the latest switch (not back-dated),
 * so it must still be the latest when the user clicks.
 */
export function undoState(created: FrontSwitch, system: System, wasLatest: boolean): EditorState {
  const sw = { id: created.id, timestamp: created.timestamp, members: created.members.map((member) => member.id) };
  return {
    target: { kind: 'own' },
    history: { switches: [sw], complete: false },
    page: 0,
    names: nameLookup(created.members),
    system,
    timeZone: undefined,
    selected: sw.id,
    pending: undefined,
    undo: { wasLatest },
  };
}

/**
 * Checks, fresh from PluralKit, that the switch still exists and, when `wasLatest`, is still the caller's
 * latest one, so Undo never deletes a switch the user no longer sees as "now".
 * @throws {UserFacingError} `UndoSwitchGone` when it was deleted meanwhile, `UndoNotLatest` when a newer switch exists or it was moved back
 */
export async function ensureUndoable(
  ctx: CommandContext,
  callerId: string,
  switchId: string,
  wasLatest: boolean,
): Promise<void> {
  await withOwnToken(ctx, callerId, async (o) => {
    const latest = await ctx.pluralkit.getFronters('@me', { ...o, fresh: true });
    if (latest?.id === switchId) return;
    try {
      await ctx.pluralkit.getSwitch('@me', switchId, { ...o, fresh: true });
    } catch (error) {
      if (
        isPluralKitAPIError(error, PluralKitErrorCode.SwitchNotFoundOrPrivate) ||
        isPluralKitAPIError(error, PluralKitErrorCode.SwitchNotFound)
      ) {
        throw new UserFacingError('UndoSwitchGone');
      }
      throw error;
    }
    if (wasLatest) throw new UserFacingError('UndoNotLatest');
  });
}
