import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { botPermissionsIn, missingFrom, Needed } from '../discord/guild-permissions.js';
import { UserFacingError } from '../errors.js';
import { AnnounceSettings } from './announce-settings.js';
import { adminServerOf, serverOf } from './server-checks.js';

/** What the bot needs where it announces: see the channel, post in it, and show the card (an embed). */
export const AnnouncePermissions = [Needed.ViewChannel, Needed.SendMessages, Needed.EmbedLinks] as const;

/**
 * The bot's permissions in `channelId`: the interaction's own `app_permissions` when it is the channel the
 * command was used in, else computed from the guild's roles, the bot's roles and the channel's overwrites.
 */
async function botPermissionsFor(interaction: ChatInputCommandInteraction, guildId: string, channelId: string) {
  if (channelId === interaction.channelId) return interaction.appPermissions.bitfield;
  return botPermissionsIn(interaction.client.rest, guildId, channelId, interaction.applicationId);
}

/**
 * `/announce channel`: checks the bot can post a card in the channel, then keeps it for the server.
 * @throws {UserFacingError} `NeedsManageServer`, `BotCannotPost` naming what is missing
 */
export async function setAnnounceChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<string> {
  const guildId = adminServerOf(interaction);
  const channel = interaction.options.getChannel('channel', true);
  const missing = missingFrom(await botPermissionsFor(interaction, guildId, channel.id), AnnouncePermissions);
  if (missing.length > 0)
    throw new UserFacingError('BotCannotPost', { channel: channel.id, missing: missing.join(', ') });
  await new AnnounceSettings(ctx.settings).setChannel(guildId, channel.id);
  return `Front changes of the members who turn it on (\`/announce me on\`) will be posted in <#${channel.id}>. Private front lists are never announced.`;
}

/** `/announce off`: the server stops announcing. @throws {UserFacingError} `NeedsManageServer` */
export async function stopAnnouncing(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = adminServerOf(interaction);
  await new AnnounceSettings(ctx.settings).setChannel(guildId, undefined);
  return 'Front announcements are off in this server. Members’ choices are kept for when an admin turns them on again.';
}

/** `/announce me`: a member opts their linked system in or out, in this server. @throws {UserFacingError} `NotLinked` */
export async function setOwnAnnouncements(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  on: boolean,
): Promise<string> {
  const guildId = serverOf(interaction);
  const settings = new AnnounceSettings(ctx.settings);
  if (!on) {
    await settings.optedIn.set(interaction.user.id, guildId, false);
    return 'Your front changes are no longer announced in this server.';
  }
  if ((await ctx.accounts.find(interaction.user.id)) === undefined) throw new UserFacingError('NotLinked');
  await settings.optedIn.set(interaction.user.id, guildId, true);
  const channel = await settings.channel(guildId);
  const where = channel === undefined ? 'once an admin picks a channel (`/announce channel`)' : `in <#${channel}>`;
  return `Your front changes will be announced ${where}, unless your front list is private in PluralKit.`;
}

/** `/announce status`: the server's channel and whether the caller is announced. */
export async function announceStatus(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<string> {
  const guildId = serverOf(interaction);
  const settings = new AnnounceSettings(ctx.settings);
  const [channel, mine] = await Promise.all([
    settings.channel(guildId),
    settings.optedIn.has(interaction.user.id, guildId),
  ]);
  return [
    channel === undefined ? 'This server has no announcement channel.' : `Announcements go to <#${channel}>.`,
    mine
      ? 'Your front changes are announced here (never while your front list is private).'
      : 'Your front changes are not announced here (`/announce me on`).',
  ].join('\n');
}
