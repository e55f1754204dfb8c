import { pino, type Logger } from 'pino';
import { logCopy } from '../../src/log.js';

/**
 * A real pino logger whose lines are kept in memory, so tests can read what was logged. The lines are raw (not
 * scrubbed, so a leak shows), and go to the whole-suite log scan too.
 */
export function captureLog(): { log: Logger; lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const copy = logCopy();
  const log = pino(
    { level: 'trace' },
    {
      write: (line: string) => {
        lines.push(line);
        copy?.write(line);
      },
    },
  );
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
