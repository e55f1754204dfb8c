import { exportMember, stretchSeconds, type FrontExport } from './model.js';
import { BatchedJoin } from './text-join.js';
import { utcText } from './utc-text.js';

/** The CSV header row, in column order. */
export const CsvColumns = [
  'member_id',
  'member_uuid',
  'member_name',
  'start_utc',
  'end_utc',
  'duration_seconds',
  'ongoing',
] as const;

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A field
 * a spreadsheet would read as a formula gets a leading `'` (and quotes), so `=cmd` shows as text.
 */
export function csvField(value: string): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  if (guarded === value && !/[",\r\n]/.test(value)) return value;
  return `"${guarded.replaceAll('"', '""')}"`;
}

/**
 * The stretches as CSV (RFC 4180: CRLF line ends, a header row, UTF-8 without BOM). Times are ISO 8601 in
 * UTC; a stretch still going on has an empty `end_utc`, `ongoing` = `true`, and its duration up to the export.
 */
export function exportCsv(data: FrontExport): string {
  const lines = new BatchedJoin('\r\n');
  lines.push(CsvColumns.join(','));
  // Each member's three fields once, not once per stretch.
  const memberFields = new Map<string, string>();
  const iso = utcText('iso');
  for (const stretch of data.stretches) {
    let member = memberFields.get(stretch.memberId);
    if (member === undefined) {
      const known = exportMember(data, stretch.memberId);
      member = [known.id, known.uuid ?? '', known.name].map(csvField).join(',');
      memberFields.set(stretch.memberId, member);
    }
    // Times, numbers and booleans never need quotes or the formula guard (none starts with - or +).
    const end = stretch.ongoing ? '' : iso(stretch.endMs);
    lines.push(`${member},${iso(stretch.startMs)},${end},${stretchSeconds(stretch)},${stretch.ongoing}`);
  }
  return `${lines.join()}\r\n`;
}
