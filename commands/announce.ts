import { ApplicationIntegrationType, ChannelType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { onOffOption, readOnOff } from '../src/discord/on-off.js';
import { announceStatus, setAnnounceChannel, setOwnAnnouncements, stopAnnouncing } from '../src/features/announce.js';

/**
 * `/announce`: front changes posted in a server channel. `channel` and `off` need Manage Server (checked on
 * the interaction); `me` and `status` are for every member, so the command itself is not hidden from them.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('announce')
    .setDescription('Post front changes in a channel of this server')
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((sub) =>
      sub
        .setName('channel')
        .setDescription('Admins: the channel front changes are posted in (needs Manage Server)')
        .addChannelOption((option) =>
          option
            .setName('channel')
            .setDescription('A text channel I can post in')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((sub) => sub.setName('off').setDescription('Admins: stop posting front changes in this server'))
    .addSubcommand((sub) =>
      sub
        .setName('me')
        .setDescription('Announce your own front changes in this server, or stop')
        .addStringOption(onOffOption('state', 'on or off')),
    )
    .addSubcommand((sub) => sub.setName('status').setDescription('Where this server announces, and whether you are'))
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand();
    const answer =
      sub === 'channel'
        ? await setAnnounceChannel(interaction, ctx)
        : sub === 'off'
          ? await stopAnnouncing(interaction, ctx)
          : sub === 'me'
            ? await setOwnAnnouncements(interaction, ctx, readOnOff(interaction, 'state') === true)
            : await announceStatus(interaction, ctx);
    await respond.send({ content: answer });
  },
} satisfies Command;
