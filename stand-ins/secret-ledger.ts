import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { logCopyDirectory } from '../src/config.js';

/**
 * Writes down a secret a stand-in just issued (a PluralKit token or API key, a Discord bot or interaction
 * token) when `LOG_COPY_DIR` is set, in `<dir>/secrets-<pid>.txt`, one a line. The suite's log scan then
 * looks for each of them (and their fragments) in every log line the suite wrote. Does nothing otherwise.
 */
export function rememberSecret(secret: string): void {
  const dir = logCopyDirectory();
  if (dir === undefined) return;
  appendFileSync(join(dir, `secrets-${process.pid}.txt`), `${secret}\n`);
}
