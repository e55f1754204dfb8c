import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { onOffOption } from '../src/discord/on-off.js';
import { autocompleteGroups, autocompleteMembers } from '../src/features/entity-choices.js';
import { allowRole, configureServer, mapRole, setOwnSync } from '../src/features/frontsync.js';

/**
 * `/frontsync`: nicknames and roles that follow the front. `server` and `role-allow` need Manage Server
 * (checked on the interaction); `role` and `me` are every member's own, so the command is not hidden from them.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('frontsync')
    .setDescription('Nicknames and roles that follow who is fronting')
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((sub) =>
      sub
        .setName('server')
        .setDescription('Admins: allow nicknames and/or roles that follow the front here (needs Manage Server)')
        .addStringOption(onOffOption('nickname', 'Members may let their nickname follow the front', false))
        .addStringOption(onOffOption('roles', 'Members may let roles follow the front', false)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('role-allow')
        .setDescription('Admins: let a role follow the front (needs Manage Server)')
        .addRoleOption((option) => option.setName('role').setDescription('A role below mine').setRequired(true)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('role')
        .setDescription('Have a role while one of your members (or a member of a group) is fronting')
        .addRoleOption((option) => option.setName('role').setDescription('A role the admins allowed').setRequired(true))
        .addStringOption((option) =>
          option.setName('member').setDescription('Your member (id or name)').setAutocomplete(true),
        )
        .addStringOption((option) =>
          option.setName('group').setDescription('Your group (id or name)').setAutocomplete(true),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('me')
        .setDescription('Let your nickname and/or roles in this server follow your front')
        .addStringOption(onOffOption('nickname', 'Your nickname shows who is fronting', false))
        .addStringOption(onOffOption('roles', 'Your mapped roles follow who is fronting', false)),
    )
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand();
    const run = { server: configureServer, 'role-allow': allowRole, role: mapRole, me: setOwnSync }[sub] ?? setOwnSync;
    await respond.send({ content: await run(interaction, ctx) });
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true).name;
    await (focused === 'group' ? autocompleteGroups(interaction, ctx) : autocompleteMembers(interaction, ctx));
  },
} satisfies Command;
