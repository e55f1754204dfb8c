import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withLookupOptions,
  withPublicOption,
} from '../src/discord/options.js';
import { UserFacingError } from '../src/errors.js';
import { defineSessions } from '../src/discord/sessions.js';
import { autocompleteGroups } from '../src/features/entity-choices.js';
import { groupCardView } from '../src/features/group-views.js';
import { memberListAction, memberListPage, type MemberListState } from '../src/features/member-list.js';
import { withContent } from '../src/features/paged-list.js';
import { storeTarget } from '../src/features/view-target.js';
import { ControlAction } from '../src/render/message.js';

const data = withLookupOptions(
  new SlashCommandBuilder().setName('group').setDescription("A group's card and its members"),
  'group',
);

/** Filled in once the group is known; it backs the "All members" button. */
const sessions = defineSessions<MemberListState | undefined>('group');

/** `/group <group> [system] [public]`: a group's card; "All members" pages through a long member list. */
export default {
  data: withPublicOption(data).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const session = await sessions.create(ctx.sessions, interaction.user.id, undefined);
    const controls = sessions.controls(session);
    const { message, group } = await groupCardView(
      ctx,
      interaction.user.id,
      target,
      interaction.options.getString('group', true),
      controls,
    );
    session.state = {
      target: storeTarget(target),
      source: { kind: 'group', groupId: group.id },
      sort: 'name',
      page: 0,
    };
    await ctx.sessions.save(session);
    await respond.send(message);
  },
  async component({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const { state } = session;
    // The card failed before its group was known: nothing behind these buttons any more.
    if (state === undefined) throw new UserFacingError('MenuExpired', { command: 'group' });
    const controls = sessions.controls(session);
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const answer =
      id.action === ControlAction.GroupMembers
        ? withContent(await memberListPage(ctx, interaction.user.id, state, controls))
        : await memberListAction(ctx, interaction.user.id, state, id, values, controls);
    await ctx.sessions.save(session);
    if (answer !== undefined) await respond.send(answer);
  },
  autocomplete: autocompleteGroups,
} satisfies Command;
