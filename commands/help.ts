import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { HelpIntro, helpEntries } from '../src/features/help.js';
import { renderHelp } from '../src/render/help.js';

/** `/help`: every command and menu with what it does, and how linking and privacy work. */
export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What every command does, and how linking and privacy work').toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ respond, ctx }) {
    await respond.send(renderHelp(helpEntries(ctx.bot.commands), { intro: HelpIntro }));
  },
} satisfies Command;
