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
  // Most lines are short: a UTF-16 unit is at most 3 octets, so 25 units always fit.
  if (line.length * 3 <= IcsLineOctets || Buffer.byteLength(line, 'utf8') <= IcsLineOctets) return line;
  const parts: string[] = [];
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const size = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (octets + size > IcsLineOctets) {
      parts.push(line.slice(from, i));
      from = i;
      octets = 1; // the continuation's leading space
    }
    octets += size;
    if (pair) i++;
  }
  parts.push(line.slice(from));
  return parts.join('\r\n ');
}
