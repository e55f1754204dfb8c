import type { APIEmbed } from 'discord-api-types/v10';
import { ButtonStyle } from 'discord-api-types/v10';
import { discordTimestamp, formatDuration } from '../front/format.js';
import type { Switch } from '../pluralkit/schemas.js';
import { button, buttonRow, controlId } from './components.js';
import { joinWithin } from './limits.js';
import { ControlAction } from './message.js';
import type { RenderControls, RenderedMessage } from './message.js';
import { sortedSwitchMembers, switchMemberLabel } from './names.js';

/** A change to one switch, as `/switch edit` offers them. */
export type SwitchEdit = { kind: 'move'; to: Date } | { kind: 'members'; to: readonly string[] } | { kind: 'delete' };

/** Room for one list of names in these short views. */
const NamesBudget = 1500;
const WarningColor = 0xfaa61a;
const DangerColor = 0xed4245;
const SuccessColor = 0x3ba55c;

/**
 * Asks to confirm a switch edit, showing the switch before and after, with Confirm and Cancel buttons
 * (actions `confirm` and `cancel`). Deleting uses a red button and says it cannot be undone.
 */
export function renderSwitchEditConfirm(
  sw: Switch,
  edit: SwitchEdit,
  options: { names: ReadonlyMap<string, string>; controls: RenderControls },
): RenderedMessage {
  const who = fronters(sw.members, options.names);
  const at = `${discordTimestamp(sw.timestamp, 'f')} (${discordTimestamp(sw.timestamp, 'R')})`;
  let embed: APIEmbed;
  let confirmLabel: string;
  if (edit.kind === 'move') {
    embed = {
      title: 'Move this switch?',
      description: `${who}\nfrom ${at}\nto ${discordTimestamp(edit.to, 'f')} (${discordTimestamp(edit.to, 'R')})`,
    };
    confirmLabel = 'Move switch';
  } else if (edit.kind === 'members') {
    embed = {
      title: 'Change who fronted?',
      description: `Switch at ${at}\nfrom ${who}\nto ${fronters(edit.to, options.names)}`,
    };
    confirmLabel = 'Change members';
  } else {
    embed = { title: 'Delete this switch?', description: `${who} at ${at}\nThis cannot be undone.` };
    confirmLabel = 'Delete switch';
  }
  embed.color = edit.kind === 'delete' ? DangerColor : WarningColor;
  const confirm = button(controlId(options.controls, ControlAction.Confirm), confirmLabel, {
    style: edit.kind === 'delete' ? ButtonStyle.Danger : ButtonStyle.Primary,
  });
  const cancel = button(controlId(options.controls, ControlAction.Cancel), 'Cancel');
  return { embeds: [embed], components: [buttonRow([confirm, cancel])] };
}

/**
 * A picked switch with what can be done to it: Move, Change members, Delete (actions `move`, `who`,
 * `delete`) and Back to the list. `newer` is the switch after it, to show how long it lasted.
 */
export function renderSwitchActions(
  sw: Switch,
  options: { names: ReadonlyMap<string, string>; controls: RenderControls; newer?: Switch | undefined; now: Date },
): RenderedMessage {
  const end = options.newer === undefined ? options.now : new Date(options.newer.timestamp);
  const lasted = formatDuration(end.getTime() - Date.parse(sw.timestamp));
  const description = [
    fronters(sw.members, options.names),
    `${discordTimestamp(sw.timestamp, 'f')} (${discordTimestamp(sw.timestamp, 'R')})`,
    options.newer === undefined ? `ongoing, ${lasted} so far` : `for ${lasted}`,
  ].join('\n');
  const controls = [
    button(controlId(options.controls, ControlAction.MoveSwitch), 'Move', { emoji: '🕒', style: ButtonStyle.Primary }),
    button(controlId(options.controls, ControlAction.ChangeMembers), 'Change members', {
      emoji: '👥',
      style: ButtonStyle.Primary,
    }),
    button(controlId(options.controls, ControlAction.DeleteSwitch), 'Delete', {
      emoji: '🗑️',
      style: ButtonStyle.Danger,
    }),
    button(controlId(options.controls, ControlAction.Back), 'Back to the list'),
  ];
  return {
    embeds: [{ title: 'Edit this switch', description, color: WarningColor }],
    components: [buttonRow(controls)],
  };
}

/** `message` (the answer to `/switch in|out`) with an Undo button (action `undo`) under it. */
export function withUndoButton(message: RenderedMessage, controls: RenderControls): RenderedMessage {
  const undo = button(controlId(controls, ControlAction.Undo), 'Undo', { emoji: '↩️' });
  return { ...message, components: [...message.components, buttonRow([undo])] };
}

/** What happened to a switch edit. */
export type SwitchEditOutcome =
  { kind: 'cancelled' } | { kind: 'move' | 'members'; after: Switch } | { kind: 'delete' };

/** The message that replaces the confirm view: what changed (or that nothing did), no buttons. */
export function renderSwitchEditResult(
  outcome: SwitchEditOutcome,
  options: { names: ReadonlyMap<string, string> },
): RenderedMessage {
  if (outcome.kind === 'cancelled')
    return { embeds: [{ description: 'Cancelled; the switch was not changed.' }], components: [] };
  if (outcome.kind === 'delete')
    return { embeds: [{ description: '🗑️ Switch deleted.', color: SuccessColor }], components: [] };
  const at = `${discordTimestamp(outcome.after.timestamp, 'f')} (${discordTimestamp(outcome.after.timestamp, 'R')})`;
  const who = fronters(outcome.after.members, options.names);
  const description =
    outcome.kind === 'move' ? `✅ Switch moved: ${who} since ${at}.` : `✅ Switch changed: ${who} since ${at}.`;
  return { embeds: [{ description, color: SuccessColor }], components: [] };
}

function fronters(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.length === 0
    ? '*no fronter*'
    : joinWithin(
        sortedSwitchMembers(ids, names).map((id) => switchMemberLabel(id, names)),
        NamesBudget,
      );
}
