import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { discordTimestamp } from '../front/format.js';
import { sameMemberSet } from '../front/member-set.js';
import { parseSwitchTime } from '../front/time-input.js';
import { credentialAllows, neededScope, type PluralKitClient } from '../pluralkit/index.js';
import { renderFronters } from '../render/fronters.js';
import type { RenderedMessage } from '../render/message.js';
import { ownTarget } from '../targets.js';
import { resolveMembers } from './member-resolve.js';
import type { EditorState } from './switch-edit.js';
import { undoState } from './switch-undo.js';

/** What `/switch in` or `/switch out` asks for: typed members (empty = switch out) and an optional time. */
export interface SwitchRequest {
  members: readonly string[];
  time?: string | null | undefined;
}

/**
 * Reads a typed time in the system's zone (PluralKit's `timezone` setting; UTC without one).
 * @throws {UserFacingError} `BadTime`
 */
export async function readSwitchTime(
  pluralkit: PluralKitClient,
  token: string,
  text: string,
  now: Date,
): Promise<Date> {
  const settings = await pluralkit.getSystemSettings('@me', { token });
  assertZoneKnown(token, settings.timezone, text);
  const parsed = parseSwitchTime(text, now, settings.timezone);
  if (!parsed.ok) throw new UserFacingError('BadTime', { reason: parsed.reason });
  return parsed.date;
}

/** A logged switch: the answer to show, and the state behind its Undo button. */
export interface LoggedSwitch {
  message: RenderedMessage;
  undo: EditorState;
}

/** A time that means the same instant in any zone: an explicit offset or `Z`, "now", or "… ago". */
const zoneFree = /(?:\dZ|[+-]\d{2}(?::?\d{2})?|\bUTC|\bago|^now)\s*$/i;

/**
 * Refuses to read a typed time in UTC only because a linked API key hid the system's time zone: PluralKit
 * serves such a key the public settings, which have no `timezone`.
 * @throws {UserFacingError} `KeyHidesTimeZone`
 */
export function assertZoneKnown(token: string, timeZone: string | undefined, text: string): void {
  if (timeZone !== undefined || credentialAllows(token, 'read', 'system') || zoneFree.test(text.trim())) return;
  throw new UserFacingError('KeyHidesTimeZone', { scope: neededScope('read', 'system') });
}

/**
 * Logs a switch in the caller's own system and answers with the fronters card as it is afterwards.
 * Duplicates and "same as now" are refused before anything is sent (PluralKit's 40003/40004). "Same" means
 * the same members in any order, since PluralKit's switch list keeps no order; like PluralKit, it only
 * counts when the switch would be the latest one.
 * @throws {UserFacingError} `NotLinked`, `TokenLacksScope`, `KeyHidesTimeZone`, `BadTime`, `MemberNotFound`, `AmbiguousMember`, `DuplicateMembers`, `SameAsCurrent`, `AlreadySwitchedOut`
 */
export async function logSwitch(ctx: CommandContext, callerId: string, request: SwitchRequest): Promise<LoggedSwitch> {
  const target = await ownTarget(ctx.accounts, callerId);
  ctx.accounts.assertAllows(
    target.account,
    'write',
    'switches',
    request.members.length === 0 ? 'log a switch-out' : 'log switches',
  );
  const now = ctx.now();
  return ctx.accounts.withToken(target.account, callerId, async (token) => {
    const o = { token };
    const [members, current, timestamp] = await Promise.all([
      request.members.length > 0 ? ctx.pluralkit.getMembers('@me', o) : [],
      ctx.pluralkit.getFronters('@me', { ...o, fresh: true }),
      request.time ? readSwitchTime(ctx.pluralkit, token, request.time, now) : undefined,
    ]);
    const ids = resolveMembers(members, request.members);
    const becomesLatest = current === null || timestamp === undefined || timestamp > new Date(current.timestamp);
    if (
      becomesLatest &&
      current !== null &&
      sameMemberSet(
        ids,
        current.members.map((member) => member.id),
      )
    ) {
      throw new UserFacingError(ids.length === 0 ? 'AlreadySwitchedOut' : 'SameAsCurrent');
    }
    const created = await ctx.pluralkit.createSwitch('@me', { members: ids, ...(timestamp && { timestamp }) }, o);
    const [front, system] = await Promise.all([ctx.pluralkit.getFronters('@me', o), ctx.pluralkit.getSystem('@me', o)]);
    const card = renderFronters(front, system, now);
    const what = ids.length === 0 ? 'Switched out' : 'Switch logged';
    const note = becomesLatest ? '' : ' It is older than your latest switch, so the current fronters stay as they are.';
    const content = `✅ ${what} at ${discordTimestamp(created.timestamp, 'f')} (${discordTimestamp(created.timestamp, 'R')}).${note}`;
    return { message: { ...card, content }, undo: undoState(created, system, becomesLatest) };
  });
}
