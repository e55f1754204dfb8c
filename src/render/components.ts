import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APISelectMenuOption,
  APIStringSelectComponent,
} from 'discord-api-types/v10';
import { DiscordLimits, truncate } from './limits.js';
import { ControlAction } from './message.js';
import type { RenderControls } from './message.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Asks the caller for a custom id and checks Discord's length limit (a bug in the caller's format). */
export function controlId(controls: RenderControls, action: string, arg?: string): string {
  const id = arg === undefined ? controls.customId(action) : controls.customId(action, arg);
  if (id.length > DiscordLimits.customId) throw new RangeError(`custom id for "${action}" is ${id.length} characters`);
  return id;
}

/** A button with a custom id. */
export function button(
  customId: string,
  label: string,
  options: { style?: ButtonStyle; disabled?: boolean; emoji?: string } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: (options.style ?? ButtonStyle.Secondary) as APIButtonComponentWithCustomId['style'],
    custom_id: customId,
    label: truncate(label, DiscordLimits.buttonLabel),
    ...(options.emoji !== undefined && { emoji: { name: options.emoji } }),
    ...(options.disabled === true && { disabled: true }),
  };
}

/** An action row of buttons (at most five). */
export function buttonRow(buttons: APIButtonComponentWithCustomId[]): Row {
  return { type: ComponentType.ActionRow, components: buttons.slice(0, DiscordLimits.buttonsPerRow) };
}

/** Number of pages for `total` items (at least one, so an empty list still has page 1/1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** `page` moved inside `[0, pages - 1]`; a stale button never points past the end. */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(0, Math.floor(page)), pages - 1);
}

/** One page of a list: the requested page moved inside the list, and its items. */
export interface ListPage<T> {
  readonly page: number;
  readonly pages: number;
  readonly pageSize: number;
  readonly slice: readonly T[];
}

/**
 * Page `page` of `items`, `pageSize` a page (a whole number from 1 to Discord's 25 select options, since each
 * page's items also fill the select that opens one of them; `fallbackSize` when not given).
 */
export function listPage<T>(
  items: readonly T[],
  page: number,
  pageSize: number | undefined,
  fallbackSize: number,
): ListPage<T> {
  const size = Math.min(Math.max(1, Math.floor(pageSize ?? fallbackSize)), DiscordLimits.selectOptions);
  const pages = pageCount(items.length, size);
  const clamped = clampPage(page, pages);
  return { page: clamped, pages, pageSize: size, slice: items.slice(clamped * size, (clamped + 1) * size) };
}

/**
 * First / previous / next / last buttons, disabled at the ends. `more` says there are pages after the
 * last known one (a history still being loaded): next stays enabled, last is disabled unless `lastLoadsMore`
 * (the caller then loads everything when it is clicked, and ignores its page argument).
 */
export function pagingRow(
  controls: RenderControls,
  page: number,
  pages: number,
  more = false,
  lastLoadsMore = false,
): Row {
  const last = pages - 1;
  return buttonRow([
    button(controlId(controls, ControlAction.FirstPage, '0'), 'First', { emoji: '⏮️', disabled: page <= 0 }),
    button(controlId(controls, ControlAction.PreviousPage, String(Math.max(0, page - 1))), 'Previous', {
      emoji: '◀️',
      disabled: page <= 0,
    }),
    button(controlId(controls, ControlAction.NextPage, String(page + 1)), 'Next', {
      emoji: '▶️',
      disabled: page >= last && !more,
    }),
    button(controlId(controls, ControlAction.LastPage, String(last)), 'Last', {
      emoji: '⏭️',
      disabled: more ? !lastLoadsMore : page >= last,
    }),
  ]);
}

/** A row with one "Back to list" button (action `back`), for cards opened from a list. */
export function backRow(controls: RenderControls, label = 'Back to list'): Row {
  return buttonRow([button(controlId(controls, ControlAction.Back), label, { emoji: '↩️' })]);
}

/** A select menu row; options beyond Discord's 25 are dropped, labels and descriptions cut at 100. */
export function selectRow(customId: string, placeholder: string, options: APISelectMenuOption[]): Row {
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: truncate(placeholder, DiscordLimits.selectPlaceholder),
    options: options.slice(0, DiscordLimits.selectOptions).map((option) => ({
      ...option,
      label: truncate(option.label, DiscordLimits.selectOptionLabel) || '?',
      ...(option.description !== undefined && {
        description: truncate(option.description, DiscordLimits.selectOptionDescription),
      }),
    })),
  };
  return { type: ComponentType.ActionRow, components: [select] };
}
