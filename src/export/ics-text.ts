/** Longest content line RFC 5545 allows, in octets, not counting the CRLF. */
export const IcsLineOctets = 75;

/**
 * A TEXT value escaped as RFC 5545 §3.3.11 asks: backslash, semicolon and comma get a backslash, a line
 * break becomes `\n`. Other control characters are not allowed in TEXT, so they are dropped.
 */
export function icsText(value: string): string {
  return value
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, '');
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets of UTF-8, continuation lines start
 * with one space, and a multi-byte character is never split. Lines are joined with CRLF.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > IcsLineOctets) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** An instant as an iCalendar UTC DATE-TIME (`20250601T093000Z`), cut to the second. */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}
