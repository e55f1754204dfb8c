import type { CommandContext } from '../discord/command.js';
import type { CustomId } from '../discord/custom-id.js';
import { backRow } from '../render/components.js';
import { ControlAction, parsePageArg, type RenderControls, type RenderedMessage } from '../render/message.js';

const pagingActions = new Set<string>([
  ControlAction.FirstPage,
  ControlAction.PreviousPage,
  ControlAction.NextPage,
  ControlAction.LastPage,
]);

/** What a paged list with a "open a card" select needs to answer its controls. */
export interface PagedListViews {
  /** The list page at `state.page`. */
  page(): Promise<RenderedMessage>;
  /** The card of the item chosen in the select (its value). */
  open(chosen: string): Promise<RenderedMessage>;
}

/**
 * Answers a click on a paged list: paging buttons, "Back to list", or a card opened from the select (which
 * gets a "Back to list" button). `undefined` for any other action. Answers always carry `content`, since
 * an update keeps whatever it does not replace.
 */
export async function pagedListAction(
  state: { page: number },
  id: CustomId,
  values: readonly string[],
  controls: RenderControls,
  views: PagedListViews,
): Promise<RenderedMessage | undefined> {
  if (pagingActions.has(id.action)) {
    state.page = parsePageArg(id.arg) ?? state.page;
    return withContent(await views.page());
  }
  if (id.action === ControlAction.Back) return withContent(await views.page());
  const chosen = values[0];
  if (id.action === ControlAction.Open && chosen !== undefined) {
    const card = await views.open(chosen);
    return withContent({ ...card, components: [...card.components, backRow(controls)] });
  }
  return undefined;
}

/** Answers a click on one paged list; `undefined` for an action the list does not have. */
export type PagedListClick<State> = (
  ctx: CommandContext,
  callerId: string,
  state: State,
  id: CustomId,
  values: readonly string[],
  controls: RenderControls,
) => Promise<RenderedMessage | undefined>;

/** The click handler of a list whose pages `page` renders and whose select opens `open` (see {@link pagedListAction}). */
export function pagedList<State extends { page: number }>(
  page: (ctx: CommandContext, callerId: string, state: State, controls: RenderControls) => Promise<RenderedMessage>,
  open: (ctx: CommandContext, callerId: string, state: State, chosen: string) => Promise<RenderedMessage>,
): PagedListClick<State> {
  return (ctx, callerId, state, id, values, controls) =>
    pagedListAction(state, id, values, controls, {
      page: () => page(ctx, callerId, state, controls),
      open: (chosen) => open(ctx, callerId, state, chosen),
    });
}

/** The message with `content` set, so an update clears a note the previous view had. */
export function withContent(message: RenderedMessage): RenderedMessage {
  return { ...message, content: message.content ?? '' };
}
