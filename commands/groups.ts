import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { targetFromOptions, visibilityFromPublicOption, withPublicOption, withTargetOptions } from '../src/discord/options.js';
import { UserFacingError } from '../src/errors.js';
import { groupListAction, groupListPage, type GroupListState } from '../src/features/group-views.js';
import { sessionControls, storeTarget } from '../src/features/view-target.js';

/** `/groups [system] [user] [public]`: a paged group list whose select opens group cards. */
export default {
  data: withPublicOption(
    withTargetOptions(new SlashCommandBuilder().setName('groups').setDescription('List the groups of a system')),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const state: GroupListState = { target: storeTarget(target), page: 0 };
    const session = ctx.sessions.create(interaction.user.id, state);
    await respond.send(await groupListPage(ctx, interaction.user.id, state, sessionControls('groups', session.id)));
  },
  async component({ interaction, respond, ctx, id, session }) {
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const state = session?.state as GroupListState | undefined;
    const answer = session && state && (await groupListAction(ctx, interaction.user.id, state, id, values, sessionControls('groups', session.id)));
    if (answer === undefined) throw new UserFacingError('MenuExpired', { command: 'groups' });
    await respond.send(answer);
  },
} satisfies Command;
