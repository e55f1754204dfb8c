import type { HourMap } from '../front/hour-map.js';
import { computeHourMap } from '../front/hour-map.js';
import type { FrontShares } from '../front/stats-modes.js';
import type { Group, Member, Switch, System } from '../pluralkit/index.js';
import { memberColour } from '../render/charts/colours.js';
import { renderHourMap } from '../render/charts/hours.js';
import { renderShareChart } from '../render/charts/shares.js';
import type { RenderedFile } from '../render/message.js';
import { memberName, nameLookup } from '../render/names.js';
import { parseColor } from '../render/text.js';
import { memberColours } from '../render/timeline.js';
import { resolveMembers } from './member-resolve.js';

/** Which picture a stats card carries: the share bars, or the weekday × hour heat map of one member or everyone. */
export type StatsChart = { kind: 'shares' } | { kind: 'hours'; member?: string | undefined };

/** Everything the pictures are drawn from, as `frontStatsReport` read it. */
export interface StatsChartInputs {
  stats: FrontShares;
  switches: readonly Switch[];
  system: System;
  members: readonly Member[];
  groups: readonly Group[];
  timeZone: string | undefined;
}

/** The colour a whole-system heat map uses when the system has none. */
const SystemDefaultColour = '#4f46e5';

/**
 * The picture `chart` asks for. A typed `member` is resolved like everywhere else (name, display name or id).
 * @throws {UserFacingError} `MemberNotFound`, `AmbiguousMember`
 */
export function statsChartFile(chart: StatsChart, inputs: StatsChartInputs): Promise<RenderedFile | undefined> {
  const systemName = inputs.system.name?.trim() || inputs.system.id;
  if (chart.kind === 'shares') {
    return renderShareChart(inputs.stats, {
      title: `Front shares of ${systemName}`,
      names: nameLookup(inputs.members),
      colours: withGenerated(memberColours(inputs.members), inputs.stats.members),
      groupNames: nameLookup(inputs.groups),
      groupColours: withGenerated(memberColours(inputs.groups), inputs.stats.groups),
    });
  }
  const memberId = chart.member ? resolveMembers(inputs.members, [chart.member])[0] : undefined;
  const member = inputs.members.find((m) => m.id === memberId);
  const map: HourMap = computeHourMap(inputs.switches, inputs.stats, inputs.timeZone, memberId);
  const colour =
    member !== undefined
      ? memberColour(member.color, member.uuid)
      : parseColor(inputs.system.color) !== undefined
        ? memberColour(inputs.system.color, inputs.system.uuid)
        : SystemDefaultColour;
  const title = member !== undefined ? `When ${memberName(member)} fronts` : `When anyone in ${systemName} fronts`;
  return renderHourMap(map, { title, colour });
}

/** Adds a generated colour for every entry the map has none for (hidden members, ids only). */
function withGenerated(colours: Map<string, string>, entries: readonly { id: string }[]): Map<string, string> {
  for (const { id } of entries) if (!colours.has(id)) colours.set(id, memberColour(undefined, id));
  return colours;
}
