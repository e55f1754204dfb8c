/**
 * The whole-suite log scan: reads every log line every process of the run wrote (the `LOG_COPY_DIR` copies,
 * `pk-companion-<pid>.jsonl`) and every secret the stand-ins issued (`secrets-<pid>.txt`), and reports each
 * line that holds a secret, a fragment of one, or something shaped like a token, a key or a sealed record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line that should never have been logged. */
export interface LogFinding {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** What was found, never the secret itself. */
  readonly what: string;
}

/** A fragment this long of an issued secret is enough to count as a leak. */
export const FragmentLength = 20;

const shapes: readonly [RegExp, string][] = [
  [/pkapi:(?!\[redacted\])[^\s"'`\\]{8,}/, 'a PluralKit API key'],
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{64,}={0,2}/, 'a 64-character base64 run (a legacy PluralKit token)'],
  [/[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/, 'a Discord bot token'],
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/, '32 bytes in base64 (an encryption key)'],
  [/\\?"(?:iv|tag)\\?"\s*:\s*\\?"[A-Za-z0-9+/]{16,}={0,2}\\?"/, 'a sealed record (iv/tag fields)'],
];

/** Every fragment of `FragmentLength` characters of every secret (the whole secret when it is shorter). */
function fragmentsOf(secrets: Iterable<string>): Set<string> {
  const fragments = new Set<string>();
  for (const secret of secrets) {
    if (secret.length <= FragmentLength) {
      fragments.add(secret);
      continue;
    }
    for (let at = 0; at + FragmentLength <= secret.length; at++) fragments.add(secret.slice(at, at + FragmentLength));
  }
  return fragments;
}

/** A test for "holds one of these secrets, or a fragment of one", built once for many lines. */
export function secretMatcher(secrets: Iterable<string>): (text: string) => boolean {
  const all = [...new Set(secrets)].filter((secret) => secret.length >= 12);
  const fragments = fragmentsOf(all.filter((secret) => secret.length > FragmentLength));
  const shortSecrets = all.filter((secret) => secret.length <= FragmentLength);
  return (text) => {
    for (let at = 0; at + FragmentLength <= text.length; at++)
      if (fragments.has(text.slice(at, at + FragmentLength))) return true;
    return shortSecrets.some((secret) => text.includes(secret));
  };
}

/** Checks lines against the secrets and the shapes. `file` only names the findings. */
export function scanLines(
  file: string,
  lines: readonly string[],
  holdsSecret: (text: string) => boolean,
): LogFinding[] {
  const findings: LogFinding[] = [];
  lines.forEach((text, index) => {
    if (holdsSecret(text))
      findings.push({ file, line: index + 1, what: 'a secret issued by a stand-in (or a fragment of one)' });
    for (const [pattern, what] of shapes) if (pattern.test(text)) findings.push({ file, line: index + 1, what });
  });
  return findings;
}

/** Scans every log copy in `dir` against every secret any process wrote down there. */
export function scanLogDirectory(dir: string): { files: number; lines: number; findings: LogFinding[] } {
  const names = readdirSync(dir);
  const secrets = names
    .filter((name) => name.startsWith('secrets-'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((secret) => secret !== '');
  const logs = names.filter((name) => name.endsWith('.jsonl'));
  const holdsSecret = secretMatcher(secrets);
  let lines = 0;
  const findings = logs.flatMap((name) => {
    const text = readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    lines += text.length;
    return scanLines(name, text, holdsSecret);
  });
  return { files: logs.length, lines, findings };
}

/** The report a failing run prints: each finding as `file:line: what`, at most `limit` of them. */
export function describeFindings(dir: string, findings: readonly LogFinding[], limit = 30): string {
  const shown = findings.slice(0, limit).map((f) => `  ${join(dir, f.file)}:${f.line}: ${f.what}`);
  const more = findings.length > limit ? [`  … and ${findings.length - limit} more`] : [];
  return [`${findings.length} log line(s) hold a secret or something shaped like one:`, ...shown, ...more].join('\n');
}
