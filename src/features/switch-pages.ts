import type { CommandContext } from '../discord/command.js';
import { PluralKitErrorCode, type System } from '../pluralkit/index.js';
import type { RenderControls, RenderedMessage } from '../render/message.js';
import { nameLookup } from '../render/names.js';
import { renderSwitchHistory, renderSwitchPicker, SwitchesPerPage } from '../render/switches.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { withKeyViewNote } from './key-view-note.js';
import { readTarget, storeTarget, type StoredTarget } from './view-target.js';
import {
  emptyHistory,
  loadAll,
  loadThrough,
  PluralKitSwitchPage,
  type LoadedHistory,
  type SwitchPageFetcher,
} from './switch-history.js';

/** The state behind a history message's buttons: what is loaded and which page is shown. */
export interface HistoryState {
  target: StoredTarget;
  history: LoadedHistory;
  page: number;
  /** Short id → name, from the system's member list (empty when that list is private). */
  names: ReadonlyMap<string, string>;
  system: System;
  /** The system's time zone (own system only), for times the user reads or types. */
  timeZone: string | undefined;
  /** Said above every page when the caller's linked key only gets the public front history. */
  keyNote?: string | undefined;
}

/** A page-fetcher for a session's target, re-reading the caller's link on every page. */
export function historyFetcher(ctx: CommandContext, callerId: string, target: StoredTarget): SwitchPageFetcher {
  return (before) =>
    readTarget(ctx, callerId, target, ({ ref, o }) =>
      ctx.pluralkit.getSwitches(ref, { ...(before && { before }), limit: PluralKitSwitchPage }, o),
    );
}

/**
 * Starts a history session's state: the system, its member names and the first PluralKit page, fetched
 * together. A private member list is not an error here: switches then show member ids.
 */
export async function openHistory(ctx: CommandContext, callerId: string, target: Target): Promise<HistoryState> {
  const sessionTarget = storeTarget(target);
  const history = emptyHistory();
  const [system, members, timeZone, keyNote] = await readTarget(ctx, callerId, target, ({ ref, o, keyNote }) =>
    Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, []),
      target.kind === 'own' ? ctx.pluralkit.getSystemSettings(ref, o).then((settings) => settings.timezone) : undefined,
      Promise.resolve(keyNote('switches')),
    ]),
  );
  await loadThrough(history, SwitchesPerPage, historyFetcher(ctx, callerId, sessionTarget));
  return { target: sessionTarget, history, page: 0, names: nameLookup(members), system, timeZone, keyNote };
}

/**
 * Moves a session to `page` (0-based), fetching older PluralKit pages only when that page is not loaded
 * yet; `toOldest` loads everything and shows the last page.
 */
export async function turnPage(
  ctx: CommandContext,
  callerId: string,
  state: HistoryState,
  page: number,
  toOldest = false,
): Promise<void> {
  const fetchPage = historyFetcher(ctx, callerId, state.target);
  if (toOldest) await loadAll(state.history, fetchPage);
  else await loadThrough(state.history, (page + 1) * SwitchesPerPage, fetchPage);
  const pages = Math.max(1, Math.ceil(state.history.switches.length / SwitchesPerPage));
  state.page = toOldest ? pages - 1 : Math.min(Math.max(0, page), pages - 1);
}

/** The session's current page as the history view, or as the `/switch edit` picker. */
export function renderHistoryPage(
  state: HistoryState,
  controls: RenderControls,
  now: Date,
  picker: boolean,
): RenderedMessage {
  const options = {
    page: state.page,
    controls,
    now,
    names: state.names,
    system: state.system,
    complete: state.history.complete,
    jumpToOldest: true,
  };
  const page = picker
    ? renderSwitchPicker(state.history.switches, { ...options, timeZone: state.timeZone })
    : renderSwitchHistory(state.history.switches, options);
  return withKeyViewNote(page, state.keyNote);
}
