import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Compiles `src/` as plain ESM into `outDir`, so a real `node` process can load the client. */
async function compileSources(outDir: string): Promise<void> {
  const files = (await readdir(join(repo, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const source = await readFile(join(repo, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    const target = join(outDir, 'src', file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  await writeFile(join(outDir, 'package.json'), '{"type":"module"}\n');
  await symlink(join(repo, 'node_modules'), join(outDir, 'node_modules'), 'dir');
}

/** A user's script: no close(), nothing of its own to keep the process alive, just top-level await on queued requests. */
const script = `
import { PluralKitClient } from './src/pluralkit/index.js';
const [baseUrl, ids] = [process.argv[2], JSON.parse(process.argv[3])];
const client = new PluralKitClient({ baseUrl });
const members = await Promise.all(ids.map((id) => client.getMember(id)));
console.log(JSON.stringify(members.map((member) => member.id)));
`;

function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('a script using the client', () => {
  let dir: string;
  let pk: PluralKitStandIn;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pk-script-'));
    await compileSources(dir);
    await writeFile(join(dir, 'script.mjs'), script);
    // A slow advertised rate: once the headers are learned, the requests wait in the queue for the bucket.
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'gcra', getPerSecond: 3, updatePerSecond: 1 } });
  });
  afterAll(async () => {
    await pk.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not exit while requests are queued: top-level await gets every result, exit code 0', async () => {
    const ids = pk.sample.own.memberIds.slice(0, 6);
    const result = await run(join(dir, 'script.mjs'), [pk.url, JSON.stringify(ids)]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(ids);
    expect(pk.stats.rateLimited).toBe(0);
  });
});
