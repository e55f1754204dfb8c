import { createBot } from './app.js';
import { assertBotConfig, ConfigError, loadConfig, loadDotEnv, wantsPreview } from './config.js';
import { createLogger } from './log.js';
import { runPreview } from './preview/run.js';

/**
 * `npm start`: runs the bot on Discord from the environment (and `.env`). With no DISCORD_TOKEN at all it
 * runs the preview against the built-in stand-ins instead, so a fresh clone shows something useful.
 */
async function main(): Promise<void> {
  loadDotEnv();
  if (wantsPreview()) {
    console.log('No DISCORD_TOKEN is set, so this is the preview: the real bot against built-in stand-ins of Discord and PluralKit.');
    console.log('To run on Discord, copy .env.example to .env and fill it in.\n');
    process.exitCode = await runPreview({});
    return;
  }
  const config = loadConfig();
  assertBotConfig(config);
  const log = createLogger({ level: config.logLevel });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  const bot = await createBot({ config, log });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await bot.start(config.discordToken);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('pk-companion could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
