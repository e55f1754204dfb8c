import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';

/** A file sent with a message (a chart), within Discord's limits (see `DiscordLimits.attachmentBytes`). */
export interface RenderedFile {
  name: string;
  data: Buffer;
  /** Alt text, for screen readers. */
  description?: string;
}

/** A message body in Discord API JSON, ready for a reply, an edit or a follow-up. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Files to attach; on an edit they replace the message's earlier ones. */
  files?: RenderedFile[];
}

/**
 * How views name their controls. The caller owns the custom id format (session, command, length check);
 * views only say what a control does (`action`, one of {@link ControlAction}) and its argument.
 * Ids must be unique within a message, which the distinct actions guarantee.
 */
export interface RenderControls {
  customId(action: string, arg?: string): string;
}

/**
 * The actions views use. Paging buttons carry the target page (0-based) as `arg`; selects carry the
 * chosen id in their value, not in the custom id.
 */
export const ControlAction = {
  FirstPage: 'first',
  PreviousPage: 'prev',
  NextPage: 'next',
  LastPage: 'last',
  /** Select: open the member (or group) card whose id is the selected value. */
  Open: 'open',
  /** Select: pick the switch whose id is the selected value (`/switch edit`). */
  PickSwitch: 'pick',
  /** Button on a group card: list the group's members; `arg` is the group id. */
  GroupMembers: 'members',
  /** Buttons under a picked switch (`/switch edit`): move it, change its members, delete it, or go back. */
  MoveSwitch: 'move',
  ChangeMembers: 'who',
  DeleteSwitch: 'delete',
  Back: 'back',
  /** Button under a just-logged switch: delete it again, after the same confirm as `DeleteSwitch`. */
  Undo: 'undo',
  Confirm: 'confirm',
  Cancel: 'cancel',
} as const;

/** One of {@link ControlAction}. */
export type ControlAction = (typeof ControlAction)[keyof typeof ControlAction];

/** The page a paging control points to, from its `arg`; `undefined` when it is not a page number. */
export function parsePageArg(arg: string): number | undefined {
  return /^\d{1,6}$/.test(arg) ? Number(arg) : undefined;
}
