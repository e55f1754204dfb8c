import { describe, expect, it } from 'vitest';
import { CsvColumns, csvField, exportCsv } from '../../src/export/csv.js';
import { sampleExport, trickyMembers } from './fixtures.js';

/** A strict RFC 4180 reader, written here so the test does not trust the writer's idea of CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (char === '"' || char === '\r' || char === '\n') throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('exportCsv', () => {
  const rows = parseCsv(exportCsv(sampleExport()));

  it('reads back as a header and one record per stretch, every record as wide as the header', () => {
    expect(rows[0]).toEqual([...CsvColumns]);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toHaveLength(CsvColumns.length);
  });

  it('keeps names with commas, quotes, semicolons, backslashes, line breaks, CJK and emoji intact', () => {
    expect(rows[1]!.slice(0, 3)).toEqual(['aaaaa', trickyMembers[0].uuid, 'Ren, "the Brave"; \\ok']);
    expect(rows[3]![2]).toBe(trickyMembers[2].name);
    expect(rows[5]![2]).toBe('two\nlines');
  });

  it("prefixes a name a spreadsheet would run as a formula with ', so it stays text", () => {
    expect(rows[2]![2]).toBe("'=cmd|calc");
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes UTC ISO times and durations, an unknown member by id, and an ongoing stretch with no end', () => {
    expect(rows[1]!.slice(3)).toEqual(['2025-06-01T00:00:00.000Z', '2025-06-01T02:30:00.250Z', '9000', 'false']);
    expect(rows[4]!.slice(0, 3)).toEqual(['hidde', '', 'hidde']);
    expect(rows[5]!.slice(3)).toEqual(['2025-06-01T09:00:00.000Z', '', String(27 * 3600), 'true']);
  });

  it('is only the header when nobody fronted', () => {
    expect(exportCsv({ ...sampleExport(), stretches: [] })).toBe(`${CsvColumns.join(',')}\r\n`);
  });
});
