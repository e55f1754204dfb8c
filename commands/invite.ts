import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { currentInviteLinks } from '../src/features/invite.js';
import { renderInvite } from '../src/render/invite.js';

/** `/invite`: links to add the bot to a server or to one's account (no permissions asked). */
export default {
  data: new SlashCommandBuilder()
    .setName('invite')
    .setDescription('Links to add pk-companion to a server or to your account')
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ respond, ctx }) {
    await respond.send(renderInvite(currentInviteLinks(ctx.bot.applicationId())));
  },
} satisfies Command;
