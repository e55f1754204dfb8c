import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { targetFromOptions, visibilityFromPublicOption, withPublicOption } from '../src/discord/options.js';
import { memberCardView } from '../src/features/member-card.js';
import { autocompleteMembers } from '../src/features/member-choices.js';

// Built in steps: the required option must come first, and the builder keeps its type that way.
const data = new SlashCommandBuilder()
  .setName('member')
  .setDescription("A member's card: names, pronouns, birthday, proxy tags, groups, last fronted");
data.addStringOption((option) =>
  option.setName('member').setDescription('Name, display name or id').setRequired(true).setAutocomplete(true).setMaxLength(100),
);
data.addStringOption((option) =>
  option.setName('system').setDescription("Another system's id (e.g. abcde) or UUID; default: yours").setMaxLength(64),
);

/** `/member <member> [system] [public]`: one member's card, found by id, UUID or exact name. */
export default {
  data: withPublicOption(data).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    await respond.send(await memberCardView(ctx, interaction.user.id, target, interaction.options.getString('member', true)));
  },
  autocomplete: autocompleteMembers,
} satisfies Command;
