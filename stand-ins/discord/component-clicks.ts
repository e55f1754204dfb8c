import { ComponentType, type APIMessage, type APIUser } from 'discord-api-types/v10';
import type { MessageState } from './messages.js';

/** A message the stand-in keeps, and who may see it (an ephemeral message is visible only to its interaction's user). */
export interface StoredMessage {
  message: MessageState;
  /** The only user who sees it, for ephemeral messages; null when everyone in the channel does. */
  viewerId: string | null;
}

/** Thrown by a click builder when no user could make that click on Discord. */
export class ImpossibleClickError extends Error {
  override name = 'ImpossibleClickError';
}

interface Control {
  type: number;
  custom_id?: string;
  disabled?: boolean;
  options?: { value: string }[];
  min_values?: number;
  max_values?: number;
}

const SELECT_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/** Every interactive component of a message, in rows, sections (accessories) and containers. */
export function controlsOn(message: MessageState): Control[] {
  const found: Control[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const c = node as Control & { components?: unknown[]; accessory?: unknown; component?: unknown };
    if (typeof c.custom_id === 'string') found.push(c);
    c.components?.forEach(visit);
    visit(c.accessory);
    visit(c.component);
  };
  message.components.forEach(visit);
  return found;
}

/** What a click says: the control and, for a select, the values picked. */
export interface ClickIntent {
  customId: string;
  componentType: ComponentType;
  values?: string[];
}

/**
 * Checks that `user` could make this click on `stored` as it is now: the message exists and is not deleted,
 * it is visible to the user, a control with this custom id and type is on it and enabled, and select values
 * are among its options and within `min_values`–`max_values` (Discord's client offers nothing else).
 */
export function assertPossibleClick(
  stored: StoredMessage | undefined,
  messageId: string,
  intent: ClickIntent,
  user: APIUser,
): void {
  const refuse = (why: string): never => {
    throw new ImpossibleClickError(
      `Impossible click on ${intent.customId} of message ${messageId}: ${why} (a test that means to forge one uses forgeClick)`,
    );
  };
  if (stored === undefined) return refuse('the stand-in has no such message');
  const { message, viewerId } = stored;
  if (message.deleted) refuse('the message was deleted');
  if (viewerId !== null && viewerId !== user.id)
    refuse(`the message is ephemeral and only its user ${viewerId} sees it, not ${user.id}`);
  const control = controlsOn(message).find((c) => c.custom_id === intent.customId);
  if (control === undefined)
    return refuse(
      `no control has that custom id now (there are ${JSON.stringify(controlsOn(message).map((c) => c.custom_id))})`,
    );
  const isSelect = SELECT_TYPES.has(control.type);
  if (control.type !== Number(intent.componentType))
    refuse(`the control is of type ${control.type}, not ${intent.componentType}`);
  if (control.disabled === true) refuse('the control is disabled');
  if (!isSelect) return;
  const values = intent.values ?? [];
  const min = control.min_values ?? 1;
  const max = control.max_values ?? 1;
  if (values.length < min || values.length > max)
    refuse(`${values.length} value(s) picked, the select takes ${min}–${max}`);
  if (new Set(values).size !== values.length) refuse('a value was picked twice');
  if (control.type === Number(ComponentType.StringSelect)) {
    const offered = new Set(control.options?.map((o) => o.value));
    const foreign = values.filter((v) => !offered.has(v));
    if (foreign.length > 0) refuse(`${JSON.stringify(foreign)} are not among its options`);
  }
}

/** The message as a click payload carries it (Discord sends the message as it is at the moment of the click). */
export type ApiMessageOf = (message: MessageState) => APIMessage;
