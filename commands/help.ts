import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { HelpIntro, HelpNotes, helpSections } from '../src/features/help.js';
import { renderHelp } from '../src/render/help.js';

/** `/help`: every command and menu under its heading, examples, admin controls, and what is stored. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What every command does, and how linking and privacy work')
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ respond, ctx }) {
    await respond.send(
      renderHelp(helpSections(ctx.bot.commands, ctx.bot.helpSections), { intro: HelpIntro, notes: HelpNotes }),
    );
  },
} satisfies Command;
