import type { APIEmbedField } from 'discord-api-types/v10';
import type { RenderedMessage } from './message.js';
import { DiscordLimits, fitEmbedTotal, fitLines, truncate } from './limits.js';
import { inlineText } from './text.js';

/** A command as the help lists it. */
export interface HelpEntry {
  /** For slash commands the full name, subcommand included (`switch in`). */
  name: string;
  description: string;
  /** Slash command (default), or a context menu on users or messages (found under Apps). */
  kind?: 'slash' | 'user' | 'message' | undefined;
}

/** Commands under one heading. */
export interface HelpSection {
  title: string;
  entries: readonly HelpEntry[];
}

/** What the help shows besides the commands. */
export interface HelpOptions {
  title?: string | undefined;
  /** Lines before the command list. */
  intro?: string | undefined;
  /** Fields after it (examples, admin controls); {@link StoredDataNote} always comes last. */
  notes?: readonly { readonly title: string; readonly text: string }[] | undefined;
}

/** Accent colour of the help card (PluralKit's blurple-ish). */
export const HelpColor = 0x5865f2;

/** What the bot keeps about a user, for how long, and how to remove it: shown by `/help` and `/invite`. */
export const StoredDataNote = {
  title: 'What I keep about you',
  text:
    "Only if you link: your Discord user id and your PluralKit token, encrypted (with your system's id and name and when you linked). " +
    'I keep them until you run `/unlink`, which deletes them at once, or until PluralKit stops accepting the token. ' +
    "Reminders you add with `/remind` are kept with your system's id until you remove them. " +
    'Nothing else is stored: what I show is read from PluralKit when you ask and kept in memory for a few seconds.',
} as const;

/**
 * The help card: the intro, then the commands under their headings, one line per command,
 * `` `/name` description `` (context menus: `` **Name** (…) description ``), cut with "(N more)" if
 * needed; then the notes and what is stored as fields.
 */
export function renderHelp(sections: readonly HelpSection[], options: HelpOptions = {}): RenderedMessage {
  const lines = sections.flatMap((section, i) => [
    ...(i > 0 ? [''] : []),
    `**${inlineText(truncate(section.title, 80))}**`,
    ...section.entries.map((command) => `${label(command)} ${inlineText(truncate(command.description, 200))}`),
  ]);
  const intro = options.intro === undefined ? '' : `${truncate(options.intro, 1000)}\n\n`;
  const list =
    sections.length > 0 ? fitLines(lines, DiscordLimits.embedDescription - intro.length).text : 'No commands.';
  const fields: APIEmbedField[] = [...(options.notes ?? []), StoredDataNote].map((note) => ({
    name: truncate(note.title, DiscordLimits.fieldName),
    value: truncate(note.text, DiscordLimits.fieldValue),
  }));
  return {
    embeds: [
      fitEmbedTotal({
        title: truncate(options.title ?? 'pk-companion commands', DiscordLimits.embedTitle),
        description: `${intro}${list}`,
        color: HelpColor,
        fields,
      }),
    ],
    components: [],
  };
}

/** How a user finds the command: `/name` to type, or the Apps menu of a user or message. */
function label(command: HelpEntry): string {
  if (command.kind === 'user' || command.kind === 'message') {
    return `**${inlineText(truncate(command.name, 32))}** (on a ${command.kind}: right-click or long-press → Apps)`;
  }
  return `\`/${command.name}\``;
}
