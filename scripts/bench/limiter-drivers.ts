/** The two clients section 1 compares, behind the same {@link WorkloadDriver} calls. */
import { DefaultRateLimiter, PKAPI } from 'pkapi.js';
import { PluralKitClient, type PluralKitClientOptions } from '../../src/pluralkit/index.js';
import type { WorkloadDriver } from './limiter-workload.js';

/** Our client with the token of the workload's system; every call is about `@me`. */
export function ourDriver(client: PluralKitClient, token: string): WorkloadDriver {
  const o = { token, priority: 'interactive' as const };
  return {
    system: () => client.getSystem('@me', o),
    members: () => client.getMembers('@me', o),
    fronters: () => client.getFronters('@me', o),
    member: (id) => client.getMember(id, o),
    switchById: (id) => client.getSwitch('@me', id, o),
    switchPage: (before) => client.getSwitches('@me', { before, limit: 10 }, o),
    createSwitch: (members) => client.createSwitch('@me', { members }, o),
    moveSwitch: (id, to) => client.editSwitchTime('@me', id, to, o),
    deleteSwitch: (id) => client.deleteSwitch('@me', id, o),
  };
}

/** Our client as the bot builds it, apart from the stand-in's URL. */
export function ourClient(baseUrl: string, extra: Partial<PluralKitClientOptions> = {}): PluralKitClient {
  return new PluralKitClient({ baseUrl, ...extra });
}

/**
 * How pkapi.js 7.5.1 is set up for each case. Its limiter is off by default (`NoOpRateLimiter`);
 * `DefaultRateLimiter` has no rate setting at all: it waits `waitTime` (1–3 s by default) after a 429 or
 * after `X-RateLimit-Remaining` reaches 0, and reads `X-RateLimit-Reset` as seconds. The closest a user
 * can come to "the advertised limits" is its wait times:
 * - fixed 2/s (no headers): the defaults, since a 1 s wait is exactly one window of a per-second budget;
 * - GCRA 10/3 (headers): wait one write interval (334 ms, the slower of 1000/10 and 1000/3) instead of 1 s.
 */
export const PkapiLimiterSettings = {
  fixed: {},
  gcra: { initialWaitTime: 334, minWait: 334, increment: 334 },
} as const;

/** pkapi.js with the given limiter settings; `debug: false` or it logs every failed request. */
export function pkapiDriver(
  baseUrl: string,
  token: string,
  limiter: ConstructorParameters<typeof DefaultRateLimiter>[0],
): WorkloadDriver {
  // pkapi.js adds `/v2` itself.
  const api = new PKAPI({
    base_url: baseUrl.replace(/\/v2$/, ''),
    token,
    debug: false,
    rate_limiter: new DefaultRateLimiter(limiter),
  });
  return {
    system: () => api.getSystem({ token }),
    members: () => api.getMembers({ token, system: '@me' }),
    fronters: () => api.getFronters({ token, system: '@me' }),
    member: (member) => api.getMember({ token, member }),
    switchById: (id) => api.getSwitch({ token, system: '@me', switch: id }),
    switchPage: (before) => api.getSwitches({ token, system: '@me', before, limit: 10, raw: true }),
    createSwitch: (members) => api.createSwitch({ token, members }),
    moveSwitch: (id, timestamp) => api.patchSwitchTimestamp({ token, switch: id, timestamp }),
    deleteSwitch: (id) => api.deleteSwitch({ token, switch: id }),
  };
}
