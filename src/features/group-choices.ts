import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import type { Group } from '../pluralkit/index.js';
import { memberName } from '../render/names.js';

/** Discord shows at most 25 autocomplete choices. */
const MaxChoices = 25;

/**
 * Groups matching what the user typed, by name, display name or id (case-insensitive; prefix matches
 * first). Empty input lists the first groups alphabetically.
 */
export function matchGroups(groups: readonly Group[], typed: string, limit = MaxChoices): Group[] {
  const query = typed.trim().toLowerCase().replace(/-/g, '');
  const sorted = [...groups].sort((a, b) => memberName(a).localeCompare(memberName(b)));
  if (query === '') return sorted.slice(0, limit);
  const keysOf = (group: Group): string[] => [group.name, group.display_name ?? '', group.id].map((key) => key.toLowerCase());
  const prefix = sorted.filter((group) => keysOf(group).some((key) => key.startsWith(query)));
  const inside = sorted.filter((group) => !prefix.includes(group) && keysOf(group).some((key) => key.includes(query)));
  return [...prefix, ...inside].slice(0, limit);
}

/** A group as an autocomplete choice: its name and id, valued by id. */
export function groupChoice(group: Group): ApplicationCommandOptionChoiceData<string> {
  const label = `${memberName(group)} (${group.id})`;
  return { name: label.length > 100 ? `${label.slice(0, 90)}… (${group.id})` : label, value: group.id };
}

/**
 * Answers an autocomplete for a group option: the caller's own groups (hidden ones too), or the public
 * groups of the system in the `system` option. A private group list or no link means no suggestions.
 */
export async function autocompleteGroups(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const systemRef = interaction.options.getString('system');
  let groups: Group[] = [];
  if (systemRef) {
    groups = await ctx.pluralkit.getGroups(systemRef, {}, { priority: 'interactive' }).catch(() => []);
  } else {
    const account = await ctx.accounts.find(interaction.user.id);
    if (account) groups = await ctx.pluralkit.getGroups('@me', {}, { token: account.token, priority: 'interactive' });
  }
  await interaction.respond(matchGroups(groups, typed).map(groupChoice));
}
