import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { timelineView } from '../src/features/timeline.js';

const builder = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('A picture of who fronted when: one row per day (default: the last 7 days, at most 90)');
builder.addStringOption((option) =>
  option
    .setName('range')
    .setDescription('How far back: 7d, 2w, 30d, or since 2025-01-01 (default 7d)')
    .setMaxLength(100),
);

/** `/timeline [range] [system] [user] [public]`: the front history of whole days as a picture. */
export default {
  data: withPublicOption(withTargetOptions(builder)).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    await respond.send(await timelineView(ctx, interaction.user.id, target, interaction.options.getString('range')));
  },
} satisfies Command;
