import { ComponentType, SlashCommandBuilder, TextInputStyle } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { encodeCustomId } from '../src/discord/custom-id.js';
import { linkedReply } from '../src/discord/link-reply.js';

/** `/link`: opens a private form for the token; the token never appears in a command option or a channel. */
export default {
  data: new SlashCommandBuilder()
    .setName('link')
    .setDescription('Link your PluralKit system privately (you paste your token into a form only you see)')
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ respond }) {
    await respond.showModal({
      customId: encodeCustomId({ command: 'link', action: 'submit' }),
      title: 'Link your PluralKit system',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.TextInput,
              customId: 'token',
              label: 'Token (DM PluralKit "pk;token" to get it)',
              style: TextInputStyle.Short,
              required: true,
              minLength: 10,
              maxLength: 4000,
              placeholder: 'Paste your token here. It is checked, then kept sealed.',
            },
          ],
        },
      ],
    });
  },
  async modal({ interaction, respond, ctx }) {
    const linked = await ctx.accounts.link(interaction.user.id, interaction.fields.getTextInputValue('token'));
    await respond.send(linkedReply(linked));
  },
} satisfies Command;
