import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';

/** An option that reads `on` or `off` (two choices, so nothing else can be typed). */
export function onOffOption(name: string, description: string, required = true) {
  return (option: SlashCommandStringOption) =>
    option
      .setName(name)
      .setDescription(description)
      .setRequired(required)
      .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' });
}

/** The value of an {@link onOffOption}: true for `on`, false for `off`, undefined when left out. */
export function readOnOff(interaction: ChatInputCommandInteraction, name: string): boolean | undefined {
  const value = interaction.options.getString(name);
  return value === null ? undefined : value === 'on';
}
