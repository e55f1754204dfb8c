/**
 * The production image carries `src` and `commands` only (compiled) and the production dependencies. A
 * file there that imports the stand-ins, the scripts, the tests or a dev dependency works in a checkout and
 * breaks in the image, so every import specifier of those two trees is checked here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
/** The trees the image carries; an import may stay inside them. */
const SHIPPED = ['src', 'commands'];
const dependencies = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
    .dependencies,
);

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? typeScriptFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The package a bare specifier names: `discord.js`, `@keyv/redis`, `discord-api-types` (of `…/v10`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The import specifiers of one shipped file that the image could not satisfy: a relative path leading out
 * of `src/` and `commands/`, or a package that is neither built into Node nor a production dependency.
 * Static imports, re-exports, type-only imports and dynamic imports of a literal all count.
 */
function importsOutside(path: string, source: string): string[] {
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
  return specifiers.filter((specifier) => {
    if (specifier.startsWith('.')) {
      const target = relative(ROOT, resolve(dirname(path), specifier));
      return !SHIPPED.some((tree) => target.startsWith(tree + sep));
    }
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return false;
    return !dependencies.includes(packageOf(specifier));
  });
}

describe('src and commands stand alone, as the production image carries them', () => {
  it('import nothing from the stand-ins, the scripts, the tests or a dev dependency', () => {
    const files = SHIPPED.flatMap((tree) => typeScriptFiles(join(ROOT, tree)));
    expect(files.length).toBeGreaterThan(50);
    const outside = files.flatMap((path) =>
      importsOutside(path, readFileSync(path, 'utf8')).map(
        (specifier) => `${relative(ROOT, path)} imports ${specifier}`,
      ),
    );
    expect(outside).toEqual([]);
  });

  it('catches every form such an import can take', () => {
    const main = join(ROOT, 'src', 'main.ts');
    const source = [
      "import { runPreview } from '../scripts/preview/run.js';",
      "import type { DiscordStandIn } from '../stand-ins/discord/index.js';",
      "export * from '../test/e2e/harness.js';",
      "const later = await import('../stand-ins/pluralkit/index.js');",
      "import fc from 'fast-check';",
      "import { createBot } from './app.js';",
      "import { commands } from '../commands/index.js';",
      "import { Client } from 'discord.js';",
      "import type { APIEmbed } from 'discord-api-types/v10';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importsOutside(main, source)).toEqual([
      '../scripts/preview/run.js',
      '../stand-ins/discord/index.js',
      '../test/e2e/harness.js',
      '../stand-ins/pluralkit/index.js',
      'fast-check',
    ]);
  });
});
