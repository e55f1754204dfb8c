import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { parseStatsRange } from '../front/range.js';
import { DefaultStatsMode, withStatsMode, type FrontShares, type StatsMode } from '../front/stats-modes.js';
import { computeFrontStats, groupMembersByShortId, type StatsRange } from '../front/stats.js';
import {
  PluralKitErrorCode,
  type CallOptions,
  type PluralKitClient,
  type Switch,
  type System,
} from '../pluralkit/index.js';
import { renderFrontStats } from '../render/frontstats.js';
import type { RenderControls, RenderedMessage } from '../render/message.js';
import { nameLookup } from '../render/names.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { withKeyViewNote } from './key-view-note.js';
import { readTarget } from './view-target.js';

/**
 * Everything a stats card needs to render any of its pages, so paging never asks PluralKit again and no
 * token is kept: the computed stats and the names to show.
 */
export interface FrontStatsView {
  stats: FrontShares;
  names: ReadonlyMap<string, string>;
  groupNames: ReadonlyMap<string, string>;
  system: System;
  /** Said above every page when the caller's linked key only gets the public front history. */
  keyNote?: string | undefined;
}

/**
 * Front time per member and group of a target over `rangeText` (`7d`, `30d`, `all`, `since …`; default
 * 30 days), with the shares of `mode` (PluralKit's flat and fronters-only). A range reaching back before
 * the first switch is cut to it. The history is read from the newest switch back to the one in force at the range start.
 * Members and groups are only for names and group stats: a private member or group list just means ids
 * and no group section. A private front history is PluralKit's 30005, which the boundary explains.
 * @throws {UserFacingError} `BadRange` before anything is fetched.
 */
export async function frontStatsView(
  ctx: CommandContext,
  callerId: string,
  target: Target,
  rangeText: string | null | undefined,
  mode: StatsMode = DefaultStatsMode,
): Promise<FrontStatsView> {
  const parsed = parseStatsRange(rangeText ?? undefined, ctx.now());
  if (!parsed.ok) throw new UserFacingError('BadRange', { reason: parsed.reason });
  const { range } = parsed;

  const [switches, system, members, groups, keyNote] = await readTarget(ctx, callerId, target, ({ ref, o, keyNote }) =>
    Promise.all([
      // Someone is waiting for this walk, so it goes before background ones (iterateSwitches' default).
      switchesCovering(ctx.pluralkit, ref, range, { ...o, priority: 'interactive' }),
      ctx.pluralkit.getSystem(ref, o),
      orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, []),
      orOnCode(ctx.pluralkit.getGroups(ref, { withMembers: true }, o), PluralKitErrorCode.GroupListPrivate, []),
      Promise.resolve(keyNote('switches')),
    ]),
  );

  const stats = withStatsMode(computeFrontStats(switches, range, groupMembersByShortId(groups, members)), mode);
  return { stats, names: nameLookup(members), groupNames: nameLookup(groups), system, keyNote };
}

/** One page of a stats view as a message; `controls` adds paging buttons when there is more than one page. */
export function renderFrontStatsPage(view: FrontStatsView, page: number, controls?: RenderControls): RenderedMessage {
  return withKeyViewNote(renderFrontStats(view.stats, { ...view, page, controls }), view.keyNote);
}

/**
 * The switches of a range, newest first, plus the one in force at its start (the first one older than
 * the start), without which the range's first hours would look unlogged.
 */
export async function switchesCovering(
  pluralkit: PluralKitClient,
  ref: string,
  range: StatsRange,
  o: CallOptions,
): Promise<Switch[]> {
  const startMs = range.start === 'beginning' ? undefined : range.start.getTime();
  const list: Switch[] = [];
  for await (const sw of pluralkit.iterateSwitches(ref, {}, o)) {
    list.push(sw);
    if (startMs !== undefined && Date.parse(sw.timestamp) <= startMs) break;
  }
  return list;
}
