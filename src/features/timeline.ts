import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { parseStatsRange } from '../front/range.js';
import { buildTimeline, MaxTimelineDays, timelineDays } from '../front/timeline.js';
import { PluralKitErrorCode } from '../pluralkit/index.js';
import type { RenderedMessage } from '../render/message.js';
import { memberColours, renderTimelineMessage } from '../render/timeline.js';
import { nameLookup } from '../render/names.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { switchesCovering } from './front-stats.js';
import { withKeyViewNote } from './key-view-note.js';
import { readTarget } from './view-target.js';

const DayMs = 86_400_000;
/** No zone is further ahead of UTC than this, so a read from here back covers the first local midnight. */
const MaxZoneLeadMs = 14 * 3_600_000;

/** The range a timeline shows when none is given. */
export const DefaultTimelineRange = '7d';

/**
 * `/timeline`: the target's front history over whole days (the last 7 by default, at most 90) in the
 * system's time zone, as a picture with a short text summary. Reads exactly what `/switches` reads
 * (the switch pages and the member list, a private list meaning ids), so PluralKit's privacy holds.
 * @throws {UserFacingError} `BadRange` before anything is fetched.
 */
export async function timelineView(
  ctx: CommandContext,
  callerId: string,
  target: Target,
  rangeText: string | null | undefined,
): Promise<RenderedMessage> {
  const now = ctx.now();
  const parsed = parseStatsRange(rangeText ?? DefaultTimelineRange, now);
  if (!parsed.ok) throw new UserFacingError('BadRange', { reason: parsed.reason });
  const { start, end } = parsed.range;
  const days = start === 'beginning' ? Infinity : Math.ceil((end.getTime() - start.getTime()) / DayMs);
  if (days > MaxTimelineDays) {
    throw new UserFacingError('BadRange', { reason: `a timeline shows at most ${MaxTimelineDays} days; try \`30d\`.` });
  }
  // The zone is read alongside the switches, so read from the earliest the first local midnight can be.
  const readFrom = new Date(timelineDays({ end, days })[0]!.startMs - MaxZoneLeadMs);

  const [switches, system, members, timeZone, keyNote] = await readTarget(
    ctx,
    callerId,
    target,
    ({ ref, o, keyNote }) =>
      Promise.all([
        switchesCovering(ctx.pluralkit, ref, { start: readFrom, end }, { ...o, priority: 'interactive' }),
        ctx.pluralkit.getSystem(ref, o),
        orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, []),
        target.kind === 'own'
          ? ctx.pluralkit.getSystemSettings(ref, o).then((settings) => settings.timezone)
          : undefined,
        Promise.resolve(keyNote('switches')),
      ]),
  );
  const timeline = buildTimeline(switches, { end, days, timeZone });
  const message = await renderTimelineMessage(timeline, {
    system,
    names: nameLookup(members),
    colours: memberColours(members),
  });
  return withKeyViewNote(message, keyNote);
}
