/**
 * The Rust gateway layer in front of PluralKit's backend: auth, path-id resolution and the
 * version/route/User-Agent checks, in the order production runs them (PluralKit's Rust API gateway, https://github.com/PluralKit/PluralKit/tree/main/crates/api/src).
 */
import { ApiError, coded, emptyAnswer, internalError, unauthorized } from './errors.js';
import type { SystemRecord } from './records.js';
import type { ResolvedRefs, RouteMatch } from './router.js';
import { scopesOfKey, type ApiKeyMode } from './key-scopes.js';
import type { StandInState } from './state.js';

/** How the request presented credentials (never the credential itself). */
export type AuthKind = 'none' | 'legacy' | 'bearer';

/** Who is calling. */
export interface Caller {
  kind: AuthKind;
  system: SystemRecord | null;
  /** The scopes of the `pkapi:` key that authenticated (branch mode only); `undefined` for a legacy token. */
  scopes?: readonly string[];
}

const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
const I64 = /^[+-]?\d{1,19}$/;

/**
 * Anything is compared verbatim with the legacy tokens (so `Bearer <legacy>` is anonymous). In `'branch'` mode,
 * `Bearer pkapi:...` is first looked up among issued keys; in `'production'` mode a key is anonymous, as on
 * PluralKit's `main`. An unknown token is simply anonymous.
 */
export function authenticate(header: string | undefined, state: StandInState, keys: ApiKeyMode = 'production'): Caller {
  if (header === undefined) return { kind: 'none', system: null };
  const kind: AuthKind = header.startsWith('Bearer ') ? 'bearer' : 'legacy';
  const key = kind === 'bearer' && keys === 'branch' ? header.slice(7) : undefined;
  const byKey = key === undefined ? undefined : state.systemByApiKey(key);
  if (key !== undefined && byKey !== undefined) return { kind, system: byKey, scopes: scopesOfKey(key) };
  return { kind, system: state.systemByToken(header) ?? null };
}

/** The gateway's short-id normalisation: 5–7 characters are lowercased and stripped of dashes. */
export function normaliseRef(ref: string): string {
  return ref.length >= 5 && ref.length <= 7 ? ref.toLowerCase().replaceAll('-', '') : ref;
}

/** Canonical lowercase hyphenated form of a UUID accepted by {@link UUID}. */
function canonicalUuid(ref: string): string {
  const hex = ref.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Resolves the ids in the path: unknown → 404 20001/20002/20004/20007, `@me` without auth → 401,
 * a switch id that is not a UUID → 500 (Postgres fails to cast it).
 */
export function resolveRefs(params: ReadonlyMap<string, string>, state: StandInState, caller: Caller): ResolvedRefs {
  const refs: ResolvedRefs = {};
  for (const [key, raw] of params) {
    const ref = normaliseRef(raw);
    if (key === 'system_id') {
      const system = resolveSystem(ref, state, caller);
      refs.system = system;
      refs.aboutSystemUuid = system.uuid;
    } else if (key === 'member_id') {
      const member = UUID.test(ref) ? state.members.get(canonicalUuid(ref)) : state.memberByHid(ref);
      if (member === undefined) throw coded(20002);
      refs.member = member;
      refs.aboutSystemUuid = member.systemUuid;
    } else if (key === 'group_id') {
      const group = UUID.test(ref) ? state.groups.get(canonicalUuid(ref)) : state.groupByHid(ref);
      if (group === undefined) throw coded(20004);
      refs.group = group;
      refs.aboutSystemUuid = group.systemUuid;
    } else if (key === 'switch_id') {
      if (!UUID.test(ref)) throw internalError();
      const sw = state.switches.get(canonicalUuid(ref));
      if (sw === undefined) throw coded(20007);
      refs.switch = sw;
      refs.aboutSystemUuid = sw.systemUuid;
    }
  }
  return refs;
}

function resolveSystem(ref: string, state: StandInState, caller: Caller): SystemRecord {
  if (ref === '@me') {
    if (caller.system === null) throw unauthorized();
    return caller.system;
  }
  let system: SystemRecord | undefined;
  if (UUID.test(ref)) system = state.systems.get(canonicalUuid(ref));
  else if (I64.test(ref)) system = state.systemByAccount(BigInt(ref).toString());
  else system = state.systemByHid(ref);
  if (system === undefined) throw coded(20001);
  return system;
}

const V1_ON_V2 = ['/v2/s/', '/v2/m/', '/v2/a/', '/v2/msg/'];

/** `ignore_invalid_routes`: API version, unknown route (empty 404), then a missing User-Agent (empty 400). */
export function checkRoute(pathname: string, match: RouteMatch | null, hasUserAgent: boolean): void {
  if (pathname.startsWith('/v1')) throw new ApiError(410, '{"message":"Unsupported API version","code":0}');
  if (V1_ON_V2.some((prefix) => pathname.startsWith(prefix)) || pathname === '/v2/s' || pathname === '/v2/m') {
    throw new ApiError(400, '{"message":"Invalid path for API version","code":0}');
  }
  if (!pathname.startsWith('/v2') && !pathname.startsWith('/private') && !pathname.startsWith('/internal')) {
    throw new ApiError(400, '{"message":"Unsupported API version","code":0}');
  }
  if (match === null) throw emptyAnswer(404);
  if (!hasUserAgent) throw emptyAnswer(400);
}
