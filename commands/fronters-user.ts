import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { frontersView } from '../src/features/fronters.js';
import { resolveTarget } from '../src/targets.js';

/**
 * User menu "Fronters": the current fronters of that user's system, as `/fronters user:` shows them.
 * On yourself it is your own (linked) system. Answered privately, like every context menu.
 */
export default {
  data: new ContextMenuCommandBuilder().setName('Fronters').setType(ApplicationCommandType.User).toJSON(),
  visibility: () => ({ ephemeral: true }),
  async user({ interaction, respond, ctx }) {
    const target = await resolveTarget(ctx.accounts, interaction.user.id, { user: interaction.targetUser });
    await respond.send(await frontersView(ctx, interaction.user.id, target));
  },
} satisfies Command;
