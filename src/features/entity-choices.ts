import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import type { CallOptions } from '../pluralkit/index.js';
import { memberName } from '../render/names.js';
import { matchByText, type Referable } from './lookup.js';

/** Discord shows at most 25 autocomplete choices. */
const MaxChoices = 25;

/** A member or group as an autocomplete choice: its name (and id, to tell namesakes apart), valued by id. */
export function entityChoice(item: Referable): ApplicationCommandOptionChoiceData<string> {
  const label = `${memberName(item)} (${item.id})`;
  return { name: label.length > 100 ? `${label.slice(0, 90)}… (${item.id})` : label, value: item.id };
}

/**
 * Answers an autocomplete from `list`: the caller's own entries (owner view, so private ones too), or the
 * public ones of the system named in the `system` option or of the account in the `user` option, matched
 * by `matchByText`. A private list or no link means no suggestions; the router already answers an empty
 * list if this fails.
 */
async function autocompleteFrom(
  interaction: AutocompleteInteraction,
  ctx: CommandContext,
  list: (ref: string, o: CallOptions) => Promise<Referable[]>,
): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const publicRef = interaction.options.getString('system') ?? someoneElse(interaction);
  let items: Referable[] = [];
  if (publicRef) {
    items = await list(publicRef, {}).catch(() => []);
  } else {
    const account = await ctx.accounts.find(interaction.user.id);
    if (account) items = await list('@me', { token: account.token });
  }
  await interaction.respond(matchByText(items, typed, MaxChoices).map(entityChoice));
}

/**
 * The Discord account id in the `user` option when it is not the caller's own (PluralKit takes it as a
 * system reference). Read as the raw value: an autocomplete may come without the resolved user.
 */
function someoneElse(interaction: AutocompleteInteraction): string | undefined {
  const value = interaction.options.get('user')?.value;
  return typeof value === 'string' && value !== interaction.user.id ? value : undefined;
}

/** Autocomplete for a member option (see {@link autocompleteFrom}). */
export function autocompleteMembers(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteFrom(interaction, ctx, (ref, o) => ctx.pluralkit.getMembers(ref, o));
}

/** Autocomplete for a group option (see {@link autocompleteFrom}). */
export function autocompleteGroups(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  return autocompleteFrom(interaction, ctx, (ref, o) => ctx.pluralkit.getGroups(ref, {}, o));
}
