import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { UserFacingError } from '../src/errors.js';
import { targetFromOptions, visibilityFromPublicOption, withPublicOption, withTargetOptions } from '../src/discord/options.js';
import { memberListAction, memberListPage, type MemberListState } from '../src/features/member-list.js';
import { sessionControls, storeTarget } from '../src/features/view-target.js';

const data = withTargetOptions(new SlashCommandBuilder().setName('members').setDescription('List the members of a system'));
data.addStringOption((option) => option.setName('search').setDescription('Only members whose name or id contains this').setMaxLength(100));
data.addStringOption((option) =>
  option
    .setName('sort')
    .setDescription('Order of the list (default: name)')
    .addChoices({ name: 'Name', value: 'name' }, { name: 'Last fronted', value: 'last-fronted' }),
);

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
    const session = ctx.sessions.create(interaction.user.id, state);
    await respond.send(await memberListPage(ctx, interaction.user.id, state, sessionControls('members', session.id)));
  },
  async component({ interaction, respond, ctx, id, session }) {
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const state = session?.state as MemberListState | undefined;
    const answer = session && state && (await memberListAction(ctx, interaction.user.id, state, id, values, sessionControls('members', session.id)));
    if (answer === undefined) throw new UserFacingError('MenuExpired', { command: 'members' });
    await respond.send(answer);
  },
} satisfies Command;
