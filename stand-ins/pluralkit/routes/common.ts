/** Helpers shared by the route handlers. */
import type { FrontSwitch } from '../../../src/pluralkit/schemas.js';
import { ApiError, badRequest, missingPermissions } from '../errors.js';
import type { GroupRecord, MemberRecord, SwitchRecord, SystemRecord } from '../records.js';
import type { RouteContext } from '../router.js';
import type { StandInState } from '../state.js';
import { formatInstant, memberView } from '../views.js';

/** Whether the caller is authenticated as `system`. */
export function isOwner(ctx: RouteContext, system: SystemRecord): boolean {
  return ctx.caller !== null && ctx.caller.uuid === system.uuid;
}

/** Throws 403/0 unless the caller owns the system in the path (switch writes, owner-only reads). */
export function requireOwner(ctx: RouteContext, system: SystemRecord): void {
  if (!isOwner(ctx, system)) throw missingPermissions();
}

/** The resolved entity the route is guaranteed to have (the gateway resolved it). */
export function pathSystem(ctx: RouteContext): SystemRecord {
  return defined(ctx.refs.system, 'system');
}
/** @see pathSystem */
export function pathMember(ctx: RouteContext): MemberRecord {
  return defined(ctx.refs.member, 'member');
}
/** @see pathSystem */
export function pathGroup(ctx: RouteContext): GroupRecord {
  return defined(ctx.refs.group, 'group');
}
/** @see pathSystem */
export function pathSwitch(ctx: RouteContext): SwitchRecord {
  return defined(ctx.refs.switch, 'switch');
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ApiError(500, { message: `stand-in route without a ${what}`, code: 0 });
  return value;
}

/** The system owning an entity (always exists in the stand-in). */
export function ownerOf(state: StandInState, systemUuid: string): SystemRecord {
  return defined(state.systems.get(systemUuid), 'system');
}

/** `{id, timestamp, members: [Member]}` with full members in switch order (hidden ones included, nulled). */
export function frontSwitchView(state: StandInState, sw: SwitchRecord, owner: boolean, systemHid: string): FrontSwitch {
  return {
    id: sw.id,
    timestamp: formatInstant(sw.timestamp),
    members: state.membersByUuid(sw.memberUuids).map((m) => memberView(m, owner, systemHid)),
  };
}

/** The current time at microsecond precision, like Postgres `now()`. */
export function preciseNowMs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

const EXTENDED_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** NodaTime ExtendedIso (trailing `Z` required) → epoch ms with microseconds; throws 400/0 otherwise. */
export function parseExtendedIso(text: string): number {
  const m = EXTENDED_ISO.exec(text);
  if (m === null) throw badRequest();
  const [, y, mo, d, h, mi, s, frac = ''] = m.map((part) => part ?? '');
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (Number.isNaN(ms) || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h)) throw badRequest();
  const micros = Math.floor(Number(`0.${frac || '0'}`) * 1e6 + 1e-6);
  return ms + micros / 1000;
}

const LENIENT_ISO = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * .NET `DateTime.Parse(...).ToUniversalTime()` as used by PATCH switch: ISO with or without an offset
 * (no offset = UTC, the server's zone), or anything `Date.parse` understands. Throws 400/0 when unparseable.
 */
export function parseLenientInstant(text: string): number {
  const m = LENIENT_ISO.exec(text.trim());
  if (m !== null) {
    const local = (m[1] ?? '').replace(' ', 'T');
    const zone = (m[2] ?? 'Z').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const fraction = /\.(\d+)/.exec(local)?.[1] ?? '';
    const whole = Date.parse(`${local.replace(/\.\d+/, '')}${zone}`);
    if (!Number.isNaN(whole)) return whole + Math.floor(Number(`0.${fraction || '0'}`) * 1e6 + 1e-6) / 1000;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw badRequest();
  return parsed;
}
