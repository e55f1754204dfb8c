/**
 * The whole-suite log scan can fail: secrets planted through the real logger (in shapes the scrubber lets
 * through) are found and named by file and line, and the globalSetup teardown fails the run on them.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Keyring } from '../../src/vault/keyring.js';
import { seal } from '../../src/vault/sealing.js';
import { IdFactory, SeededRandom } from '../../stand-ins/pluralkit/ids.js';
import setup from './global-setup.js';
import { scanLogDirectory } from './scan.js';

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const suiteDir = process.env.LOG_COPY_DIR;

afterEach(() => {
  if (suiteDir === undefined) delete process.env.LOG_COPY_DIR;
  else process.env.LOG_COPY_DIR = suiteDir;
});

/** A directory with one log copy written by the real logger, and the ledger holding `token`. */
function plant(lines: (log: ReturnType<typeof createLogger>) => void, token: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pk-scan-test-'));
  writeFileSync(join(dir, 'secrets-1.txt'), `${token}\n`);
  lines(createLogger({ level: 'debug', destination: discard(), copyDirectory: dir }));
  const file = readdirSync(dir).find((name) => name.endsWith('.jsonl'))!;
  return { dir, file };
}

describe('whole-suite log scan', () => {
  const token = new IdFactory(new SeededRandom(99)).legacyToken();
  const key = Buffer.alloc(32, 5);

  it('names the file and line of every planted secret the scrubber let through, and passes clean lines', () => {
    const { dir, file } = plant((log) => {
      log.info({ user: '123' }, 'a clean line');
      log.warn(`split token ${token.slice(0, 30)} ${token.slice(30)}`);
      log.info({ key: key.toString('base64') }, 'key in a field');
      log.error({ record: seal(new Keyring(key).current, 'x', 'user') }, 'a sealed record');
      log.debug('another clean line about switch 2025-06-01T19:30:00Z');
    }, token);

    const { files, lines, findings } = scanLogDirectory(dir);
    expect({ files, lines }).toEqual({ files: 1, lines: 5 });
    expect(findings).toEqual([
      { file, line: 2, what: 'a secret issued by a stand-in (or a fragment of one)' },
      { file, line: 3, what: '32 bytes in base64 (an encryption key)' },
      { file, line: 4, what: 'a sealed record (iv/tag fields)' },
    ]);
  });

  it('sees through the scrubber: a whole token never reaches the file, so only the scrubbed line is there', () => {
    const { dir } = plant((log) => log.info({ pasted: token }, 'scrubbed'), token);
    expect(scanLogDirectory(dir).findings).toEqual([]);
  });

  it('fails the run from the globalSetup teardown, naming the file and line', () => {
    const teardown = setup();
    const dir = process.env.LOG_COPY_DIR!;
    writeFileSync(join(dir, 'secrets-2.txt'), `${token}\n`);
    createLogger({ destination: discard() }).info(`clean\n`);
    createLogger({ destination: discard() }).info(`token fragment ${token.slice(5, 40)}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.jsonl'))!;
    const exitCode = process.exitCode;
    try {
      expect(teardown).toThrow(`${join(dir, file)}:2: a secret issued by a stand-in (or a fragment of one)`);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
    }
  });
});
