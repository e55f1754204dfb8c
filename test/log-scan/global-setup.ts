/**
 * vitest globalSetup: before any worker starts, points `LOG_COPY_DIR` at a fresh directory, so every logger
 * of every test (and of every child process they start) copies its lines there and every stand-in writes
 * down the secrets it issues. After the last test, the scan fails the run if any line holds one of them, a
 * fragment of one, or anything shaped like a token, an encryption key or a sealed record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFindings, scanLogDirectory } from './scan.js';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pk-suite-logs-'));
  process.env.LOG_COPY_DIR = dir;
  return () => {
    const { files, lines, findings } = scanLogDirectory(dir);
    if (findings.length > 0) {
      // vitest reports an error thrown here but still exits 0; the exit code is what fails the run.
      process.exitCode = 1;
      throw new Error(`Whole-suite log scan: ${describeFindings(dir, findings)}`);
    }
    console.log(`Whole-suite log scan: ${lines} lines in ${files} log file(s), no secret found.`);
    rmSync(dir, { recursive: true, force: true });
  };
}
