import { parseArgs } from 'node:util';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, loadDotEnv } from '../src/config.js';
import { registerCommands } from '../src/discord/register.js';

/**
 * `npm run register [-- --guild ID]`: registers every command globally (takes up to an hour to show
 * everywhere) or to one guild (instant, for development). Uses DISCORD_TOKEN and DISCORD_APPLICATION_ID.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { guild: { type: 'string' } } });
  loadDotEnv();
  const config = loadConfig();
  const problems: string[] = [];
  if (config.discordToken === undefined) problems.push('DISCORD_TOKEN: required to register commands');
  if (config.discordApplicationId === undefined) problems.push('DISCORD_APPLICATION_ID: required to register commands');
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild))
    problems.push('--guild: expected a server id (17-20 digits)');
  if (problems.length > 0) throw new ConfigError(problems);
  const count = await registerCommands(commands, {
    token: config.discordToken!,
    applicationId: config.discordApplicationId!,
    guildId: values.guild,
    apiUrl: config.discordApiUrl,
  });
  console.log(`Registered ${count} commands ${values.guild === undefined ? 'globally' : `in server ${values.guild}`}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
