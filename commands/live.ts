import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { liveOff, liveSetup, liveStatus, saveSigningToken, signingTokenForm } from '../src/features/live.js';

/** `/live setup|status|off`: PluralKit's dispatch events for the user's linked system. */
export default {
  data: new SlashCommandBuilder()
    .setName('live')
    .setDescription('Let PluralKit tell me about your switches as they happen')
    .addSubcommand((sub) =>
      sub
        .setName('setup')
        .setDescription('Set up live events: the command for PluralKit, and a form for its signing token'),
    )
    .addSubcommand((sub) =>
      sub.setName('status').setDescription('Whether live events arrive, and when the last one did'),
    )
    .addSubcommand((sub) => sub.setName('off').setDescription('Turn live events off and forget the webhook'))
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand(true);
    const user = interaction.user.id;
    const answer =
      sub === 'setup' ? liveSetup(ctx, user) : sub === 'status' ? liveStatus(ctx, user) : liveOff(ctx, user);
    await respond.send(await answer);
  },
  async component({ id, respond }) {
    if (id.action === 'token') await respond.showModal(signingTokenForm());
  },
  async modal({ interaction, respond, ctx }) {
    const pasted = interaction.fields.getTextInputValue('signing_token');
    await respond.send(await saveSigningToken(ctx, interaction.user.id, pasted));
  },
} satisfies Command;
