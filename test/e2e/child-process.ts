import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The checkout's root, also when this module runs from its build under dist/ (the bench): children always run the
// TypeScript sources under tsx.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/dist\/$/, '/');

/** A running child process with its output collected line by line. */
export interface Child {
  readonly process: ChildProcess;
  /** Every stdout and stderr line so far. */
  readonly lines: string[];
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  readonly exited: Promise<number | string>;
  /** Resolves with the first line matching `pattern`; rejects if the process ends first. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/**
 * Starts `node` on a TypeScript entry point of this repository (e.g. `src/main.ts`, or an absolute path to a
 * copy of one), exactly as `npm start` would run its build, with only `env` as its environment (plus PATH)
 * and a fresh working directory. `args` are the entry's own arguments (e.g. `['--shards', '2']`).
 */
export function startTypeScriptEntry(entry: string, env: Record<string, string>, args: readonly string[] = []): Child {
  // tsx runs the TypeScript sources as they are (no build); it is resolved here, since the child runs elsewhere.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', tsx, resolve(repoRoot, entry), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'pk-child-')),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const collect = (line: string): void => {
    lines.push(line);
    for (const waiter of waiters) if (waiter.pattern.test(line)) waiter.resolve(line);
  };
  createInterface({ input: child.stdout }).on('line', collect);
  createInterface({ input: child.stderr }).on('line', collect);
  const exited = once(child, 'exit').then(([code, signal]) => (code as number | null) ?? String(signal));
  return {
    process: child,
    lines,
    exited,
    waitForLine(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const waiter = {
          pattern,
          resolve: (line: string) => {
            waiters.delete(waiter);
            resolve(line);
          },
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (waiters.delete(waiter))
            reject(new Error(`exited (${code}) before printing ${pattern}:\n${lines.slice(-20).join('\n')}`));
        });
      });
    },
  };
}
