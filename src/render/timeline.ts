import type { APIEmbed } from 'discord-api-types/v10';
import { formatDuration } from '../front/format.js';
import type { FrontTimeline } from '../front/timeline.js';
import type { Member, System } from '../pluralkit/schemas.js';
import { memberColour } from './charts/colours.js';
import { renderTimelineChart } from './charts/timeline.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import type { RenderedMessage } from './message.js';
import { switchMemberLabel } from './names.js';
import { inlineText, parseColor } from './text.js';

/** Members named in the text under the picture; the picture's legend has more. */
const SummaryMembers = 10;

/** Short id → colour for every listed member (its PluralKit colour, or one generated from its UUID). */
export function memberColours(members: readonly Pick<Member, 'id' | 'uuid' | 'color'>[]): Map<string, string> {
  return new Map(members.map((member) => [member.id, memberColour(member.color, member.uuid)]));
}

/** What a timeline message names and colours. */
export interface TimelineMessageOptions {
  system: System;
  /** Short id → name; members it does not know show as their id. */
  names: ReadonlyMap<string, string>;
  /** Short id → colour of the members listed; others get one generated from their id. */
  colours: ReadonlyMap<string, string>;
}

/**
 * The timeline picture in an embed, with the days, the zone and the members by time fronted as text, so
 * a screen reader (or a picture that did not load) tells the same story.
 */
export async function renderTimelineMessage(
  timeline: FrontTimeline,
  options: TimelineMessageOptions,
): Promise<RenderedMessage> {
  const colours = new Map(options.colours);
  for (const { id } of timeline.totals) if (!colours.has(id)) colours.set(id, memberColour(undefined, id));
  const title = truncate(timelineTitle(options.system), DiscordLimits.embedTitle);
  const pictureTitle = `Front timeline of ${options.system.name?.trim() || options.system.id}`;
  const file = await renderTimelineChart(timeline, { title: pictureTitle, names: options.names, colours });
  const first = timeline.days[0]!;
  const last = timeline.days.at(-1)!;
  const zone = timeline.timeZone ?? 'UTC';
  const header = `${first.label} – ${last.label} (${timeline.days.length} days), times in ${zone}.`;
  const lines = timeline.totals
    .slice(0, SummaryMembers)
    .map(({ id, totalMs }, i) => `${i + 1}. ${switchMemberLabel(id, options.names)} — ${formatDuration(totalMs)}`);
  const summary =
    lines.length === 0
      ? 'No one fronted in these days.'
      : fitLines(lines, 3000, { total: timeline.totals.length }).text;
  const missing =
    file === undefined ? "\n\nThe picture would be over Discord's file size limit, so it is left out." : '';
  const color = parseColor(options.system.color);
  const embed: APIEmbed = {
    title,
    description: `${header}\n\n${summary}${missing}`,
    ...(color !== undefined && { color }),
    ...(file !== undefined && { image: { url: `attachment://${file.name}` } }),
  };
  return { embeds: [embed], components: [], ...(file !== undefined && { files: [file] }) };
}

function timelineTitle(system: System): string {
  const name = system.name?.trim();
  return name ? `Front timeline of ${inlineText(truncate(name, 80))}` : `Front timeline of ${system.id}`;
}
