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
import type { RenderControls, RenderedFile, RenderedMessage } from '../render/message.js';
import { nameLookup } from '../render/names.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { statsChartFile, type StatsChart } from './front-stats-charts.js';
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
  /** The attached picture's file name, which every page's last embed shows (the file stays on the message). */
  chartFile?: string | undefined;
}

/** A stats card and its picture (`undefined` when none was asked for or it would be over Discord's limit). */
export interface FrontStatsReport {
  view: FrontStatsView;
  file: RenderedFile | undefined;
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
  return (await frontStatsReport(ctx, callerId, target, rangeText, mode)).view;
}

/**
 * {@link frontStatsView} with the picture `chart` asks for, drawn from the same reads (the heat map also
 * reads the system's time zone, own system only, as `/switches` does).
 * @throws {UserFacingError} `BadRange` before anything is fetched; `MemberNotFound`, `AmbiguousMember` for the heat map's member.
 */
export async function frontStatsReport(
  ctx: CommandContext,
  callerId: string,
  target: Target,
  rangeText: string | null | undefined,
  mode: StatsMode = DefaultStatsMode,
  chart?: StatsChart,
): Promise<FrontStatsReport> {
  const parsed = parseStatsRange(rangeText ?? undefined, ctx.now());
  if (!parsed.ok) throw new UserFacingError('BadRange', { reason: parsed.reason });
  const { range } = parsed;

  const wantsZone = chart?.kind === 'hours' && target.kind === 'own';
  const [switches, system, members, groups, keyNote, timeZone] = await readTarget(
    ctx,
    callerId,
    target,
    ({ ref, o, keyNote }) =>
      Promise.all([
        // Someone is waiting for this walk, so it goes before background ones (iterateSwitches' default).
        switchesCovering(ctx.pluralkit, ref, range, { ...o, priority: 'interactive' }),
        ctx.pluralkit.getSystem(ref, o),
        orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, []),
        orOnCode(ctx.pluralkit.getGroups(ref, { withMembers: true }, o), PluralKitErrorCode.GroupListPrivate, []),
        Promise.resolve(keyNote('switches')),
        wantsZone ? ctx.pluralkit.getSystemSettings(ref, o).then((settings) => settings.timezone) : undefined,
      ]),
  );

  const stats = withStatsMode(computeFrontStats(switches, range, groupMembersByShortId(groups, members)), mode);
  const file = chart && (await statsChartFile(chart, { stats, switches, system, members, groups, timeZone }));
  const view = { stats, names: nameLookup(members), groupNames: nameLookup(groups), system, keyNote };
  return { view: file === undefined ? view : { ...view, chartFile: file.name }, file };
}

/** One page of a stats view as a message; `controls` adds paging buttons when there is more than one page. */
export function renderFrontStatsPage(view: FrontStatsView, page: number, controls?: RenderControls): RenderedMessage {
  const message = renderFrontStats(view.stats, { ...view, page, controls });
  const last = message.embeds.at(-1);
  if (last !== undefined && view.chartFile !== undefined) last.image = { url: `attachment://${view.chartFile}` };
  return withKeyViewNote(message, view.keyNote);
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
