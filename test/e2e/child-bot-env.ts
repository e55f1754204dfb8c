import { randomBytes } from 'node:crypto';
import { commands } from '../../commands/index.js';
import { registerCommands } from '../../src/discord/register.js';
import type { DiscordStandIn } from '../../stand-ins/discord/index.js';
import type { PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';

/** What every real bot child process needs to run against the stand-ins. */
export interface ChildBotEnv {
  DISCORD_TOKEN: string;
  DISCORD_API_URL: string;
  PLURALKIT_API_URL: string;
  TOKEN_ENCRYPTION_KEY: string;
}

/**
 * Registers the bot's commands on the Discord stand-in (as `npm run register` would) and returns the
 * environment a child bot needs for these stand-ins, with a fresh encryption key the log scan knows is secret.
 */
export async function childBotEnv(discord: DiscordStandIn, pk: PluralKitStandIn): Promise<ChildBotEnv> {
  await registerCommands(commands, {
    token: discord.botToken,
    applicationId: discord.applicationId,
    apiUrl: discord.apiBase,
  });
  const key = randomBytes(32).toString('base64');
  rememberSecret(key);
  return {
    DISCORD_TOKEN: discord.botToken,
    DISCORD_API_URL: discord.apiBase,
    PLURALKIT_API_URL: pk.url,
    TOKEN_ENCRYPTION_KEY: key,
  };
}
