import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { frontersView } from '../src/features/fronters.js';

/** `/fronters [system] [user] [public]`: who is fronting now, yours or another system's public view. */
export default {
  data: withPublicOption(
    withTargetOptions(new SlashCommandBuilder().setName('fronters').setDescription('Who is fronting right now')),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    await respond.send(await frontersView(ctx, interaction.user.id, target));
  },
} satisfies Command;
