/** Switch and fronter reads (https://pluralkit.me/api/endpoints/#switches). */
import type { Switch } from '../../../src/pluralkit/schemas.js';
import { badRequest, coded, internalError } from '../errors.js';
import type { RouteContext, Router } from '../router.js';
import { SwitchMemberOrder } from '../switch-member-order.js';
import { formatInstant } from '../views.js';
import { frontSwitchView, isOwner, parseExtendedIso, pathSwitch, pathSystem, preciseNowMs } from './common.js';

const INT32_MAX = 2_147_483_647;

/** `?before=&limit=` as ASP.NET binds them: bad values are 400 before the handler runs. */
function parsePaging(ctx: RouteContext): { before: number; limit: number } {
  const beforeRaw = ctx.query.get('before');
  const limitRaw = ctx.query.get('limit');
  const before = beforeRaw === null || beforeRaw === '' ? preciseNowMs() : parseExtendedIso(beforeRaw);
  let limit = 100;
  if (limitRaw !== null && limitRaw !== '') {
    if (!/^[+-]?\d+$/.test(limitRaw.trim())) throw badRequest();
    const parsed = Number(limitRaw.trim());
    if (Math.abs(parsed) > INT32_MAX) throw badRequest();
    limit = Math.min(parsed, 100);
  }
  return { before, limit };
}

/** Registers the switch and fronter read endpoints; `order` decides how the switch list orders members. */
export function addSwitchReadRoutes(router: Router, order: SwitchMemberOrder = new SwitchMemberOrder()): void {
  router.add('GET', '/v2/systems/{system_id}/fronters', (ctx) => {
    const system = pathSystem(ctx);
    const owner = isOwner(ctx, system);
    if (!owner && system.privacy.front_privacy === 'private') throw coded(30004);
    const latest = ctx.state.timeline(system).latest();
    if (latest === undefined) return { status: 204 };
    return { status: 200, body: frontSwitchView(ctx.state, latest, owner, system.id) };
  });

  // Members are SHORT IDS here, hidden members included, in no fixed order; `before` is exclusive.
  router.add('GET', '/v2/systems/{system_id}/switches', (ctx) => {
    const { before, limit } = parsePaging(ctx);
    const system = pathSystem(ctx);
    if (!isOwner(ctx, system) && system.privacy.front_history_privacy === 'private') throw coded(30005);
    if (limit < 0) throw internalError(); // reaches SQL as LIMIT -n
    const read = order.nextRead();
    const body: Switch[] = ctx.state
      .timeline(system)
      .before(before, limit)
      .map((sw) => ({
        id: sw.id,
        timestamp: formatInstant(sw.timestamp),
        members: order.order(
          ctx.state.membersByUuid(sw.memberUuids).map((m) => m.id),
          sw.id,
          read,
        ),
      }));
    return { status: 200, body };
  });

  router.add('GET', '/v2/systems/{system_id}/switches/{switch_id}', (ctx) => {
    const system = pathSystem(ctx);
    const sw = pathSwitch(ctx);
    const owner = isOwner(ctx, system);
    if (sw.systemUuid !== system.uuid) throw coded(20008);
    if (!owner && system.privacy.front_history_privacy === 'private') throw coded(20008);
    return { status: 200, body: frontSwitchView(ctx.state, sw, owner, system.id) };
  });
}
