/** System, settings and member-list endpoints (https://pluralkit.me/api/endpoints/#systems). */
import { coded } from '../errors.js';
import type { Router } from '../router.js';
import { groupView, memberView, settingsView, systemView } from '../views.js';
import { isOwner, ownerOf, pathMember, pathSystem } from './common.js';

/** Registers the system and member read endpoints. */
export function addSystemRoutes(router: Router): void {
  router.add('GET', '/v2/systems/{system_id}', (ctx) => {
    const system = pathSystem(ctx);
    return { status: 200, body: systemView(system, isOwner(ctx, system)) };
  });

  // Served by the Rust gateway itself: it never 403s, non-owners get the public subset.
  router.add('GET', '/v2/systems/{system_id}/settings', (ctx) => {
    const system = pathSystem(ctx);
    return { status: 200, body: settingsView(system.settings, isOwner(ctx, system)) };
  });

  router.add('GET', '/v2/systems/{system_id}/members', (ctx) => {
    const system = pathSystem(ctx);
    const owner = isOwner(ctx, system);
    if (!owner && system.privacy.member_list_privacy === 'private') throw coded(30001);
    const members = ctx.state.membersOf(system).filter((m) => owner || m.privacy.visibility === 'public');
    return { status: 200, body: members.map((m) => memberView(m, owner, system.id)) };
  });

  // No visibility check: hidden members are returned by id, with their private fields nulled.
  router.add('GET', '/v2/members/{member_id}', (ctx) => {
    const member = pathMember(ctx);
    const system = ownerOf(ctx.state, member.systemUuid);
    return { status: 200, body: memberView(member, isOwner(ctx, system), system.id) };
  });

  router.add('GET', '/v2/members/{member_id}/groups', (ctx) => {
    const member = pathMember(ctx);
    const system = ownerOf(ctx.state, member.systemUuid);
    const owner = isOwner(ctx, system);
    if (!owner && system.privacy.group_list_privacy === 'private') throw coded(30002);
    const groups = ctx.state
      .groupsOf(system)
      .filter((g) => g.memberUuids.includes(member.uuid) && (owner || g.privacy.visibility === 'public'));
    return { status: 200, body: groups.map((g) => groupView(g, owner, system.id)) };
  });
}
