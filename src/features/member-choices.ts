import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import type { Member } from '../pluralkit/index.js';
import { memberName } from '../render/names.js';

/** Discord shows at most 25 autocomplete choices. */
const MaxChoices = 25;

/**
 * Members matching what the user typed, by name, display name or id (case-insensitive; prefix matches
 * first). Empty input lists the first members alphabetically.
 */
export function matchMembers(members: readonly Member[], typed: string, limit = MaxChoices): Member[] {
  const query = typed.trim().toLowerCase().replace(/-/g, '');
  if (query === '') return [...members].sort((a, b) => memberName(a).localeCompare(memberName(b))).slice(0, limit);
  const prefix: Member[] = [];
  const inside: Member[] = [];
  for (const member of members) {
    const keys = [member.name, member.display_name ?? '', member.id].map((key) => key.toLowerCase());
    if (keys.some((key) => key.startsWith(query))) prefix.push(member);
    else if (keys.some((key) => key.includes(query))) inside.push(member);
    if (prefix.length >= limit) break;
  }
  return [...prefix, ...inside].slice(0, limit);
}

/** A member as an autocomplete choice: its name (and id, to tell namesakes apart), valued by id. */
export function memberChoice(member: Member): ApplicationCommandOptionChoiceData<string> {
  const label = `${memberName(member)} (${member.id})`;
  return { name: label.length > 100 ? `${label.slice(0, 90)}… (${member.id})` : label, value: member.id };
}

/**
 * Answers an autocomplete for a member option: the caller's own members (owner view, so private ones too),
 * or the public members of the system named in the `system` option. Never throws: the router already
 * answers an empty list on failure, and here "not linked" simply means no suggestions.
 */
export async function autocompleteMembers(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const systemRef = interaction.options.getString('system');
  let members: Member[] = [];
  if (systemRef) {
    members = await ctx.pluralkit.getMembers(systemRef, { priority: 'interactive' }).catch(() => []);
  } else {
    const account = await ctx.accounts.find(interaction.user.id);
    if (account) members = await ctx.pluralkit.getMembers('@me', { token: account.token, priority: 'interactive' });
  }
  await interaction.respond(matchMembers(members, typed).map(memberChoice));
}
