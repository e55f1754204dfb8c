import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { defineSessions } from '../src/discord/sessions.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { memberListAction, memberListPage, type MemberListState } from '../src/features/member-list.js';
import { storeTarget } from '../src/features/view-target.js';

const data = withTargetOptions(
  new SlashCommandBuilder().setName('members').setDescription('List the members of a system'),
);
data.addStringOption((option) =>
  option.setName('search').setDescription('Only members whose name or id contains this').setMaxLength(100),
);
data.addStringOption((option) =>
  option
    .setName('sort')
    .setDescription('Order of the list (default: name)')
    .addChoices({ name: 'Name', value: 'name' }, { name: 'Last fronted', value: 'last-fronted' }),
);

const sessions = defineSessions<MemberListState>('members');

/** `/members [system] [user] [search] [sort] [public]`: a paged member list whose select opens cards. */
export default {
  data: withPublicOption(data).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const state: MemberListState = {
      target: storeTarget(target),
      source: { kind: 'system' },
      search: interaction.options.getString('search') ?? undefined,
      sort: interaction.options.getString('sort') === 'last-fronted' ? 'last-fronted' : 'name',
      page: 0,
    };
    const session = await sessions.create(ctx.sessions, interaction.user.id, state);
    await respond.send(await memberListPage(ctx, interaction.user.id, state, sessions.controls(session)));
  },
  async component({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const answer = await memberListAction(
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
