/** Switch writes (https://pluralkit.me/api/endpoints/#switches; check order from https://github.com/PluralKit/PluralKit/blob/main/PluralKit.API/Controllers/v2/SwitchControllerV2.cs), with the backend's check order. */
import { ApiError, badRequest, coded, internalError, memberRefNotFound, memberRefNotOwn } from '../errors.js';
import { normaliseRef } from '../gateway.js';
import type { MemberRecord, SwitchRecord, SystemRecord } from '../records.js';
import type { RouteContext, Router } from '../router.js';
import type { StandInState } from '../state.js';
import { formatInstant } from '../views.js';
import {
  frontSwitchView,
  parseExtendedIso,
  parseLenientInstant,
  pathSwitch,
  pathSystem,
  preciseNowMs,
  requireOwner,
} from './common.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasDuplicates(refs: readonly string[]): boolean {
  return new Set(refs).size !== refs.length;
}

function sameMembers(state: StandInState, sw: SwitchRecord, members: readonly MemberRecord[]): boolean {
  const current = state.membersByUuid(sw.memberUuids).map((m) => m.id);
  return current.length === members.length && current.every((hid, i) => hid === members[i]?.id);
}

/** A `string[]` body part, else 400 (model binding). */
function stringList(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((ref) => typeof ref !== 'string')) throw badRequest();
  return value as string[];
}

/** POST bodies match refs by string equality against the caller's own members (exact hid or UUID). */
function resolveBodyRefExact(state: StandInState, system: SystemRecord, ref: string): MemberRecord {
  const member = state.membersOf(system).find((m) => m.id === ref || m.uuid === ref);
  if (member === undefined) throw memberRefNotFound(ref);
  return member;
}

/** PATCH .../members does a full lookup: any short-id form or UUID; another system's member is 30008. */
function resolveBodyRefFull(state: StandInState, system: SystemRecord, ref: string): MemberRecord {
  const normalised = normaliseRef(ref).toLowerCase();
  const member = state.members.get(normalised) ?? state.memberByHid(normalised);
  if (member === undefined) throw memberRefNotFound(ref);
  if (member.systemUuid !== system.uuid) throw memberRefNotOwn(ref);
  return member;
}

function createSwitch(ctx: RouteContext): { status: number; body: unknown } {
  const body = ctx.json();
  if (!isRecord(body)) throw badRequest();
  const timestampRaw = body.timestamp ?? null;
  if (timestampRaw !== null && typeof timestampRaw !== 'string') throw badRequest();
  const timestamp = timestampRaw === null ? null : parseExtendedIso(timestampRaw);
  const refs = body.members === undefined || body.members === null ? null : stringList(body.members);
  const system = pathSystem(ctx);
  requireOwner(ctx, system);
  if (refs === null) throw internalError(); // data.Members.Distinct() on null
  if (hasDuplicates(refs)) throw coded(40003);
  const timeline = ctx.state.timeline(system);
  if (timestamp !== null && timeline.hasTimestamp(timestamp)) throw coded(40005);
  const members = refs.map((ref) => resolveBodyRefExact(ctx.state, system, ref));
  const latest = timeline.latest();
  const comparesWithLatest = latest !== undefined && (timestamp === null || timestamp > latest.timestamp);
  if (comparesWithLatest && sameMembers(ctx.state, latest, members)) throw coded(40004);
  const sw = ctx.state.addSwitch(
    system,
    members.map((m) => m.uuid),
    timestamp ?? preciseNowMs(),
  );
  // Upstream inserts at now(), dispatches that, then moves the switch and dispatches the move.
  const inserted = timestamp === null ? sw.timestamp : preciseNowMs();
  ctx.state.announce(system.uuid, 'CREATE_SWITCH', sw.id, {
    id: sw.id,
    timestamp: formatInstant(inserted),
    members: [...sw.memberUuids],
  });
  if (timestamp !== null)
    ctx.state.announce(system.uuid, 'UPDATE_SWITCH', sw.id, { timestamp: formatInstant(sw.timestamp) });
  return { status: 200, body: frontSwitchView(ctx.state, sw, true, system.id) };
}

function moveSwitch(ctx: RouteContext): { status: number; body: unknown } {
  const body = ctx.json();
  if (!isRecord(body)) throw badRequest();
  const system = pathSystem(ctx);
  requireOwner(ctx, system);
  const raw = body.timestamp;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') throw badRequest();
  if (raw === undefined || raw === null || raw.trim() === '') {
    throw new ApiError(400, {
      message: 'Error parsing JSON model',
      code: 40001,
      errors: { timestamp: [{ message: "Key 'timestamp' is required." }] },
    });
  }
  const timestamp = parseLenientInstant(raw);
  const sw = pathSwitch(ctx);
  if (sw.systemUuid !== system.uuid) throw coded(20008);
  if (ctx.state.timeline(system).hasTimestamp(timestamp)) throw coded(40005);
  ctx.state.moveSwitch(sw, timestamp);
  ctx.state.announce(system.uuid, 'UPDATE_SWITCH', sw.id, { timestamp: formatInstant(sw.timestamp) });
  return { status: 200, body: frontSwitchView(ctx.state, sw, true, system.id) };
}

function editSwitchMembers(ctx: RouteContext): { status: number; body: unknown } {
  const body = ctx.json();
  if (!Array.isArray(body)) throw badRequest();
  const system = pathSystem(ctx);
  requireOwner(ctx, system);
  const refs = stringList(body);
  if (hasDuplicates(refs)) throw coded(40003);
  const sw = pathSwitch(ctx);
  // Upstream never checks that the switch is this system's; the stand-in refuses like the other switch routes.
  if (sw.systemUuid !== system.uuid) throw coded(20008);
  const members = refs.map((ref) => resolveBodyRefFull(ctx.state, system, ref));
  if (sameMembers(ctx.state, sw, members)) throw coded(40004);
  sw.memberUuids = members.map((m) => m.uuid);
  ctx.state.announce(system.uuid, 'UPDATE_SWITCH', sw.id, { members: [...sw.memberUuids] });
  return { status: 200, body: frontSwitchView(ctx.state, sw, true, system.id) };
}

/** Registers POST/PATCH/DELETE of switches. */
export function addSwitchWriteRoutes(router: Router): void {
  router.add('POST', '/v2/systems/{system_id}/switches', createSwitch);
  router.add('PATCH', '/v2/systems/{system_id}/switches/{switch_id}', moveSwitch);
  router.add('PATCH', '/v2/systems/{system_id}/switches/{switch_id}/members', editSwitchMembers);
  router.add('DELETE', '/v2/systems/{system_id}/switches/{switch_id}', (ctx) => {
    const system = pathSystem(ctx);
    requireOwner(ctx, system);
    const sw = pathSwitch(ctx);
    if (sw.systemUuid !== system.uuid) throw coded(20008);
    ctx.state.deleteSwitch(sw);
    ctx.state.announce(system.uuid, 'DELETE_SWITCH', sw.id);
    return { status: 204 };
  });
}
