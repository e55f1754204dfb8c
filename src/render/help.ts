import type { RenderedMessage } from './message.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import { inlineText } from './text.js';

/** A command as the help lists it. */
export interface HelpEntry {
  /** For slash commands the full name, subcommand included (`switch in`). */
  name: string;
  description: string;
  /** Slash command (default), or a context menu on users or messages (found under Apps). */
  kind?: 'slash' | 'user' | 'message' | undefined;
}

/** Accent colour of the help card (PluralKit's blurple-ish). */
export const HelpColor = 0x5865f2;

/**
 * The help card: one line per command, `` `/name` description `` (context menus: `` **Name** (…) description ``),
 * cut with "(N more)" if needed.
 */
export function renderHelp(commands: readonly HelpEntry[], options: { title?: string; intro?: string } = {}): RenderedMessage {
  const lines = commands.map((command) => `${label(command)} ${inlineText(truncate(command.description, 200))}`);
  const intro = options.intro === undefined ? '' : `${truncate(options.intro, 1000)}\n\n`;
  const list = lines.length > 0 ? fitLines(lines, DiscordLimits.embedDescription - intro.length).text : 'No commands.';
  return {
    embeds: [{ title: truncate(options.title ?? 'pk-companion commands', DiscordLimits.embedTitle), description: `${intro}${list}`, color: HelpColor }],
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
