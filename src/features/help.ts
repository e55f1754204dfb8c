import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { HelpEntry } from '../render/help.js';

/** The first lines of `/help`: how linking works and who sees what. */
export const HelpIntro = [
  'Link your PluralKit system with `/link`: you paste your token into a form only you see (or DM it to me); it is checked with PluralKit and kept encrypted. `/unlink` forgets it at once.',
  'Answers about your own system are private unless you set `public`. Other systems are shown only as PluralKit shows them to everyone, so their privacy settings always apply.',
].join('\n');

/**
 * Context menus carry no description on Discord, so their help text lives here, keyed by name.
 * A menu missing here still gets a generic line.
 */
const MenuDescriptions: Readonly<Record<string, string>> = {
  Fronters: "That user's system's current fronters.",
  'Who was fronting?': 'The system and member behind a message, and who was fronting when it was sent.',
};

/**
 * One help entry per thing a user can run, in registration order: each slash command, or each of its
 * subcommands (`switch in`) when it has them, then context menus under their own names.
 */
export function helpEntries(commands: readonly RESTPostAPIApplicationCommandsJSONBody[]): HelpEntry[] {
  return commands.flatMap((command): HelpEntry[] => {
    if (command.type === ApplicationCommandType.User || command.type === ApplicationCommandType.Message) {
      const kind = command.type === ApplicationCommandType.User ? 'user' : 'message';
      return [{ name: command.name, description: MenuDescriptions[command.name] ?? `Use it on a ${kind}.`, kind }];
    }
    if (command.type !== undefined && command.type !== ApplicationCommandType.ChatInput) return [];
    const subcommands = subcommandEntries(command.name, command.options ?? []);
    return subcommands.length > 0 ? subcommands : [{ name: command.name, description: command.description }];
  });
}

function subcommandEntries(prefix: string, options: readonly APIApplicationCommandOption[]): HelpEntry[] {
  return options.flatMap((option): HelpEntry[] => {
    if (option.type === ApplicationCommandOptionType.Subcommand) return [{ name: `${prefix} ${option.name}`, description: option.description }];
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) return subcommandEntries(`${prefix} ${option.name}`, option.options ?? []);
    return [];
  });
}
