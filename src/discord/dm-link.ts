import type { Message } from 'discord.js';
import { UserErrorMessages } from '../errors.js';
import { looksSecret } from '../log.js';
import { tokenKind } from '../pluralkit/index.js';
import type { CommandContext } from './command.js';
import { describeError } from './describe-error.js';
import { linkedReply } from './link-reply.js';

const hint =
  "Hi! To link your PluralKit system, paste the token PluralKit gave you (`pk;token`) here, or use `/link` anywhere. I'll check it and keep it sealed; `/unlink` forgets it.";

/**
 * Handles a direct message to the bot: a token pasted on its own is linked, the way `pk;token` hands it
 * out. Anything else gets a short hint. Never throws, never echoes the message.
 */
export async function handleDirectMessage(message: Message, ctx: CommandContext): Promise<void> {
  if (message.author.bot || message.inGuild()) return;
  const text = message.content.trim();
  try {
    if (tokenKind(text) !== null) {
      const linked = await ctx.accounts.link(message.author.id, text);
      await message.reply({ ...linkedReply(linked), allowedMentions: { parse: [] } });
    } else if (looksSecret(text) || text.startsWith('pkapi:')) {
      await message.reply({ content: UserErrorMessages.TokenFormat(), allowedMentions: { parse: [] } });
    } else {
      await message.reply({ content: hint, allowedMentions: { parse: [] } });
    }
  } catch (error) {
    const described = describeError(error);
    ctx.log[described.level]({ err: error, user: message.author.id, errorId: described.errorId }, 'DM link failed');
    await message.reply({ content: described.message, allowedMentions: { parse: [] } }).catch((replyError: unknown) => {
      ctx.log.warn({ err: replyError, user: message.author.id }, 'could not answer a DM');
    });
  }
}
