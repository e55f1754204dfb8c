import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { exportFile } from '../export/file.js';
import { Exporters, type ExportFormat, type ExportMember, type FrontExport } from '../export/index.js';
import { discordTimestamp } from '../front/format.js';
import { parseStatsRange } from '../front/range.js';
import { frontStretches } from '../front/stretches.js';
import { PluralKitErrorCode, type Member } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import { memberName } from '../render/names.js';
import { inlineText, plural } from '../render/text.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { withKeyViewNote } from './key-view-note.js';
import { emptyHistory, loadBackTo } from './switch-history.js';
import { historyFetcher } from './switch-pages.js';
import { readTarget, storeTarget } from './view-target.js';

/** Most switches one export loads (500 PluralKit pages); past it the range is too long for one file anyway. */
export const MaxExportSwitches = 50_000;

/** Where an export tells the user how loading goes (a `ProgressLine` in the bot). */
export interface ExportProgress {
  show(content: string): Promise<void>;
  update(content: string): Promise<void>;
}

/** What the user asked for: a format and a range text (`30d` when none, as `/frontstats`). */
export interface ExportRequest {
  format: ExportFormat;
  rangeText: string | null | undefined;
}

/**
 * The front history of `target` over a range as a file in the asked format, in a reply. Reads exactly as
 * `/switches` does (its page fetcher, the caller's token only for their own system, the public view
 * otherwise), page by page back to the switch in force at the range start, telling `progress` the
 * count after every page.
 * @throws {UserFacingError} `BadRange` before anything is fetched; `NoSwitches`; `ExportTooManySwitches`;
 * `ExportTooLarge` when the file would pass Discord's attachment limit.
 */
export async function exportFrontHistory(
  ctx: CommandContext,
  callerId: string,
  target: Target,
  request: ExportRequest,
  progress: ExportProgress,
): Promise<RenderedMessage> {
  const now = ctx.now();
  const parsed = parseStatsRange(request.rangeText ?? undefined, now);
  if (!parsed.ok) throw new UserFacingError('BadRange', { reason: parsed.reason });
  const { range } = parsed;

  await progress.show('Loading switches…');
  const stored = storeTarget(target);
  const [system, members, keyNote] = await readTarget(ctx, callerId, target, ({ ref, o, keyNote }) =>
    Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, []),
      Promise.resolve(keyNote('switches')),
    ]),
  );
  const history = emptyHistory();
  const startMs = range.start === 'beginning' ? undefined : range.start.getTime();
  const within = await loadBackTo(history, startMs, historyFetcher(ctx, callerId, stored), {
    maxSwitches: MaxExportSwitches,
    onPage: (loaded) => progress.update(`Loading switches… ${loaded.toLocaleString('en-US')} so far`),
  });
  if (!within) throw new UserFacingError('ExportTooManySwitches', { max: MaxExportSwitches.toLocaleString('en-US') });
  const oldest = history.switches.at(-1);
  if (oldest === undefined) throw new UserFacingError('NoSwitches');

  const firstMs = Date.parse(oldest.timestamp);
  const cutStart = new Date(Math.min(Math.max(startMs ?? firstMs, firstMs), range.end.getTime()));
  const data: FrontExport = {
    system: { id: system.id, uuid: system.uuid, name: system.name },
    range: { start: cutStart, end: range.end },
    exportedAt: now,
    members: exportMembers(members),
    stretches: frontStretches(history.switches, range, now),
  };
  const file = exportFile(request.format, data);
  return withKeyViewNote(
    { content: exportSummary(data, request.format), embeds: [], components: [], files: [file] },
    keyNote,
  );
}

function exportMembers(members: readonly Member[]): Map<string, ExportMember> {
  return new Map(members.map((m) => [m.id, { id: m.id, uuid: m.uuid, name: memberName(m) }]));
}

/** The line above the file: whose history, which range, how many stretches, how an ongoing one shows. */
function exportSummary(data: FrontExport, format: ExportFormat): string {
  const exporter = Exporters[format];
  const who = inlineText(data.system.name ?? data.system.id);
  const span = `${discordTimestamp(data.range.start)} to ${discordTimestamp(data.range.end)}`;
  const count =
    data.stretches.length === 0
      ? 'nobody fronted then'
      : plural(data.stretches.length, 'fronting stretch', 'fronting stretches');
  const ongoing = data.stretches.some((s) => s.ongoing) ? ` A stretch still going on has ${exporter.ongoing}.` : '';
  return `Front history of **${who}**, ${span}: ${count}, as ${exporter.label} (times in UTC).${ongoing}`;
}
