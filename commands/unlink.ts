import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';

/** `/unlink`: forgets the user's token at once. */
export default {
  data: new SlashCommandBuilder()
    .setName('unlink')
    .setDescription('Forget your linked PluralKit token, right now')
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const removed = await ctx.accounts.unlink(interaction.user.id);
    await respond.send({
      content: removed
        ? '🗑️ Done: your PluralKit token is forgotten. Nothing of it is kept. `/link` again whenever you like.'
        : 'You had no linked PluralKit token, so there was nothing to forget.',
    });
  },
} satisfies Command;
