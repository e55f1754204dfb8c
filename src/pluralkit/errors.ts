import type { PluralKitErrorCode } from './error-codes.js';

/** The HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Where a failure happened: the method and the route with its ids (never headers or tokens). */
export interface RequestLocation {
  readonly method: HttpMethod;
  /** Path below the base URL, with query, e.g. `/systems/abcde/switches?limit=100`. */
  readonly route: string;
}

const where = (at: RequestLocation): string => `${at.method} ${at.route}`;

/** Base of every error the PluralKit client throws. */
export class PluralKitError extends Error {
  override name = 'PluralKitError';
}

/** A failure of one request: says which method and route, never headers or tokens. */
export abstract class PluralKitRequestError extends PluralKitError implements RequestLocation {
  readonly method: HttpMethod;
  readonly route: string;

  constructor(message: string, at: RequestLocation, options?: ErrorOptions) {
    super(message, options);
    this.method = at.method;
    this.route = at.route;
  }
}

/** PluralKit answered with a JSON error body (4xx, or a 5xx that carried one after retries). */
export class PluralKitAPIError extends PluralKitRequestError {
  /** The validation map of a 40001 error, keyed by field. */
  readonly errors: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly status: number,
    /** See {@link PluralKitErrorCode}. */
    readonly code: number,
    message: string,
    at: RequestLocation,
    errors?: Record<string, unknown>,
  ) {
    super(`${message} (${status} on ${where(at)})`, at);
    this.name = `PluralKitAPIError[${code}]`;
    this.errors = errors;
  }
}

/** PluralKit answered an HTTP error without a usable JSON body (empty 404/400, 5xx, proxies' HTML). */
export class PluralKitHTTPError extends PluralKitRequestError {
  override name = 'PluralKitHTTPError';

  constructor(
    readonly status: number,
    at: RequestLocation,
  ) {
    super(`PluralKit answered HTTP ${status} to ${where(at)}`, at);
  }
}

/** Still answered 429 after every allowed retry. */
export class PluralKitRateLimitError extends PluralKitRequestError {
  override name = 'PluralKitRateLimitError';
  readonly status = 429;

  constructor(
    /** How long PluralKit asked us to wait last time (already floored at our minimum). */
    readonly retryAfterMs: number,
    /** The rate-limit scope PluralKit named (`generic_get`, `own_system_update`...), if any. */
    readonly scope: string | undefined,
    at: RequestLocation,
    readonly retries = 0,
  ) {
    super(
      `PluralKit rate limit still hit after ${retries} ${retries === 1 ? 'retry' : 'retries'}: ${where(at)}` +
        ` (scope ${scope ?? 'unknown'}, retry after ${retryAfterMs} ms)`,
      at,
    );
  }
}

/** PluralKit did not answer (headers and body) within the configured timeout. */
export class PluralKitTimeoutError extends PluralKitRequestError {
  override name = 'PluralKitTimeoutError';

  constructor(
    readonly timeoutMs: number,
    at: RequestLocation,
  ) {
    super(`PluralKit did not answer within ${timeoutMs} ms: ${where(at)}`, at);
  }
}

/** The request never got an HTTP answer: connection refused or reset, DNS failure... */
export class PluralKitNetworkError extends PluralKitRequestError {
  override name = 'PluralKitNetworkError';

  constructor(at: RequestLocation, cause: unknown) {
    super(`Could not reach PluralKit for ${where(at)}${describeCause(cause)}`, at, { cause });
  }
}

/** One reason a response body failed its schema. Values are not included, only where and why. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The request worked but the body is not what PluralKit documents (wrong types, missing keys, not JSON).
 * Not an HTTP failure: retrying will not help, and the upstream answer was a success.
 */
export class PluralKitSchemaError extends PluralKitRequestError {
  override name = 'PluralKitSchemaError';

  constructor(
    /** Which model was expected, e.g. `System` or `Member[]`. */
    readonly expected: string,
    readonly issues: readonly SchemaIssue[],
    at: RequestLocation,
  ) {
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path || '(body)'}: ${issue.message}`)
      .join('; ');
    super(`PluralKit sent a body that is not a valid ${expected} for ${where(at)}: ${summary}`, at);
  }
}

/** An argument was rejected before any request was sent. The message never echoes the value. */
export class PluralKitInputError extends PluralKitError {
  override name = 'PluralKitInputError';

  constructor(
    /** The argument's name, e.g. `systemRef` or `members[2]`. */
    readonly argument: string,
    /** What would have been accepted. */
    readonly expected: string,
  ) {
    super(`Invalid ${argument}: expected ${expected}`);
  }
}

function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const code = (inner as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}

/** A JSON error from PluralKit; with `code`, only that code (e.g. `PluralKitErrorCode.SystemNotFound`). */
export function isPluralKitAPIError(error: unknown, code?: PluralKitErrorCode): error is PluralKitAPIError {
  return error instanceof PluralKitAPIError && (code === undefined || error.code === code);
}
