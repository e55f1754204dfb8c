import type { APIButtonComponentWithCustomId, APIStringSelectComponent } from 'discord-api-types/v10';
import { ComponentType } from 'discord-api-types/v10';
import type { MessageState } from '../../stand-ins/discord/index.js';

/** Every button and select of a reply, flattened from its action rows. */
function controlsOf(message: MessageState): (APIButtonComponentWithCustomId | APIStringSelectComponent)[] {
  return message.components.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? (row.components as (APIButtonComponentWithCustomId | APIStringSelectComponent)[])
      : [],
  );
}

/** The button whose custom id has action `action` (`members:next:SESSION:3` → `next`). */
export function buttonOf(message: MessageState, action: string): APIButtonComponentWithCustomId {
  const found = controlsOf(message).find(
    (c) => c.type === ComponentType.Button && c.custom_id.split(':')[1] === action,
  );
  if (found === undefined || found.type !== ComponentType.Button)
    throw new Error(`no ${action} button in ${JSON.stringify(message.components)}`);
  return found;
}

/** The string select of a reply. */
export function selectOf(message: MessageState): APIStringSelectComponent {
  const found = controlsOf(message).find((c) => c.type === ComponentType.StringSelect);
  if (found === undefined || found.type !== ComponentType.StringSelect) throw new Error('no select in the message');
  return found;
}

/** `Page X/Y` from a list's footer. */
export function pageOf(message: MessageState): { page: number; pages: number } {
  const match = /Page (\d+)\/(\d+)/.exec(message.embeds[0]?.footer?.text ?? '');
  if (match === null) throw new Error(`no page in footer ${message.embeds[0]?.footer?.text}`);
  return { page: Number(match[1]), pages: Number(match[2]) };
}
