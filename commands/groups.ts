import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { defineSessions } from '../src/discord/sessions.js';
import { groupListAction, groupListPage, type GroupListState } from '../src/features/group-views.js';
import { storeTarget } from '../src/features/view-target.js';

const sessions = defineSessions<GroupListState>('groups');

/** `/groups [system] [user] [public]`: a paged group list whose select opens group cards. */
export default {
  data: withPublicOption(
    withTargetOptions(new SlashCommandBuilder().setName('groups').setDescription('List the groups of a system')),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const state: GroupListState = { target: storeTarget(target), page: 0 };
    const session = await sessions.create(ctx.sessions, interaction.user.id, state);
    await respond.send(await groupListPage(ctx, interaction.user.id, state, sessions.controls(session)));
  },
  async component({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const answer = await groupListAction(
      ctx,
      interaction.user.id,
      session.state,
      id,
      values,
      sessions.controls(session),
    );
    await ctx.sessions.save(session);
    if (answer !== undefined) await respond.send(answer);
  },
} satisfies Command;
