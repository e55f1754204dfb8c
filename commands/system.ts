import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { systemCardView } from '../src/features/system-card.js';

/** `/system [system] [user] [public]`: a system's card, yours or another system's public view. */
export default {
  data: withPublicOption(
    withTargetOptions(
      new SlashCommandBuilder().setName('system').setDescription("A system's card: name, tag, description, counts"),
    ),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    await respond.send(await systemCardView(ctx, interaction.user.id, target));
  },
} satisfies Command;
