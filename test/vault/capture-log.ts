import { pino, type Logger } from 'pino';

/** A real pino logger whose lines are kept in memory, so tests can read what was logged. */
export function captureLog(): { log: Logger; lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
