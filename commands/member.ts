import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withLookupOptions,
  withPublicOption,
} from '../src/discord/options.js';
import { memberCardView } from '../src/features/member-card.js';
import { autocompleteMembers } from '../src/features/entity-choices.js';

const data = withLookupOptions(
  new SlashCommandBuilder()
    .setName('member')
    .setDescription("A member's card: names, pronouns, birthday, proxy tags, groups, last fronted"),
  'member',
);

/** `/member <member> [system] [public]`: one member's card, found by id, UUID or exact name. */
export default {
  data: withPublicOption(data).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    await respond.send(
      await memberCardView(ctx, interaction.user.id, target, interaction.options.getString('member', true)),
    );
  },
  autocomplete: autocompleteMembers,
} satisfies Command;
