/**
 * `npm start` with no DISCORD_TOKEN: the real entry point (`src/main.ts` in a child process, as `npm start`
 * runs its build). From a full checkout it plays the preview; from a build with `src` and `commands` alone,
 * as in the production image, it says how to get the preview and exits non-zero.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTypeScriptEntry, type Child } from './e2e/child-process.js';

const ROOT = resolve(import.meta.dirname, '..');
/** Long enough for a busy two-core machine to start node and load the sources; the test fails, not hangs, after. */
const BoundMs = 25_000;

/** The environment of a fresh clone: nothing configured (the log copy only feeds the whole-suite scan). */
const unconfigured = (): Record<string, string> =>
  process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR };

/** What the image holds: `src`, `commands`, package.json and the installed packages; no scripts, no stand-ins. */
function imageLikeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pk-image-'));
  for (const part of ['src', 'commands', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The exit code, or a failure naming the last lines when the process outlives the bound. */
async function exitWithin(child: Child, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running after ${ms} ms:\n${child.lines.slice(-20).join('\n')}`)),
      ms,
    );
  });
  try {
    return await Promise.race([child.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start with no DISCORD_TOKEN', () => {
  let child: Child | undefined;
  let copy: string | undefined;

  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    child = undefined;
    // The copy links node_modules; removing the copy removes the link, never what it points at.
    if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });

  it(
    'plays the preview from a full checkout',
    async () => {
      child = startTypeScriptEntry('src/main.ts', unconfigured());
      await child.waitForLine(/^pk-companion preview: the real bot on a stand-in Discord/);
      const firstStep = await child.waitForLine(/^━━ 1\. /);
      expect(firstStep).toMatch(/━━ 1\. \S/);
      expect(child.lines).toContain(
        'No DISCORD_TOKEN is set, so this is the preview: the real bot against built-in stand-ins of Discord and PluralKit.',
      );
    },
    BoundMs * 2,
  );

  it(
    'says how to get the preview and exits non-zero from a build that lacks it',
    async () => {
      copy = imageLikeCopy();
      child = startTypeScriptEntry(join(copy, 'src', 'main.ts'), unconfigured());
      const code = await exitWithin(child, BoundMs);
      const output = child.lines.join('\n');
      expect(output).toContain('the preview is not part of this build');
      expect(output).toContain(
        'The preview needs a full checkout: git clone <the pk-companion repository> && cd pk-companion && npm install && npm start',
      );
      expect(output).toContain('set DISCORD_TOKEN');
      expect(output).not.toMatch(/could not start|ERR_MODULE_NOT_FOUND|at .*main\.ts/);
      expect(code).toBe(1);
    },
    BoundMs * 2,
  );
});
