import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../src/export/ics.js';
import { foldLine, icsText } from '../../src/export/ics-text.js';
import { sampleExport, trickyMembers } from './fixtures.js';

/** The raw lines of a file, split on CRLF at the byte level (so a split UTF-8 sequence would show). */
function byteLines(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(from, i));
      from = i + 2;
    }
  }
  expect(from, 'the file ends with CRLF').toBe(bytes.length);
  return lines;
}

/** Unfolds (RFC 5545 §3.1) and reads `NAME:value` lines; TEXT values unescaped. */
function properties(text: string): [string, string][] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const value = line
        .slice(colon + 1)
        .replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
      return [line.slice(0, colon), value];
    });
}

function events(text: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const [name, value] of properties(text)) {
    if (name === 'BEGIN' && value === 'VEVENT') current = {};
    else if (name === 'END' && value === 'VEVENT') {
      found.push(current!);
      current = undefined;
    } else if (current !== undefined) current[name] = value;
  }
  return found;
}

describe('exportIcs', () => {
  const text = exportIcs(sampleExport());

  it('is a VCALENDAR of CRLF lines none longer than 75 octets, no multi-byte character split', () => {
    const lines = byteLines(text);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(line.toString('utf8'), 'utf8').equals(line), `valid UTF-8: ${line.toString()}`).toBe(true);
    }
    expect(text).not.toMatch(/[^\r]\n/);
    expect(properties(text).slice(0, 2)).toEqual([
      ['BEGIN', 'VCALENDAR'],
      ['VERSION', '2.0'],
    ]);
    expect(properties(text).find(([name]) => name === 'PRODID')).toBeDefined();
    expect(properties(text).at(-1)).toEqual(['END', 'VCALENDAR']);
  });

  it('has one event per stretch with the member name as SUMMARY, escaped and folded and read back intact', () => {
    const found = events(text);
    expect(found.map((e) => e['SUMMARY'])).toEqual([
      trickyMembers[0].name,
      trickyMembers[1].name,
      trickyMembers[2].name,
      'hidde',
      'two\nlines',
    ]);
    expect(text).toContain('SUMMARY:Ren\\, "the Brave"\\; \\\\ok');
    expect(text).toContain('SUMMARY:two\\nlines');
    // The CJK and emoji name is longer than one line, so it must have been folded.
    expect(text).toMatch(/SUMMARY:桜[^\r]*\r\n [^\r]*🌸/u);
  });

  it('gives every event a unique UID, the export time as DTSTAMP and UTC times to the second', () => {
    const found = events(text);
    expect(new Set(found.map((e) => e['UID'])).size).toBe(found.length);
    for (const event of found) {
      expect(event['UID']).toMatch(/^[0-9a-f-]{36}-[a-z]{5}@pk-companion$/);
      expect(event['DTSTAMP']).toBe('20250602T120000Z');
    }
    // 02:30:00.250 ends at the next whole second, so DTEND never falls before the true end.
    expect(found[0]).toMatchObject({ DTSTART: '20250601T000000Z', DTEND: '20250601T023001Z' });
  });

  it('ends a stretch still going on at the export time and says so', () => {
    const last = events(text)[4]!;
    expect(last).toMatchObject({ DTEND: '20250602T120000Z', DESCRIPTION: 'Still fronting when this was exported.' });
    expect(events(text)[0]!['DESCRIPTION']).toBeUndefined();
  });
});

describe('icsText and foldLine', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops other controls', () => {
    expect(icsText('a\\b;c,d\r\ne\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets counting UTF-8 bytes, with a space starting each continuation', () => {
    const line = `SUMMARY:${'日本語'.repeat(30)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
