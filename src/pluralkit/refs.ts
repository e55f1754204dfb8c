import { PluralKitInputError } from './errors.js';

/**
 * Validation and normalisation of everything a caller passes in, so bad input fails here with a
 * {@link PluralKitInputError} instead of costing a request (and rate-limit budget) upstream.
 * Values are never echoed in messages: a token pasted into the wrong field must not end up in a log.
 */

/** Longest string any reference may be; anything longer is rejected as overlong. */
export const MaxRefLength = 100;
/** PluralKit's bot caps a switch at 150 members; the API does not, so we do. */
export const MaxSwitchMembers = 150;
/** `GET /switches` returns at most 100 per page. */
export const MaxSwitchPageSize = 100;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const snowflakePattern = /^\d{17,20}$/;
const shortIdPattern = /^[a-z]{5,6}$/;

const expectations = {
  system: "'@me', a system id (5-6 letters, any case, optional dash), a UUID or a Discord user id",
  member: 'a member id (5-6 letters, any case, optional dash) or a UUID',
  group: 'a group id (5-6 letters, any case, optional dash) or a UUID',
  switch: 'a switch UUID',
  message: 'a Discord message id (17-20 digits)',
} as const;

function text(value: unknown, argument: string, expected: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new PluralKitInputError(argument, expected);
  if (value.length > MaxRefLength) {
    throw new PluralKitInputError(argument, `${expected}, at most ${MaxRefLength} characters (got ${value.length})`);
  }
  return value.trim();
}

/** `ABC-DEF`, `abcdef` → `abcdef`; `null` when not a short id. */
function shortId(value: string): string | null {
  const lowered = value.toLowerCase();
  const dash = lowered.indexOf('-');
  const joined = dash > 0 && dash < lowered.length - 1 ? lowered.slice(0, dash) + lowered.slice(dash + 1) : lowered;
  return shortIdPattern.test(joined) ? joined : null;
}

/** A member or group reference: short id (normalised) or UUID (lowercased). */
function entityRef(value: unknown, argument: string, expected: string): string {
  const ref = text(value, argument, expected);
  if (uuidPattern.test(ref)) return ref.toLowerCase();
  const id = shortId(ref);
  if (id === null) throw new PluralKitInputError(argument, expected);
  return id;
}

/** `'@me'`, a short id (lowercased, dash removed), a UUID (lowercased) or a Discord user id. */
export function systemRef(value: unknown, argument = 'systemRef'): string {
  const ref = text(value, argument, expectations.system);
  if (ref.toLowerCase() === '@me') return '@me';
  if (uuidPattern.test(ref)) return ref.toLowerCase();
  if (snowflakePattern.test(ref)) return ref;
  const id = shortId(ref);
  if (id === null) throw new PluralKitInputError(argument, expectations.system);
  return id;
}

/** A member short id or UUID, normalised to the exact form PluralKit stores. */
export const memberRef = (value: unknown, argument = 'memberRef'): string =>
  entityRef(value, argument, expectations.member);

/** A group short id or UUID, normalised. */
export const groupRef = (value: unknown, argument = 'groupRef'): string =>
  entityRef(value, argument, expectations.group);

/** A switch id; PluralKit only accepts UUIDs here (anything else is a 500 upstream). */
export function switchRef(value: unknown, argument = 'switchId'): string {
  const ref = text(value, argument, expectations.switch);
  if (!uuidPattern.test(ref)) throw new PluralKitInputError(argument, expectations.switch);
  return ref.toLowerCase();
}

/** A Discord message snowflake. */
export function messageId(value: unknown, argument = 'messageId'): string {
  const ref = text(value, argument, expectations.message);
  if (!snowflakePattern.test(ref)) throw new PluralKitInputError(argument, expectations.message);
  return ref;
}

/** A page size for `GET /switches`: an integer from 1 to 100. */
export function pageLimit(value: unknown, argument = 'limit'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MaxSwitchPageSize) {
    throw new PluralKitInputError(argument, `an integer from 1 to ${MaxSwitchPageSize}`);
  }
  return value;
}

/** A valid `Date`, as the ISO instant (ending in `Z`) PluralKit parses. */
export function instant(value: unknown, argument: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new PluralKitInputError(argument, 'a valid Date');
  }
  return value.toISOString();
}

/** The members of a switch: at most 150 member refs (empty means "switch out"), normalised. */
export function switchMembers(value: unknown, argument = 'members'): string[] {
  if (!Array.isArray(value)) throw new PluralKitInputError(argument, 'an array of member refs');
  if (value.length > MaxSwitchMembers) {
    throw new PluralKitInputError(argument, `at most ${MaxSwitchMembers} members (got ${value.length})`);
  }
  return value.map((member, index) => memberRef(member, `${argument}[${index}]`));
}

/**
 * A system reference as the client will send it (`'@me'`, lowercase dash-free short id, lowercase UUID,
 * or Discord user id), for callers comparing refs before a request.
 * @throws {PluralKitInputError} when it is none of those.
 */
export const normalizeSystemRef = (ref: string): string => systemRef(ref);

/** A member reference normalised the same way. @throws {PluralKitInputError} */
export const normalizeMemberRef = (ref: string): string => memberRef(ref);
