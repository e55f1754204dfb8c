import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { HelpEntry, HelpSection } from '../render/help.js';

/** The first lines of `/help`: how linking works and who sees what. */
export const HelpIntro = [
  'Link your PluralKit system with `/link`: you paste your token into a form only you see (or DM it to me); I check it with PluralKit and keep it encrypted. `/unlink` forgets it at once.',
  'Answers about your own system are private unless you set `public`. Other systems are shown only as PluralKit shows them to everyone, so their privacy settings always apply.',
].join('\n');

/** The notes under the command list: examples for the options people ask about most, and admin controls. */
export const HelpNotes: readonly { readonly title: string; readonly text: string }[] = [
  {
    title: 'Times and ranges',
    text: [
      "`/switch in` and `/switch out` take a `time` such as `10 minutes ago`, `2h ago`, `yesterday 21:30` or `2025-06-01T21:30:00Z`; times without a zone are in your system's PluralKit time zone.",
      '`/frontstats` and `/export` take a `range` such as `7d`, `2w`, `3mo`, `all`, `since 2025-01-01` or `from 2025-01-01 to 2025-02-01` (default `30d`).',
    ].join('\n'),
  },
  {
    title: 'For server admins',
    text: 'Discord lets you choose who can use each command, and where: Server Settings → Integrations → pk-companion, then allow or deny channels and roles per command.',
  },
];

/**
 * The help entries under the headings of `sections` (titles with command names), in that order.
 * Commands no section names (a test or preview subset) come last under "More".
 */
export function helpSections(
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[],
  sections: readonly { readonly title: string; readonly names: readonly string[] }[],
): HelpSection[] {
  const placed = new Set(sections.flatMap((section) => section.names));
  const grouped = sections.map((section) => ({
    title: section.title,
    entries: helpEntries(commands.filter((command) => section.names.includes(command.name))),
  }));
  const rest = helpEntries(commands.filter((command) => !placed.has(command.name)));
  return [...grouped, { title: 'More', entries: rest }].filter((section) => section.entries.length > 0);
}

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
    if (option.type === ApplicationCommandOptionType.Subcommand)
      return [{ name: `${prefix} ${option.name}`, description: option.description }];
    if (option.type === ApplicationCommandOptionType.SubcommandGroup)
      return subcommandEntries(`${prefix} ${option.name}`, option.options ?? []);
    return [];
  });
}
