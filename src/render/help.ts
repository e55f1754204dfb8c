import type { RenderedMessage } from './message.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import { inlineText } from './text.js';

/** A command as the help lists it. */
export interface HelpEntry {
  name: string;
  description: string;
}

/** Accent colour of the help card (PluralKit's blurple-ish). */
export const HelpColor = 0x5865f2;

/** The help card: one line per command, `` `/name` description ``, cut with "(N more)" if needed. */
export function renderHelp(commands: readonly HelpEntry[], options: { title?: string; intro?: string } = {}): RenderedMessage {
  const lines = commands.map((command) => `\`/${command.name}\` ${inlineText(truncate(command.description, 200))}`);
  const intro = options.intro === undefined ? '' : `${truncate(options.intro, 1000)}\n\n`;
  const list = lines.length > 0 ? fitLines(lines, DiscordLimits.embedDescription - intro.length).text : 'No commands.';
  return {
    embeds: [{ title: truncate(options.title ?? 'pk-companion commands', DiscordLimits.embedTitle), description: `${intro}${list}`, color: HelpColor }],
    components: [],
  };
}
