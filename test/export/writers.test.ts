import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvColumns, csvField } from '../../src/export/csv.js';
import { foldLine, icsText } from '../../src/export/ics-text.js';
import { Exporters, ExportFormats, type FrontExport } from '../../src/export/index.js';
import { exportMember } from '../../src/export/model.js';
import { frontStretches } from '../../src/front/stretches.js';
import type { Switch } from '../../src/pluralkit/schemas.js';

/*
 * The writers build their files in batches from cached pieces for speed. These are the same formats
 * written the plain way, one field and one line at a time, to hold the fast writers to them.
 */
const iso = (ms: number): string => new Date(ms).toISOString();
const seconds = (s: FrontExport['stretches'][number]): number => Math.round((s.endMs - s.startMs) / 1000);

function plainCsv(data: FrontExport): string {
  const rows = data.stretches.map((s) => {
    const m = exportMember(data, s.memberId);
    const fields = [m.id, m.uuid ?? '', m.name].map(csvField);
    return [...fields, iso(s.startMs), s.ongoing ? '' : iso(s.endMs), seconds(s), s.ongoing].join(',');
  });
  return [CsvColumns.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}

function plainJson(data: FrontExport): string {
  const head = JSON.stringify({
    system: data.system,
    range: { start: iso(data.range.start.getTime()), end: iso(data.range.end.getTime()) },
    exportedAt: iso(data.exportedAt.getTime()),
  });
  const rows = data.stretches.map((s) => {
    const m = exportMember(data, s.memberId);
    return JSON.stringify({
      member: { id: m.id, uuid: m.uuid ?? null, name: m.name },
      start: iso(s.startMs),
      end: s.ongoing ? null : iso(s.endMs),
      ongoing: s.ongoing,
      durationSeconds: seconds(s),
      switchId: s.fromSwitchId,
    });
  });
  const list = rows.length === 0 ? '[]' : `[\n${rows.join(',\n')}\n]`;
  return `${head.slice(0, -1)},"stretches":${list}}\n`;
}

function plainIcs(data: FrontExport): string {
  const utc = (ms: number) =>
    iso(ms)
      .replace(/\.\d{3}/, '')
      .replace(/[-:]/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//pk-companion//Front history export//EN'];
  lines.push('CALSCALE:GREGORIAN', 'METHOD:PUBLISH');
  lines.push(`X-WR-CALNAME:${icsText(`Front history of ${data.system.name ?? data.system.id}`)}`);
  for (const s of data.stretches) {
    const m = exportMember(data, s.memberId);
    lines.push('BEGIN:VEVENT', `UID:${s.fromSwitchId}-${icsText(m.id)}@pk-companion`);
    lines.push(`DTSTAMP:${utc(data.exportedAt.getTime())}`, `DTSTART:${utc(s.startMs)}`);
    lines.push(`DTEND:${utc(Math.ceil(s.endMs / 1000) * 1000)}`, `SUMMARY:${icsText(m.name)}`);
    if (s.ongoing) lines.push('DESCRIPTION:Still fronting when this was exported.');
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

const plain = { csv: plainCsv, json: plainJson, ics: plainIcs };

// Names and ids with everything a writer must quote, escape, guard or fold, and ids too long for one UID line.
const text = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.constantFrom('a', 'é', '桜', '🌸', ',', '"', ';', '\\', '\n', '\r', '=', '-', '\t', '\u0007', ' '),
  });
const memberIds = ['aaaaa', 'bbbbb', 'ccccc', 'dddddd', 'a-very-long-member-id-of-forty-characters'];
const members = fc.tuple(
  ...memberIds.map(() => fc.record({ uuid: fc.option(fc.uuid(), { nil: undefined }), name: text(60) })),
);
const T0 = Date.UTC(2025, 5, 1);
// Gaps to the millisecond, some zero.
const histories = fc.array(
  fc.tuple(
    fc.uuid(),
    fc.integer({ min: 0, max: 3_600_000 }),
    fc.array(fc.constantFrom(...memberIds), { maxLength: 3 }),
  ),
  { maxLength: 60 },
);

describe('export writers', () => {
  it('write exactly what the plain way of writing each format writes', () => {
    fc.assert(
      fc.property(
        histories,
        members,
        fc.option(text(80), { nil: null }),
        fc.boolean(),
        (steps, known, systemName, reachesNow) => {
          let t = T0;
          const switches = steps.map(([id, gapMs, ids]): Switch => ({
            id,
            timestamp: iso((t += gapMs)),
            members: ids,
          }));
          const end = new Date(t + 1234);
          const now = reachesNow ? end : new Date(end.getTime() + 1);
          const data: FrontExport = {
            system: { id: 'exsys', uuid: '55555555-5555-4555-8555-555555555555', name: systemName },
            range: { start: new Date(T0), end },
            exportedAt: now,
            // The last member is unknown to the reader, so it is written by id.
            members: new Map(known.slice(0, -1).map((m, i) => [memberIds[i]!, { id: memberIds[i]!, ...m }])),
            stretches: frontStretches(switches.reverse(), { start: 'beginning', end }, now),
          };
          for (const format of ExportFormats) expect(Exporters[format].render(data)).toBe(plain[format](data));
        },
      ),
      { numRuns: 60 },
    );
  });
});
