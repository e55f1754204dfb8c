import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../errors.js';

/** The server a command was used in. @throws {UserFacingError} `ServerOnly` in DMs and group chats. */
export function serverOf(interaction: ChatInputCommandInteraction): string {
  if (interaction.guildId === null) throw new UserFacingError('ServerOnly');
  return interaction.guildId;
}

/**
 * The server, checked to be run by someone with Manage Server. The command's `default_member_permissions`
 * already hides it from others, but a server can override that in its integration settings, so the
 * permissions Discord sends with the interaction decide.
 * @throws {UserFacingError} `ServerOnly`, `NeedsManageServer`
 */
export function adminServerOf(interaction: ChatInputCommandInteraction): string {
  const guildId = serverOf(interaction);
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true)
    throw new UserFacingError('NeedsManageServer');
  return guildId;
}
