import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { targetFromOptions, visibilityFromPublicOption, withLookupOptions, withPublicOption } from '../src/discord/options.js';
import { UserFacingError } from '../src/errors.js';
import { autocompleteGroups } from '../src/features/group-choices.js';
import { groupCardView } from '../src/features/group-views.js';
import { memberListAction, memberListPage, type MemberListState } from '../src/features/member-list.js';
import { withContent } from '../src/features/paged-list.js';
import { sessionControls, storeTarget } from '../src/features/view-target.js';
import { ControlAction } from '../src/render/message.js';

const data = withLookupOptions(new SlashCommandBuilder().setName('group').setDescription("A group's card and its members"), 'group');

/** `/group <group> [system] [public]`: a group's card; "All members" pages through a long member list. */
export default {
  data: withPublicOption(data).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    // The session is filled in once the group is known; it backs the "All members" button.
    const session = ctx.sessions.create<MemberListState | undefined>(interaction.user.id, undefined);
    const controls = sessionControls('group', session.id);
    const { message, group } = await groupCardView(ctx, interaction.user.id, target, interaction.options.getString('group', true), controls);
    session.state = { target: storeTarget(target), source: { kind: 'group', groupId: group.id }, sort: 'name', page: 0 };
    await respond.send(message);
  },
  async component({ interaction, respond, ctx, id, session }) {
    const state = session?.state as MemberListState | undefined;
    if (session === undefined || state === undefined) throw new UserFacingError('MenuExpired', { command: 'group' });
    const controls = sessionControls('group', session.id);
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const answer =
      id.action === ControlAction.GroupMembers
        ? withContent(await memberListPage(ctx, interaction.user.id, state, controls))
        : await memberListAction(ctx, interaction.user.id, state, id, values, controls);
    if (answer === undefined) throw new UserFacingError('MenuExpired', { command: 'group' });
    await respond.send(answer);
  },
  autocomplete: autocompleteGroups,
} satisfies Command;
