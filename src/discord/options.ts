import type {
  ChatInputCommandInteraction,
  CommandInteraction,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { resolveTarget, type Target } from '../targets.js';
import type { CommandContext, Visibility } from './command.js';
import { targetForPublicAnswer } from './owner-view.js';

type Builder = SlashCommandBuilder | SlashCommandSubcommandBuilder;

/** Adds the `public` option: answers are private to the user unless they choose to share them. */
export function withPublicOption<B extends Builder>(builder: B): B {
  builder.addBooleanOption((option) =>
    option.setName('public').setDescription('Show the answer to everyone here (default: only you see it)'),
  );
  return builder;
}

/** Adds the `system` option: another system's id or UUID, the caller's own by default. */
function withSystemOption<B extends Builder>(builder: B): B {
  builder.addStringOption((option) =>
    option
      .setName('system')
      .setDescription("Another system's id (e.g. abcde) or UUID; default: yours")
      .setMaxLength(64),
  );
  return builder;
}

/** Adds the `system` and `user` options for looking at someone else's system. */
export function withTargetOptions<B extends Builder>(builder: B): B {
  withSystemOption(builder).addUserOption((option) =>
    option.setName('user').setDescription("Show this Discord user's system"),
  );
  return builder;
}

/**
 * Adds a required, autocompleted option naming one member or group (by name, display name or id),
 * then the `system` option it is looked up in. Required options must come first.
 */
export function withLookupOptions<B extends Builder>(builder: B, entity: 'member' | 'group'): B {
  builder.addStringOption((option) =>
    option
      .setName(entity)
      .setDescription('Name, display name or id')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );
  return withSystemOption(builder);
}

/** Reads the `public` option: private by default, so nobody's data is shown around by accident. */
export function visibilityFromPublicOption(interaction: CommandInteraction): Visibility {
  return { ephemeral: !(interaction.isChatInputCommand() && interaction.options.getBoolean('public') === true) };
}

/**
 * The system the `system` / `user` options name: someone else's, or the caller's own linked system when
 * neither is given (or they name it). See {@link resolveTarget}. A public answer about the caller's own
 * system follows its `show_private_info` setting (see {@link targetForPublicAnswer}).
 */
export async function targetFromOptions(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<Target> {
  const target = await resolveTarget(ctx.accounts, interaction.user.id, {
    system: interaction.options.getString('system'),
    user: interaction.options.getUser('user'),
  });
  return visibilityFromPublicOption(interaction).ephemeral ? target : targetForPublicAnswer(interaction, ctx, target);
}
