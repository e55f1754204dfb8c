import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', '.git']);
const TEXT = /\.(ts|js|mjs|cjs|json|md|yml|yaml|sh|txt)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : TEXT.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

/** Paths of one machine: a clone elsewhere has none of them. The pattern is split so this file does not match itself. */
const MACHINE_PATH = new RegExp(
  ['/wo', 'rk/', '|\\.\\./sha', 'red/', '|/ho', 'me/[a-z]', '|/Us', 'ers/[A-Z]'].join(''),
);

describe('the project speaks of itself alone', () => {
  it('names no path outside the repository in code, tests, scripts or docs', () => {
    const hits = files(ROOT).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => (MACHINE_PATH.test(line) ? `${relative(ROOT, path)}:${i + 1}: ${line.trim()}` : null))
        .filter((hit): hit is string => hit !== null),
    );
    expect(hits).toEqual([]);
  });

  it('cites only notes that are in the repository', () => {
    const all = files(ROOT);
    const names = new Set(all.map((path) => path.split('/').pop()));
    const missing = all.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\b([\w-]+\.md)\b/g)]
        .map((m) => m[1]!)
        .filter((note) => !names.has(note) && !/^(CHANGELOG|LICENSE)/.test(note))
        .map((note) => `${relative(ROOT, path)}: ${note}`),
    );
    expect(missing).toEqual([]);
  });
});
