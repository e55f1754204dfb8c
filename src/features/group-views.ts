import type { CommandContext } from '../discord/command.js';
import type { CustomId } from '../discord/custom-id.js';
import { UserFacingError } from '../errors.js';
import { isPluralKitAPIError, PluralKitErrorCode, type CallOptions, type Group } from '../pluralkit/index.js';
import { renderGroup, renderGroupList } from '../render/groups.js';
import { sortMembers } from '../render/members.js';
import { type RenderControls, type RenderedMessage } from '../render/message.js';
import { memberName } from '../render/names.js';
import { forTarget, type Target } from '../targets.js';
import { asEntityRef, pickByReference, quoteTyped } from './lookup.js';
import { pagedListAction } from './paged-list.js';
import { idDisplayFor, restoreTarget, unlessPrivate, type StoredTarget } from './view-target.js';

/** A group list between clicks; lives in a session. */
export interface GroupListState {
  readonly target: StoredTarget;
  page: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** One page of a target's groups, by name, with member counts. A private group list is a 30002 message. */
export async function groupListPage(ctx: CommandContext, callerId: string, state: GroupListState, controls: RenderControls): Promise<RenderedMessage> {
  const target = await restoreTarget(ctx.accounts, callerId, state.target);
  return forTarget(ctx.accounts, callerId, target, async (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    const [system, groups, ids] = await Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      ctx.pluralkit.getGroups(ref, { withMembers: true }, o),
      idDisplayFor(ctx, ref, o),
    ]);
    const sorted = [...groups].sort((a, b) => collator.compare(memberName(a), memberName(b)) || (a.id < b.id ? -1 : 1));
    return renderGroupList(sorted, { page: state.page, controls, system, ids });
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
  target: Target,
  typed: string,
  controls?: RenderControls,
): Promise<{ message: RenderedMessage; group: Group }> {
  return forTarget(ctx.accounts, callerId, target, async (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    const [system, group, ids] = await Promise.all([ctx.pluralkit.getSystem(ref, o), findGroup(ctx, ref, o, typed), idDisplayFor(ctx, ref, o)]);
    if (group.system !== undefined && group.system !== system.id) {
      throw new UserFacingError('InAnotherSystem', { what: 'group', ref: quoteTyped(typed), system: group.system });
    }
    const members = await unlessPrivate(ctx.pluralkit.getGroupMembers(group.id, o), PluralKitErrorCode.GroupMemberListPrivate);
    const message = renderGroup(group, { system, members: members && sortMembers(members, 'name'), controls, ids });
    if (members === undefined) message.content = "That system keeps this group's member list private.";
    return { message, group };
  });
}

/** Handles a click on a group list; see {@link pagedListAction}. */
export function groupListAction(
  ctx: CommandContext,
  callerId: string,
  state: GroupListState,
  id: CustomId,
  values: readonly string[],
  controls: RenderControls,
): Promise<RenderedMessage | undefined> {
  return pagedListAction(state, id, values, controls, {
    page: () => groupListPage(ctx, callerId, state, controls),
    open: async (chosen) =>
      (await groupCardView(ctx, callerId, await restoreTarget(ctx.accounts, callerId, state.target), chosen)).message,
  });
}

/** The group `typed` names in system `ref`: in the group list first, then by id (hidden or unlisted groups). */
async function findGroup(ctx: CommandContext, ref: string, o: CallOptions, typed: string): Promise<Group> {
  const groups = await unlessPrivate(ctx.pluralkit.getGroups(ref, {}, o), PluralKitErrorCode.GroupListPrivate);
  const picked = groups === undefined ? undefined : pickByReference(groups, typed);
  if (picked?.kind === 'found') return picked.item;
  if (picked?.kind === 'ambiguous') {
    throw new UserFacingError('AmbiguousGroup', { ref: quoteTyped(typed), ids: picked.items.map((group) => group.id) });
  }
  const id = asEntityRef(typed);
  if (id === undefined) {
    if (groups === undefined) throw new UserFacingError('PrivateListNeedsId', { what: 'group' });
    throw new UserFacingError('GroupNotFound', { ref: quoteTyped(typed) });
  }
  try {
    return await ctx.pluralkit.getGroup(id, o);
  } catch (error) {
    if (isPluralKitAPIError(error, PluralKitErrorCode.GroupNotFound)) throw new UserFacingError('GroupNotFound', { ref: quoteTyped(typed) });
    throw error;
  }
}
