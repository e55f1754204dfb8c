/** Group endpoints (https://pluralkit.me/api/endpoints/#groups). */
import { badRequest, coded } from '../errors.js';
import type { GroupRecord } from '../records.js';
import type { RouteContext, Router } from '../router.js';
import { groupView, memberView } from '../views.js';
import { isOwner, ownerOf, pathGroup, pathSystem } from './common.js';

/** ASP.NET's nullable bool binding: `true`/`false` in any case, empty = absent, anything else 400. */
function parseWithMembers(ctx: RouteContext): boolean {
  const raw = ctx.query.get('with_members');
  if (raw === null || raw === '') return false;
  const lowered = raw.trim().toLowerCase();
  if (lowered === 'true') return true;
  if (lowered === 'false') return false;
  throw badRequest();
}

/** Registers the group read endpoints. */
export function addGroupRoutes(router: Router): void {
  router.add('GET', '/v2/systems/{system_id}/groups', (ctx) => {
    const withMembers = parseWithMembers(ctx);
    const system = pathSystem(ctx);
    const owner = isOwner(ctx, system);
    if (!owner && system.privacy.group_list_privacy === 'private') throw coded(30002);
    const groups = ctx.state.groupsOf(system).filter((g) => owner || g.privacy.visibility === 'public');
    const memberUuidsOf = (g: GroupRecord): string[] => {
      if (!owner && g.privacy.list_privacy === 'private') return [];
      return ctx.state
        .membersByUuid(g.memberUuids)
        .filter((m) => owner || m.privacy.visibility === 'public')
        .map((m) => m.uuid);
    };
    const body = groups.map((g) => groupView(g, owner, system.id, withMembers ? memberUuidsOf(g) : undefined));
    return { status: 200, body };
  });

  // No visibility check, like members by id.
  router.add('GET', '/v2/groups/{group_id}', (ctx) => {
    const group = pathGroup(ctx);
    const system = ownerOf(ctx.state, group.systemUuid);
    return { status: 200, body: groupView(group, isOwner(ctx, system), system.id) };
  });

  router.add('GET', '/v2/groups/{group_id}/members', (ctx) => {
    const group = pathGroup(ctx);
    const system = ownerOf(ctx.state, group.systemUuid);
    const owner = isOwner(ctx, system);
    if (!owner && group.privacy.list_privacy === 'private') throw coded(30003);
    const members = ctx.state
      .membersByUuid(group.memberUuids)
      .filter((m) => owner || m.privacy.visibility === 'public');
    return { status: 200, body: members.map((m) => memberView(m, owner, system.id)) };
  });
}
