import type { CommandContext } from '../discord/command.js';
import { lastFrontedTimes, type LastFronted } from '../front/last-fronted.js';
import { MaxSwitchPageSize, PluralKitErrorCode } from '../pluralkit/index.js';
import { renderMemberList, sortMembers, type MemberSort } from '../render/members.js';
import type { RenderControls, RenderedMessage } from '../render/message.js';
import { memberName } from '../render/names.js';
import { orOnCode } from './fallback.js';
import { matchByText } from './lookup.js';
import { memberCardView } from './member-card.js';
import { pagedList } from './paged-list.js';
import { withKeyViewNote } from './key-view-note.js';
import { idDisplayFor, readTarget, type StoredTarget, type TargetView } from './view-target.js';

/** Whose members a list shows: a whole system, or one group of it. */
export type MemberSource = { readonly kind: 'system' } | { readonly kind: 'group'; readonly groupId: string };

/** Everything a member list needs between clicks; lives in a session. */
export interface MemberListState {
  readonly target: StoredTarget;
  readonly source: MemberSource;
  readonly search?: string | undefined;
  readonly sort: MemberSort;
  /** The page shown (0-based), so "Back to list" returns to it. */
  page: number;
}

/**
 * One page of a member list. Every click reads the list through the client, whose cache answers page
 * turns without going upstream; sorting a few thousand members takes milliseconds.
 * A "last fronted" sort uses the newest page of switches; when the front history is private the list
 * is sorted by name and says why.
 */
export async function memberListPage(
  ctx: CommandContext,
  callerId: string,
  state: MemberListState,
  controls: RenderControls,
): Promise<RenderedMessage> {
  return readTarget(ctx, callerId, state.target, async (view) => {
    const { ref, o } = view;
    const wantsLastFronted = state.sort === 'last-fronted';
    const [system, members, lastFronted, groupName, ids] = await Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      state.source.kind === 'group'
        ? ctx.pluralkit.getGroupMembers(state.source.groupId, o)
        : ctx.pluralkit.getMembers(ref, o),
      wantsLastFronted ? lastFrontedMap(ctx, view) : Promise.resolve(undefined),
      state.source.kind === 'group'
        ? ctx.pluralkit.getGroup(state.source.groupId, o).then(memberName)
        : Promise.resolve(undefined),
      idDisplayFor(ctx, view),
    ]);
    const shown = sortMembers(
      matchByText(members, state.search),
      lastFronted === undefined ? 'name' : state.sort,
      lastFronted,
    );
    const page = renderMemberList(shown, {
      page: state.page,
      controls,
      system,
      search: state.search,
      lastFronted,
      ids,
      ...(groupName !== undefined && { title: `Members of ${groupName}` }),
    });
    if (wantsLastFronted && lastFronted === undefined)
      page.content = 'Sorted by name: that system keeps its front history private.';
    return withKeyViewNote(page, view.keyNote('members'));
  });
}

/** Handles a click on a member list: paging, or a member card opened from its select. */
export const memberListAction = pagedList<MemberListState>(memberListPage, (ctx, callerId, state, chosen) =>
  memberCardView(ctx, callerId, state.target, chosen),
);

async function lastFrontedMap(
  ctx: CommandContext,
  { ref, o }: TargetView,
): Promise<Map<string, LastFronted> | undefined> {
  const recent = ctx.pluralkit.getSwitches(ref, { limit: MaxSwitchPageSize }, o);
  const switches = await orOnCode(recent, PluralKitErrorCode.FrontHistoryPrivate, undefined);
  return switches === undefined ? undefined : lastFrontedTimes(switches);
}
