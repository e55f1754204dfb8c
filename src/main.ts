import { fileURLToPath } from 'node:url';
import { createBot } from './app.js';
import {
  assertBotConfig,
  ConfigError,
  runsUnderShardingManager,
  type Config,
  loadConfig,
  loadDotEnv,
  wantsPreview,
} from './config.js';
import { runShards } from './discord/shards.js';
import { createLogger, type Logger } from './log.js';
import { assertRoleConfig, parseStartOptions, StartOptionsError, type Role } from './start-options.js';

/** How long closing may take after the grace period before the process exits anyway. */
const ForcedExitAfterMs = 5_000;

/**
 * Where the preview lives relative to this file, in the sources (`src/` → `scripts/`) and in the build
 * (`dist/src/` → `dist/scripts/`). A string computed at run time, not a static import: the preview brings the
 * stand-ins, which a bot on Discord never needs, and the production image carries `src` and `commands` only.
 */
const PreviewModule = ['..', 'scripts', 'preview', 'run.js'].join('/');

/** The preview's entry point, or undefined (after saying how to get it) when this build does not have it. */
async function loadPreview(): Promise<((options: object) => Promise<number>) | undefined> {
  try {
    const module = (await import(PreviewModule)) as { runPreview: (options: object) => Promise<number> };
    return module.runPreview;
  } catch (error) {
    const missing = fileURLToPath(new URL(PreviewModule, import.meta.url));
    if (!(
      error instanceof Error &&
      'code' in error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      error.message.includes(missing)
    ))
      throw error;
    console.error(
      [
        'No DISCORD_TOKEN is set, so this would be the preview, but the preview is not part of this build (the production image carries the bot alone).',
        'The preview needs a full checkout: git clone <the pk-companion repository> && cd pk-companion && npm install && npm start',
        'To run the bot on Discord here, set DISCORD_TOKEN (every variable is explained in .env.example).',
      ].join('\n'),
    );
    return undefined;
  }
}

/**
 * `npm start`: runs the bot on Discord from the environment (and `.env`). With no DISCORD_TOKEN at all it
 * runs the preview against the built-in stand-ins instead, so a fresh clone shows something useful.
 */
async function main(): Promise<void> {
  const start = parseStartOptions(process.argv.slice(2));
  loadDotEnv();
  if (wantsPreview() && start.shards !== undefined) {
    throw new StartOptionsError('--shards runs the bot on Discord, so it needs DISCORD_TOKEN (see .env.example).');
  }
  if (wantsPreview()) {
    const runPreview = await loadPreview();
    if (runPreview === undefined) {
      process.exitCode = 1;
      return;
    }
    console.log(
      'No DISCORD_TOKEN is set, so this is the preview: the real bot against built-in stand-ins of Discord and PluralKit.',
    );
    console.log('To run on Discord, copy .env.example to .env and fill it in.\n');
    process.exitCode = await runPreview({});
    return;
  }
  const config = loadConfig();
  assertBotConfig(config);
  assertRoleConfig(config, start.role);
  const log = createLogger({ level: config.logLevel, pretty: config.logPretty });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  if (start.shards !== undefined) {
    await runShards({ config, shards: start.shards, entry: fileURLToPath(import.meta.url), log });
    return;
  }
  await runBot(config, log, start.role);
}

/** One bot process: alone, or one shard under the manager (which then owns the second-signal policy). */
async function runBot(config: Config & { discordToken: string }, log: Logger, role: Role): Promise<void> {
  const managed = runsUnderShardingManager();
  const bot = await createBot({ config, log, role });
  let signalled = false;
  const shutdown = (signal: string) => {
    // A second signal means the operator will not wait: leave at once. Under the manager, Ctrl-C reaches the
    // shard and the manager's SIGTERM follows; the manager kills a shard itself when it must not wait.
    if (signalled && managed) return;
    if (signalled) process.exit(1);
    signalled = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing the interactions in flight');
    // Closing Discord, PluralKit and the store should take a moment; never let a hung close keep the process up.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + ForcedExitAfterMs).unref();
    bot.stop({ graceMs: config.shutdownGraceMs }).then(
      (drained) => {
        log.info(drained, 'shut down');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A shard whose manager is gone (killed outright) drains and leaves rather than run unsupervised.
  if (managed) process.on('disconnect', () => shutdown('manager gone'));
  await bot.start(config.discordToken);
}

main().catch((error: unknown) => {
  if (error instanceof StartOptionsError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('pk-companion could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
