import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Module hooks that let plain `node` run the TypeScript sources as they are (no build): `./x.js` imports
 * resolve to `./x.ts`, and `.ts` files are stripped of their types one by one, with the native oxc transform
 * that vitest's bundler ships when it is there (seconds faster on a busy machine), else with TypeScript itself.
 */
function hooksSource(): string {
  const require = createRequire(import.meta.url);
  const href = (specifier: string): string | undefined => {
    try {
      return pathToFileURL(require.resolve(specifier)).href;
    } catch {
      return undefined;
    }
  };
  const oxc = href('rolldown/utils');
  const transform =
    oxc === undefined
      ? `const { default: ts } = await import(${JSON.stringify(href('typescript'))});
const strip = (fileName, source) => ts.transpileModule(source, { fileName, compilerOptions: {
  module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, inlineSourceMap: true } }).outputText;`
      : `const { transformSync } = await import(${JSON.stringify(oxc)});
const strip = (fileName, source) => transformSync(fileName, source, { target: 'es2022' }).code;`;
  return `
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
${transform}
export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? '';
  if (parent.startsWith('file:') && parent.endsWith('.ts') && /^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js')) {
    const url = new URL(specifier.slice(0, -3) + '.ts', parent);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  return { format: 'module', source: strip(fileName, readFileSync(fileName, 'utf8')), shortCircuit: true };
}`;
}

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
 * and a fresh working directory.
 */
export function startTypeScriptEntry(entry: string, env: Record<string, string>): Child {
  const dir = mkdtempSync(join(tmpdir(), 'pk-child-'));
  const hooks = join(dir, 'ts-hooks.mjs');
  writeFileSync(hooks, hooksSource());
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', pathToFileURL(register).href, resolve(repoRoot, entry)], {
    cwd: dir,
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
        const waiter = { pattern, resolve: (line: string) => { waiters.delete(waiter); resolve(line); } };
        waiters.add(waiter);
        void exited.then((code) => {
          if (waiters.delete(waiter)) reject(new Error(`exited (${code}) before printing ${pattern}:\n${lines.slice(-20).join('\n')}`));
        });
      });
    },
  };
}
