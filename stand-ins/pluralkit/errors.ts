/**
 * PluralKit's error answers (https://pluralkit.me/api/errors/ and `PluralKit.API/Errors.cs` in https://github.com/PluralKit/PluralKit). Handlers throw {@link ApiError}; the server turns it
 * into the exact body. Bodies given as strings are sent byte for byte (some upstream ones have odd spacing).
 */

/** An error answer: a status plus a JSON body, a raw string body, or no body at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown> | string | null,
    readonly contentType = 'application/json; charset=utf-8',
  ) {
    super(`PluralKit stand-in error ${status}`);
    this.name = 'ApiError';
  }
}

/** `{message, code}` error. */
export function pkError(status: number, code: number, message: string): ApiError {
  return new ApiError(status, { message, code });
}

/** Exact messages of every PluralKit error code the stand-in raises. */
export const Messages = {
  20001: 'System not found.',
  20002: 'Member not found.',
  20004: 'Group not found.',
  20006: 'Message not found.',
  20007: 'Switch not found.',
  20008: 'Switch not found, switch associated with different system, or unauthorized to view front history.',
  30001: 'Unauthorized to view member list',
  30002: 'Unauthorized to view group list',
  30003: 'Unauthorized to view group member list',
  30004: 'Unauthorized to view current fronters.',
  30005: 'Unauthorized to view front history.',
  40001: 'Error parsing JSON model',
  40003: 'Duplicate members in member list.',
  40004: 'Member list identical to current fronter list.',
  40005: 'Switch with provided timestamp already exists.',
} as const;

/** A coded 4xx error whose message is fixed. */
export function coded(code: keyof typeof Messages): ApiError {
  const status = code >= 40000 ? 400 : code >= 30000 ? 403 : 404;
  return pkError(status, code, Messages[code]);
}

/** 400 code 0: bad JSON, bad query parameters. */
export const badRequest = (): ApiError => pkError(400, 0, '400: Bad Request');
/** 403 code 0: not the owner of the system in the path. */
export const missingPermissions = (): ApiError => pkError(403, 0, '403: Missing permissions to access this resource');
/** 500 code 0, as the backend sends it. */
export const internalError = (): ApiError => pkError(500, 0, '500: Internal Server Error');
/** 404 20003 for a member ref inside a body. */
export const memberRefNotFound = (ref: string): ApiError => pkError(404, 20003, `Member '${ref}' not found.`);
/** 403 30008 for another system's member inside a body. */
export const memberRefNotOwn = (ref: string): ApiError =>
  pkError(403, 30008, `Member '${ref}' is not part of your system.`);

/** The gateway's 401 for `@me` without a valid token (note the space before 0: sent verbatim upstream). */
export const unauthorized = (): ApiError =>
  new ApiError(401, '{"message":"401: Missing or invalid Authorization header","code": 0}');

/** Empty-bodied answers from the gateway (missing UA → 400, unknown route → 404). */
export const emptyAnswer = (status: number): ApiError => new ApiError(status, null);

/** ASP.NET's own 415 when a body arrives without `Content-Type: application/json`. */
export function unsupportedMediaType(): ApiError {
  return new ApiError(
    415,
    {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
      title: 'Unsupported Media Type',
      status: 415,
      traceId: '00-00000000000000000000000000000000-0000000000000000-00',
    },
    'application/problem+json; charset=utf-8',
  );
}
