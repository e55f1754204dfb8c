import { MessageFlags, type APIEmbed, type Interaction } from 'discord.js';
import type { CommandContext } from './command.js';
import type { Target } from '../targets.js';

/**
 * What a public answer showing the owner's view of their own system says in its footer, so whoever
 * reads it knows hidden members and private fields may be among what they see.
 */
export const PrivateInfoNote = "Includes private info (this system's PluralKit setting show_private_info is on)";

const ownerViewShown = new WeakSet<Interaction>();

/**
 * The target a public answer about it may use. PluralKit's `show_private_info` setting (default on)
 * decides whether the owner's private fields appear when they show their own system in a channel; when
 * it is off, a public answer is the public view, asked for without the token (README, "Privacy and tokens").
 */
export async function targetForPublicAnswer(
  interaction: Interaction,
  ctx: CommandContext,
  target: Target,
): Promise<Target> {
  if (target.kind !== 'own') return target;
  const settings = await ctx.accounts.withToken(target.account, interaction.user.id, (token) =>
    ctx.pluralkit.getSystemSettings('@me', { token, priority: 'interactive' }),
  );
  if (settings.show_private_info === false) return { kind: 'system', ref: target.account.systemId };
  ownerViewShown.add(interaction);
  return target;
}

/** True when this answer will be seen by others and shows the owner's view (a command, or a click on its message). */
export function showsOwnerViewPublicly(interaction: Interaction, ephemeral: boolean): boolean {
  if (ownerViewShown.has(interaction)) return !ephemeral;
  if (!interaction.isMessageComponent() && !(interaction.isModalSubmit() && interaction.isFromMessage())) return false;
  const message = interaction.message;
  if (message === null || message.flags.has(MessageFlags.Ephemeral)) return false;
  return message.embeds.some((embed) => embed.footer?.text.includes(PrivateInfoNote) === true);
}

/** The embeds with {@link PrivateInfoNote} in the last one's footer (once). */
export function withPrivateInfoNote(embeds: APIEmbed[]): APIEmbed[] {
  const last = embeds.at(-1);
  if (last === undefined || last.footer?.text.includes(PrivateInfoNote) === true) return embeds;
  const text = last.footer?.text ? `${last.footer.text} · ${PrivateInfoNote}` : PrivateInfoNote;
  return [...embeds.slice(0, -1), { ...last, footer: { ...last.footer, text } }];
}
