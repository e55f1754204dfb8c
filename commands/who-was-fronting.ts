import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { messageFrontView } from '../src/features/message-front.js';

/**
 * Message menu "Who was fronting?": for a message PluralKit proxied, its system and member; for any
 * other message, its author's system; with who was fronting when it was sent. Answered privately.
 */
export default {
  data: new ContextMenuCommandBuilder().setName('Who was fronting?').setType(ApplicationCommandType.Message).toJSON(),
  visibility: () => ({ ephemeral: true }),
  async message({ interaction, respond, ctx }) {
    const message = interaction.targetMessage;
    await respond.send(
      await messageFrontView(ctx, interaction.user.id, {
        id: message.id,
        author: message.author,
        automated: message.author.bot || message.webhookId !== null,
        sentAt: new Date(message.createdTimestamp),
      }),
    );
  },
} satisfies Command;
