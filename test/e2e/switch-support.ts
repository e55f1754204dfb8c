/** Small readers and clicks shared by the switch end-to-end tests. */
import type { APIMessageTopLevelComponent, APISelectMenuOption } from 'discord-api-types/v10';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import type { InteractionContextOptions, MessageState } from '../../stand-ins/discord/index.js';
import type { Harness } from './harness.js';

interface Control {
  type: number;
  custom_id: string;
  disabled?: boolean;
  options?: APISelectMenuOption[];
}

/** Every button and select of a message. */
export function controlsOf(message: MessageState): Control[] {
  return message.components.flatMap((row: APIMessageTopLevelComponent) =>
    'components' in row ? (row.components as unknown as Control[]).filter((c) => typeof c.custom_id === 'string') : [],
  );
}

/** The control whose action (second part of `command:action:session:arg`) is `action`. */
export function control(message: MessageState, action: string): Control {
  const found = controlsOf(message).find((c) => c.custom_id.split(':')[1] === action);
  if (found === undefined)
    throw new Error(`no "${action}" control in ${JSON.stringify(controlsOf(message).map((c) => c.custom_id))}`);
  return found;
}

/** Clicks the button for `action` and waits for the visible answer; checks it against Discord's limits. */
export async function click(
  h: Harness,
  message: MessageState,
  action: string,
  ctx?: InteractionContextOptions,
): Promise<MessageState> {
  const reply = await h.dispatch(h.discord.button(control(message, action).custom_id, message, ctx)).reply();
  checkLimits(reply);
  return reply;
}

/** Picks `value` in the message's select menu. */
export async function pick(
  h: Harness,
  message: MessageState,
  value: string,
  ctx?: InteractionContextOptions,
): Promise<MessageState> {
  const reply = await h.dispatch(h.discord.select(control(message, 'pick').custom_id, [value], message, ctx)).reply();
  checkLimits(reply);
  return reply;
}

/** The description's lines of the first embed. */
export function lines(message: MessageState): string[] {
  return message.embeds[0]?.description?.split('\n') ?? [];
}

/** Discord's limits, on a reply as the stand-in recorded it. */
export function checkLimits(message: MessageState): void {
  assertWithinDiscordLimits({ content: message.content, embeds: message.embeds, components: message.components });
}

/** Requests the bot made for a system's switch pages so far. */
export function switchPageRequests(h: Harness): number {
  return h.pk.requests.filter((r) => r.method === 'GET' && /^\/v2\/systems\/[^/]+\/switches(\?|$)/.test(r.path)).length;
}
