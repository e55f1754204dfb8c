import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { PluralKitErrorCode, type Group } from '../pluralkit/index.js';
import { renderGroup, renderGroupList } from '../render/groups.js';
import { type RenderControls, type RenderedMessage } from '../render/message.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { findInSystem, quoteTyped, sortByName } from './lookup.js';
import { pagedList } from './paged-list.js';
import { withKeyViewNote } from './key-view-note.js';
import { idDisplayFor, readTarget, type StoredTarget } from './view-target.js';

/** A group list between clicks; lives in a session. */
export interface GroupListState {
  readonly target: StoredTarget;
  page: number;
}

/** One page of a target's groups, by name, with member counts. A private group list is a 30002 message. */
export async function groupListPage(
  ctx: CommandContext,
  callerId: string,
  state: GroupListState,
  controls: RenderControls,
): Promise<RenderedMessage> {
  return readTarget(ctx, callerId, state.target, async (view) => {
    const [system, groups, ids] = await Promise.all([
      ctx.pluralkit.getSystem(view.ref, view.o),
      ctx.pluralkit.getGroups(view.ref, { withMembers: true }, view.o),
      idDisplayFor(ctx, view),
    ]);
    return withKeyViewNote(
      renderGroupList(sortByName(groups), { page: state.page, controls, system, ids }),
      view.keyNote('groups'),
    );
  });
}

/**
 * The group card for what the user typed (id, UUID or exact name) in the target system, with the
 * members the caller may see; a private member list is said in the message instead.
 * @throws {UserFacingError} `GroupNotFound`, `AmbiguousGroup`, `PrivateListNeedsId`
 */
export async function groupCardView(
  ctx: CommandContext,
  callerId: string,
  target: Target | StoredTarget,
  typed: string,
  controls?: RenderControls,
): Promise<{ message: RenderedMessage; group: Group }> {
  return readTarget(ctx, callerId, target, async ({ ref, o, keyNote }) => {
    const groups = {
      kind: 'group',
      list: orOnCode(ctx.pluralkit.getGroups(ref, {}, o), PluralKitErrorCode.GroupListPrivate, undefined),
      byId: (id: string) => ctx.pluralkit.getGroup(id, o),
    } as const;
    const [system, group, ids] = await Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      findInSystem(groups, typed),
      idDisplayFor(ctx, { ref, o }),
    ]);
    if (group.system !== undefined && group.system !== system.id) {
      throw new UserFacingError('InAnotherSystem', { what: 'group', ref: quoteTyped(typed), system: group.system });
    }
    const members = await orOnCode(
      ctx.pluralkit.getGroupMembers(group.id, o),
      PluralKitErrorCode.GroupMemberListPrivate,
      undefined,
    );
    const message = renderGroup(group, { system, members: members && sortByName(members), controls, ids });
    if (members === undefined) message.content = "That system keeps this group's member list private.";
    return { message: withKeyViewNote(message, keyNote('groups')), group };
  });
}

/** Handles a click on a group list: paging, or a group card opened from its select. */
export const groupListAction = pagedList<GroupListState>(
  groupListPage,
  async (ctx, callerId, state, chosen) => (await groupCardView(ctx, callerId, state.target, chosen)).message,
);
