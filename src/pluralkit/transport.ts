import type { z } from 'zod';
import { authorizationHeader } from './auth.js';
import {
  PluralKitAPIError,
  PluralKitHTTPError,
  PluralKitNetworkError,
  PluralKitSchemaError,
  PluralKitTimeoutError,
  type RequestLocation,
} from './errors.js';
import { ErrorBodySchema } from './schemas.js';

/**
 * One HTTP exchange with PluralKit (URL, headers, timeout), then what its answer means: JSON, and the
 * mapping of every failed answer to an error class. The only place a response becomes an error. A 429 is
 * returned, not thrown, because the caller retries it; it becomes a `PluralKitRateLimitError` only when
 * retries run out.
 */

/** What to send. `token` goes only into the `Authorization` header. */
export interface TransportRequest extends RequestLocation {
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly token?: string | undefined;
  readonly body?: unknown;
}

/** The rate-limit headers PluralKit sends once its limiter has counted a request. */
export interface RateHeaders {
  readonly limit: number;
  readonly remaining: number;
  readonly scope: string;
}

/** A successful answer; `body` is parsed JSON, or `undefined` for 204 / not JSON (`json: false`). */
export interface TransportSuccess {
  readonly ok: true;
  readonly status: number;
  readonly body: unknown;
  readonly json: boolean;
}

/** A 429: how long PluralKit asked us to wait (absent without a body) and which scope it named. */
export interface TransportRateLimited {
  readonly ok: false;
  readonly retryAfterMs: number | undefined;
  readonly scope: string | undefined;
}

/** Result of {@link interpret}. */
export type TransportResult = TransportSuccess | TransportRateLimited;

/** What came back, before it means anything: status, body text and the rate headers, if any. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly rate: RateHeaders | undefined;
}

/** Sends one request and reads the whole answer. Throws only when no answer came (timeout, network). */
export async function exchange(request: TransportRequest): Promise<Answer> {
  const at: RequestLocation = { method: request.method, route: request.route };
  const headers: Record<string, string> = { 'User-Agent': request.userAgent, Accept: 'application/json' };
  if (request.token !== undefined) {
    const authorization = authorizationHeader(request.token);
    if (authorization !== null) headers.Authorization = authorization;
  }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.baseUrl + request.route, {
      method: request.method,
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal,
      redirect: 'error',
    });
    const rate = readRateHeaders(response.headers);
    return { status: response.status, rate, text: await response.text() };
  } catch (error) {
    if (signal.aborted) throw new PluralKitTimeoutError(request.timeoutMs, at);
    throw new PluralKitNetworkError(at, error);
  }
}

/** What an answer means: a success, a 429 to retry, or (thrown) the error class of any other failure. */
export function interpret(answer: Answer, at: RequestLocation): TransportResult {
  const { status } = answer;
  const parsed = parseJson(answer.text);
  if (status >= 200 && status < 300) {
    return { ok: true, status, body: parsed.value, json: parsed.json };
  }
  const error = ErrorBodySchema.safeParse(parsed.value);
  if (status === 429) {
    return {
      ok: false,
      retryAfterMs: error.success ? error.data.retry_after : undefined,
      scope: error.success ? error.data.scope : undefined,
    };
  }
  // 5xx are HTTP failures whatever their body says, except PluralKit's real 501 "Unimplemented" (50001).
  if (error.success && (status < 500 || error.data.code !== 0)) {
    throw new PluralKitAPIError(status, error.data.code, error.data.message, at, error.data.errors);
  }
  throw new PluralKitHTTPError(status, at);
}

/**
 * Parses a success body with its schema. Extra keys are tolerated; wrong or missing ones are a
 * {@link PluralKitSchemaError} that lists paths and reasons, never values.
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  expected: string,
  response: TransportSuccess,
  at: RequestLocation,
): z.output<S> {
  if (!response.json) {
    throw new PluralKitSchemaError(expected, [{ path: '', message: 'the body is not JSON' }], at);
  }
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new PluralKitSchemaError(expected, issues, at);
}

function parseJson(text: string): { json: boolean; value: unknown } {
  if (text.trim() === '') return { json: false, value: undefined };
  try {
    return { json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { json: false, value: undefined };
  }
}

function readRateHeaders(headers: Headers): RateHeaders | undefined {
  // X-RateLimit-Reset is deliberately ignored: PluralKit sends whole seconds there, which tells us nothing.
  const limitHeader = headers.get('x-ratelimit-limit');
  const remainingHeader = headers.get('x-ratelimit-remaining');
  const scope = headers.get('x-ratelimit-scope');
  if (limitHeader === null || remainingHeader === null || scope === null) return undefined;
  const limit = Number(limitHeader);
  const remaining = Number(remainingHeader);
  if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(remaining)) return undefined;
  return { limit, remaining: Math.max(0, Math.floor(remaining)), scope };
}
