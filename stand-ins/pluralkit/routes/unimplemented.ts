/**
 * PluralKit routes the stand-in knows but does not implement. They still go through the gateway
 * (ref resolution, UA check, rate limit) and then answer 501, so a client never mistakes them for
 * unknown routes (which PluralKit answers with an empty 404).
 */
import { ApiError } from '../errors.js';
import type { Router } from '../router.js';

const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['PATCH', '/v2/systems/{system_id}'],
  ['PATCH', '/v2/systems/{system_id}/settings'],
  ['GET', '/v2/systems/{system_id}/guilds/{guild_id}'],
  ['PATCH', '/v2/systems/{system_id}/guilds/{guild_id}'],
  ['GET', '/v2/systems/{system_id}/autoproxy'],
  ['PATCH', '/v2/systems/{system_id}/autoproxy'],
  ['GET', '/v2/systems/{system_id}/oembed.json'],
  ['POST', '/v2/members'],
  ['PATCH', '/v2/members/{member_id}'],
  ['DELETE', '/v2/members/{member_id}'],
  ['POST', '/v2/members/{member_id}/groups/add'],
  ['POST', '/v2/members/{member_id}/groups/remove'],
  ['POST', '/v2/members/{member_id}/groups/overwrite'],
  ['GET', '/v2/members/{member_id}/guilds/{guild_id}'],
  ['PATCH', '/v2/members/{member_id}/guilds/{guild_id}'],
  ['GET', '/v2/members/{member_id}/oembed.json'],
  ['POST', '/v2/groups'],
  ['PATCH', '/v2/groups/{group_id}'],
  ['DELETE', '/v2/groups/{group_id}'],
  ['POST', '/v2/groups/{group_id}/members/add'],
  ['POST', '/v2/groups/{group_id}/members/remove'],
  ['POST', '/v2/groups/{group_id}/members/overwrite'],
  ['GET', '/v2/groups/{group_id}/oembed.json'],
];

/** Registers the known-but-unimplemented routes. */
export function addUnimplementedRoutes(router: Router): void {
  for (const [method, template] of ROUTES) {
    router.add(method, template, () => {
      throw new ApiError(501, { message: `The PluralKit stand-in does not implement ${method} ${template}`, code: 0 });
    });
  }
}
