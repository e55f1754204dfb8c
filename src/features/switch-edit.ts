import type { ModalComponentData } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { discordTimestamp } from '../front/format.js';
import { sameMemberSet } from '../front/member-set.js';
import { parseSwitchTime } from '../front/time-input.js';
import { isPluralKitAPIError, PluralKitErrorCode, type FrontSwitch, type Switch } from '../pluralkit/index.js';
import { button, buttonRow, controlId } from '../render/components.js';
import { ControlAction, parsePageArg, type RenderControls, type RenderedMessage } from '../render/message.js';
import {
  renderSwitchActions,
  renderSwitchEditConfirm,
  renderSwitchEditResult,
  type SwitchEdit,
  type SwitchEditOutcome,
} from '../render/switch-edit.js';
import { ownTarget } from '../targets.js';
import { resolveMembers, splitMemberList } from './member-resolve.js';
import { membersForm, moveForm } from './switch-edit-forms.js';
import { ensureUndoable } from './switch-undo.js';
import { assertZoneKnown } from './switch-log.js';
import { emptyHistory, placeOf } from './switch-history.js';
import { historyFetcher, openHistory, renderHistoryPage, turnPage, type HistoryState } from './switch-pages.js';
import { withOwnToken } from './view-target.js';

/** The `/switch edit` session: the paged history, the picked switch and the edit waiting for confirmation. */
export interface EditorState extends HistoryState {
  selected: string | undefined;
  pending: SwitchEdit | undefined;
  /**
   * Set behind the Undo button of `/switch in|out`: it deletes the selected switch, and only while that
   * is still the latest switch when it was logged as the latest.
   */
  undo?: { wasLatest: boolean } | undefined;
}

/** What a click on the editor asks the command to do: show a message, or open a form. */
export type EditorAnswer = { kind: 'send'; body: RenderedMessage } | { kind: 'modal'; modal: ModalComponentData };

/** Actions of the editor's two forms (modal custom ids). */
export const EditorForm = { move: 'movetime', members: 'setwho' } as const;

/** How the editor names its controls and forms (the command owns the custom id format). */
export interface EditorControls extends RenderControls {
  formId(form: (typeof EditorForm)[keyof typeof EditorForm]): string;
}

/** Opens the caller's own history for editing. @throws {UserFacingError} `NotLinked`, `TokenLacksScope`, `NoSwitches` */
export async function openSwitchEditor(ctx: CommandContext, callerId: string): Promise<EditorState> {
  const target = await ownTarget(ctx.accounts, callerId);
  ctx.accounts.assertAllows(target.account, 'write', 'switches', 'edit switches');
  const state = await openHistory(ctx, callerId, target);
  if (state.history.switches.length === 0) throw new UserFacingError('NoSwitches');
  return { ...state, selected: undefined, pending: undefined };
}

/** The picker page, or the picked switch with its actions. */
export function renderEditor(state: EditorState, controls: RenderControls, now: Date): RenderedMessage {
  if (state.selected === undefined) return renderHistoryPage(state, controls, now, true);
  const index = state.history.switches.findIndex((sw) => sw.id === state.selected);
  const sw = selectedSwitch(state);
  return renderSwitchActions(sw, { names: state.names, controls, newer: state.history.switches[index - 1], now });
}

/** Handles a button or select of the editor. */
export async function editorComponent(
  ctx: CommandContext,
  callerId: string,
  state: EditorState,
  controls: EditorControls,
  input: { action: string; arg: string; values: readonly string[] },
): Promise<EditorAnswer> {
  const show = (body: RenderedMessage): EditorAnswer => ({ kind: 'send', body });
  switch (input.action) {
    case ControlAction.FirstPage:
    case ControlAction.PreviousPage:
    case ControlAction.NextPage:
    case ControlAction.LastPage:
    case ControlAction.Back:
      state.selected = undefined;
      state.pending = undefined;
      await turnPage(
        ctx,
        callerId,
        state,
        parsePageArg(input.arg) ?? state.page,
        input.action === ControlAction.LastPage,
      );
      return show(renderEditor(state, controls, ctx.now()));
    case ControlAction.PickSwitch:
      state.selected = input.values[0];
      state.pending = undefined;
      await withLoggedOrder(ctx, callerId, state);
      return show(renderEditor(state, controls, ctx.now()));
    case ControlAction.MoveSwitch:
      return {
        kind: 'modal',
        modal: moveForm(controls.formId(EditorForm.move), selectedSwitch(state), state.timeZone),
      };
    case ControlAction.ChangeMembers:
      return {
        kind: 'modal',
        modal: membersForm(controls.formId(EditorForm.members), selectedSwitch(state), state.names),
      };
    case ControlAction.Undo:
    case ControlAction.DeleteSwitch:
      if (state.undo) await ensureUndoable(ctx, callerId, selectedSwitch(state).id, state.undo.wasLatest);
      state.pending = { kind: 'delete' };
      return show(renderSwitchEditConfirm(selectedSwitch(state), state.pending, { names: state.names, controls }));
    case ControlAction.Confirm:
      if (state.undo) await ensureUndoable(ctx, callerId, selectedSwitch(state).id, state.undo.wasLatest);
      return show(withBackButton(await applyEdit(ctx, callerId, state), state, controls));
    case ControlAction.Cancel:
      state.pending = undefined;
      return show(withBackButton({ kind: 'cancelled' }, state, controls));
    default:
      return show(renderEditor(state, controls, ctx.now()));
  }
}

/**
 * Handles a submitted form: checks the new time or members and asks to confirm.
 * @throws {UserFacingError} `BadTime`, `SwitchTimeOutsideNeighbours`, member errors, `SameMembers`
 */
export async function editorForm(
  ctx: CommandContext,
  callerId: string,
  state: EditorState,
  controls: RenderControls,
  form: string,
  text: string,
): Promise<RenderedMessage> {
  const sw = selectedSwitch(state);
  state.pending =
    form === EditorForm.move
      ? await checkMove(ctx, callerId, state, sw, text)
      : await checkMembers(ctx, callerId, sw, text);
  return renderSwitchEditConfirm(sw, state.pending, { names: state.names, controls });
}

async function checkMove(
  ctx: CommandContext,
  callerId: string,
  state: EditorState,
  sw: Switch,
  text: string,
): Promise<SwitchEdit> {
  assertZoneKnown((await ownTarget(ctx.accounts, callerId)).account.token, state.timeZone, text);
  const parsed = parseSwitchTime(text, ctx.now(), state.timeZone);
  if (!parsed.ok) throw new UserFacingError('BadTime', { reason: parsed.reason });
  const place = await placeOf(state.history, sw.id, historyFetcher(ctx, callerId, state.target));
  if (place === undefined) throw new UserFacingError('SwitchNotFound');
  const to = parsed.date.getTime();
  const afterMs = place.older === undefined ? undefined : Date.parse(place.older.timestamp);
  const beforeMs = place.newer === undefined ? undefined : Date.parse(place.newer.timestamp);
  if ((afterMs !== undefined && to <= afterMs) || (beforeMs !== undefined && to >= beforeMs)) {
    throw new UserFacingError('SwitchTimeOutsideNeighbours', {
      after: place.older === undefined ? 'the start' : discordTimestamp(place.older.timestamp, 'F'),
      before: place.newer === undefined ? 'now' : discordTimestamp(place.newer.timestamp, 'F'),
    });
  }
  return { kind: 'move', to: parsed.date };
}

async function checkMembers(ctx: CommandContext, callerId: string, sw: Switch, text: string): Promise<SwitchEdit> {
  const members = await withOwnToken(ctx, callerId, (o) => ctx.pluralkit.getMembers('@me', o));
  const ids = resolveMembers(members, splitMemberList(text));
  if (sameMemberSet(ids, sw.members)) throw new UserFacingError('SameMembers');
  return { kind: 'members', to: ids };
}

/** Sends the confirmed edit to PluralKit; the loaded history is dropped so the list is read again. */
async function applyEdit(ctx: CommandContext, callerId: string, state: EditorState): Promise<SwitchEditOutcome> {
  const edit = state.pending;
  if (edit === undefined) return { kind: 'cancelled' };
  const sw = selectedSwitch(state);
  const target = await ownTarget(ctx.accounts, callerId);
  ctx.accounts.assertAllows(target.account, 'write', 'switches', 'edit switches');
  const outcome = await ctx.accounts.withToken(target.account, callerId, async (token): Promise<SwitchEditOutcome> => {
    const o = { token };
    try {
      if (edit.kind === 'delete') {
        await ctx.pluralkit.deleteSwitch('@me', sw.id, o);
        return { kind: 'delete' };
      }
      const after =
        edit.kind === 'move'
          ? await ctx.pluralkit.editSwitchTime('@me', sw.id, edit.to, o)
          : await ctx.pluralkit.editSwitchMembers('@me', sw.id, [...edit.to], o);
      return { kind: edit.kind, after: shortSwitch(after) };
    } catch (error) {
      if (isPluralKitAPIError(error, PluralKitErrorCode.SameSwitchMembers)) throw new UserFacingError('SameMembers');
      throw error;
    }
  });
  state.history = emptyHistory();
  state.selected = undefined;
  state.pending = undefined;
  return outcome;
}

/** The outcome, with a way back to the history; an Undo message has no list to go back to. */
function withBackButton(outcome: SwitchEditOutcome, state: EditorState, controls: RenderControls): RenderedMessage {
  const message = renderSwitchEditResult(outcome, { names: state.names });
  if (state.undo === undefined)
    message.components = [buttonRow([button(controlId(controls, ControlAction.Back), 'Back to the list')])];
  return message;
}

/**
 * Replaces a picked switch's members with their logged order: the switch list gives them in no fixed
 * order, and the members form asks for them in order.
 */
async function withLoggedOrder(ctx: CommandContext, callerId: string, state: EditorState): Promise<void> {
  const sw = state.history.switches.find((entry) => entry.id === state.selected);
  if (sw === undefined || sw.members.length < 2) return;
  const logged = await withOwnToken(ctx, callerId, (o) => ctx.pluralkit.getSwitch('@me', sw.id, o));
  sw.members = logged.members.map((member) => member.id);
}

function selectedSwitch(state: EditorState): Switch {
  const sw = state.history.switches.find((entry) => entry.id === state.selected);
  if (sw === undefined) throw new UserFacingError('SwitchNotFound');
  return sw;
}

function shortSwitch(sw: FrontSwitch): Switch {
  return { id: sw.id, timestamp: sw.timestamp, members: sw.members.map((member) => member.id) };
}
