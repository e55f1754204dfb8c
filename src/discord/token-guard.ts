import type { CommandInteractionOption, Interaction } from 'discord.js';
import { looksSecret } from '../log.js';

/** Commands whose form is meant for a token: the only place one may be typed. */
const tokenForms = new Set(['link', 'live']);

function stringOptions(options: readonly CommandInteractionOption[]): { name: string; value: string }[] {
  return options.flatMap((option) => [
    ...(typeof option.value === 'string' ? [{ name: option.name, value: option.value }] : []),
    ...stringOptions(option.options ?? []),
  ]);
}

/**
 * The name of the first free-text field of `interaction` (a slash command or autocomplete option, or a
 * form field) holding something token-shaped, or `undefined`. Such input is never used or repeated: the
 * same shapes the log scrubber hides.
 */
export function tokenShapedField(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return stringOptions(interaction.options.data).find((option) => looksSecret(option.value))?.name;
  }
  if (interaction.isModalSubmit() && !tokenForms.has(interaction.customId.split(':')[0] ?? '')) {
    return [...interaction.fields.fields.values()]
      .flatMap((field) =>
        'value' in field && typeof field.value === 'string' ? [{ id: field.customId, value: field.value }] : [],
      )
      .find((field) => looksSecret(field.value))?.id;
  }
  return undefined;
}
