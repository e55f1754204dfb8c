import { REST } from '@discordjs/rest';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  Routes,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from './command.js';

/**
 * Every command's definition as registered: installable to servers and to users' accounts, usable in
 * servers, in the bot's DMs and in other DMs and group chats.
 */
export function commandDefinitions(commands: readonly Command[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((command) => ({
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    ...command.data,
  }));
}

/** Options for {@link registerCommands}. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register to one guild (instant, for development) instead of globally. */
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/**
 * Overwrites the registered commands with ours (Discord's bulk overwrite: removed commands disappear).
 * @returns how many commands Discord now has.
 */
export async function registerCommands(commands: readonly Command[], options: RegisterOptions): Promise<number> {
  const rest = new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }).setToken(options.token);
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const result = (await rest.put(route, { body: commandDefinitions(commands) })) as unknown[];
  return result.length;
}
