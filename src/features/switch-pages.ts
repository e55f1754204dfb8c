import type { CommandContext } from '../discord/command.js';
import { isPluralKitAPIError, PluralKitErrorCode, type Member, type System } from '../pluralkit/index.js';
import type { RenderControls, RenderedMessage } from '../render/message.js';
import { nameLookup } from '../render/names.js';
import { renderSwitchHistory, renderSwitchPicker, SwitchesPerPage } from '../render/switches.js';
import { forTarget, ownTarget, type Target } from '../targets.js';
import { emptyHistory, loadAll, loadThrough, PluralKitSwitchPage, type LoadedHistory, type SwitchPageFetcher } from './switch-history.js';

/** Whose history a session shows. The caller's own system keeps no token here: it is looked up per request. */
export type SessionTarget = { kind: 'own' } | Exclude<Target, { kind: 'own' }>;

/** The state behind a history message's buttons: what is loaded and which page is shown. */
export interface HistoryState {
  target: SessionTarget;
  history: LoadedHistory;
  page: number;
  /** Short id → name, from the system's member list (empty when that list is private). */
  names: ReadonlyMap<string, string>;
  system: System;
  /** The system's time zone (own system only), for times the user reads or types. */
  timeZone: string | undefined;
}

/** A page-fetcher for a session's target, re-reading the caller's link on every page. */
export function historyFetcher(ctx: CommandContext, callerId: string, target: SessionTarget): SwitchPageFetcher {
  return async (before) => {
    const resolved = target.kind === 'own' ? await ownTarget(ctx.accounts, callerId) : target;
    return forTarget(ctx.accounts, callerId, resolved, (ref, token) =>
      ctx.pluralkit.getSwitches(ref, { ...(before && { before }), limit: PluralKitSwitchPage }, { token, priority: 'interactive' }),
    );
  };
}

/**
 * Starts a history session's state: the system, its member names and the first PluralKit page, fetched
 * together. A private member list is not an error here: switches then show member ids.
 */
export async function openHistory(ctx: CommandContext, callerId: string, target: Target): Promise<HistoryState> {
  const sessionTarget: SessionTarget = target.kind === 'own' ? { kind: 'own' } : target;
  const history = emptyHistory();
  const [system, members, timeZone] = await forTarget(ctx.accounts, callerId, target, (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    return Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      ctx.pluralkit.getMembers(ref, o).catch(orEmptyWhenPrivate),
      target.kind === 'own' ? ctx.pluralkit.getSystemSettings(ref, o).then((settings) => settings.timezone) : undefined,
    ]);
  });
  await loadThrough(history, SwitchesPerPage, historyFetcher(ctx, callerId, sessionTarget));
  return { target: sessionTarget, history, page: 0, names: nameLookup(members), system, timeZone };
}

function orEmptyWhenPrivate(error: unknown): Member[] {
  if (isPluralKitAPIError(error, PluralKitErrorCode.MemberListPrivate)) return [];
  throw error;
}

/**
 * Moves a session to `page` (0-based), fetching older PluralKit pages only when that page is not loaded
 * yet; `toOldest` loads everything and shows the last page.
 */
export async function turnPage(ctx: CommandContext, callerId: string, state: HistoryState, page: number, toOldest = false): Promise<void> {
  const fetchPage = historyFetcher(ctx, callerId, state.target);
  if (toOldest) await loadAll(state.history, fetchPage);
  else await loadThrough(state.history, (page + 1) * SwitchesPerPage, fetchPage);
  const pages = Math.max(1, Math.ceil(state.history.switches.length / SwitchesPerPage));
  state.page = toOldest ? pages - 1 : Math.min(Math.max(0, page), pages - 1);
}

/** The session's current page as the history view, or as the `/switch edit` picker. */
export function renderHistoryPage(state: HistoryState, controls: RenderControls, now: Date, picker: boolean): RenderedMessage {
  const options = {
    page: state.page,
    controls,
    now,
    names: state.names,
    system: state.system,
    complete: state.history.complete,
    jumpToOldest: true,
  };
  return picker
    ? renderSwitchPicker(state.history.switches, { ...options, timeZone: state.timeZone })
    : renderSwitchHistory(state.history.switches, options);
}
