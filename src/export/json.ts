import { exportMember, stretchSeconds, type FrontExport } from './model.js';
import { BatchedJoin } from './text-join.js';
import { utcText } from './utc-text.js';

/**
 * The stretches as JSON: the system, the range, the export time and one object per stretch (ISO 8601
 * times in UTC, the member's short id, UUID and name, the switch that began it). A stretch still going on
 * has `"end": null`, `"ongoing": true` and its duration up to `exportedAt`. One stretch per line, so a
 * large file stays readable without the size of full indentation.
 */
export function exportJson(data: FrontExport): string {
  const iso = utcText('iso');
  const head = {
    system: data.system,
    range: { start: iso(data.range.start.getTime()), end: iso(data.range.end.getTime()) },
    exportedAt: iso(data.exportedAt.getTime()),
  };
  // Each member's JSON once, not once per stretch; the rest of a row is numbers, booleans, ISO times and
  // the switch id, a UUID (`SwitchSchema` checks it), none of which JSON escapes.
  const memberJson = new Map<string, string>();
  const rows = new BatchedJoin(',\n');
  for (const stretch of data.stretches) {
    let member = memberJson.get(stretch.memberId);
    if (member === undefined) {
      const known = exportMember(data, stretch.memberId);
      member = JSON.stringify({ id: known.id, uuid: known.uuid ?? null, name: known.name });
      memberJson.set(stretch.memberId, member);
    }
    const end = stretch.ongoing ? 'null' : `"${iso(stretch.endMs)}"`;
    rows.push(
      `{"member":${member},"start":"${iso(stretch.startMs)}","end":${end},"ongoing":${stretch.ongoing},` +
        `"durationSeconds":${stretchSeconds(stretch)},"switchId":"${stretch.fromSwitchId}"}`,
    );
  }
  const opening = JSON.stringify(head).slice(0, -1);
  return data.stretches.length === 0
    ? `${opening},"stretches":[]}\n`
    : `${opening},"stretches":[\n${rows.join()}\n]}\n`;
}
