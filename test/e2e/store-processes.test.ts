/**
 * A token store only one process can read refuses to serve several: `memory:` and SQLite with `PROCESSES` > 1
 * stop start-up and say why, before anything is opened; Redis and Postgres stores start (their sharing is proven in
 * processes.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';
import { startTypeScriptEntry } from './child-process.js';

const key = randomBytes(32).toString('base64');
rememberSecret(key);
const why =
  /STORE_URL: a (memory|sqlite): store is this process's alone, so with PROCESSES=3 a token linked through one process would be unknown to the others; use a redis:\/\/ or postgres:\/\/ store/;

describe('token stores and several processes', () => {
  it.each(['memory:', 'sqlite://./data/pk-companion.sqlite'])(
    'refuses %s with PROCESSES=3, saying why',
    async (storeUrl) => {
      const config = loadConfig({ STORE_URL: storeUrl, PROCESSES: '3', TOKEN_ENCRYPTION_KEY: key });
      const failure = await createBot({ config, log: createLogger({ level: 'silent' }) }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toMatch(why);
    },
  );

  it('stops `npm start` with that message and exit code 1', async () => {
    const child = startTypeScriptEntry('src/main.ts', {
      DISCORD_TOKEN: 'stand-in-bot-token',
      TOKEN_ENCRYPTION_KEY: key,
      STORE_URL: 'memory:',
      PROCESSES: '3',
      ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
    });
    expect(await child.exited).toBe(1);
    expect(child.lines.join('\n')).toMatch(why);
  }, 60_000);

  it('starts with one process on memory:, as before', async () => {
    const config = loadConfig({ STORE_URL: 'memory:', TOKEN_ENCRYPTION_KEY: key });
    const bot = await createBot({ config, log: createLogger({ level: 'silent' }) });
    await bot.stop();
  });
});
