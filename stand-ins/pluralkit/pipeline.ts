/**
 * One request through the stand-in, in production's middleware order (https://github.com/PluralKit/PluralKit/tree/main/crates/api/src/middleware):
 * OPTIONS → auth → path-id resolution → version/route/UA checks → rate limiter → faults → handler.
 * Anything rejected before the limiter carries no X-RateLimit headers and uses no quota.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, badRequest, unsupportedMediaType } from './errors.js';
import type { FaultQueue } from './faults.js';
import { keyKeepsOwnerView, type ApiKeyMode } from './key-scopes.js';
import { authenticate, checkRoute, resolveRefs, type AuthKind } from './gateway.js';
import type { RateLimiter } from './rate-limit.js';
import type { Reply, RouteContext, Router } from './router.js';
import type { StandInState } from './state.js';

/** What the pipeline needs from the running stand-in. */
export interface PipelineDeps {
  state: StandInState;
  router: Router;
  limiter(): RateLimiter;
  faults: FaultQueue;
  /** How `pkapi:` keys are treated (default `'production'`: anonymous). */
  apiKeys?: ApiKeyMode;
}

/** A request as read off the socket. */
export interface IncomingPkRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The answer to write, plus what to record about it. */
export interface PkResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  routeName: string;
  authKind: AuthKind;
  authenticated: boolean;
  /** UUID of the system whose credentials were presented, or null. */
  callerSystemUuid: string | null;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'X-PluralKit-Version, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Scope',
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, sentry-trace, User-Agent',
  'Access-Control-Max-Age': '86400',
};
const JSON_TYPE = 'application/json; charset=utf-8';

function errorResponse(
  error: ApiError,
  headers: Record<string, string>,
): Pick<PkResponse, 'status' | 'headers' | 'body'> {
  if (error.body === null) return { status: error.status, headers, body: null };
  const body = typeof error.body === 'string' ? error.body : JSON.stringify(error.body);
  return { status: error.status, headers: { ...headers, 'Content-Type': error.contentType }, body };
}

/** ASP.NET model binding of a JSON body: needs a JSON content type (else 415) and valid JSON (else 400). */
function jsonBody(request: IncomingPkRequest): unknown {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson =
    mediaType === 'application/json' || mediaType === 'text/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
  if (!isJson) throw unsupportedMediaType();
  const text = request.body.toString('utf8');
  if (text.trim() === '') throw badRequest();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest();
  }
}

/** Runs one request through the gateway and the backend. Never throws. */
export function runPipeline(deps: PipelineDeps, request: IncomingPkRequest): PkResponse {
  const { method } = request;
  const pathname = new URL(request.url, 'http://stand-in').pathname;
  const caller = authenticate(request.headers.authorization, deps.state, deps.apiKeys);
  const base = {
    authKind: caller.kind,
    authenticated: caller.system !== null,
    callerSystemUuid: caller.system?.uuid ?? null,
  };
  if (method === 'OPTIONS') {
    return { ...base, status: 200, headers: PREFLIGHT_HEADERS, body: null, routeName: 'OPTIONS *' };
  }
  if (pathname === '/') {
    const headers = { ...CORS_HEADERS, Location: 'https://pluralkit.me/api' };
    return { ...base, status: 303, headers, body: null, routeName: `${method} /` };
  }
  const match = deps.router.match(method, pathname);
  const routeName = match?.name ?? `${method} (unknown route)`;
  let headers: Record<string, string> = { ...CORS_HEADERS };
  try {
    const refs = match === null ? {} : resolveRefs(match.params, deps.state, caller);
    checkRoute(pathname, match, request.headers['user-agent'] !== undefined);
    const ownerView = caller.scopes === undefined || keyKeepsOwnerView(caller.scopes, method, pathname);
    const own = caller.system !== null && refs.aboutSystemUuid === caller.system.uuid ? caller.system.uuid : null;
    const verdict = deps.limiter().check({ method, ownSystemUuid: own });
    headers = { ...headers, ...verdict.headers };
    if (!verdict.allowed) throw new ApiError(429, verdict.body ?? null);
    const fault = deps.faults.take(method);
    if (fault !== undefined) {
      if (fault.status === 429 && 'X-RateLimit-Remaining' in headers) headers['X-RateLimit-Remaining'] = '0';
      throw fault;
    }
    headers['X-PluralKit-Version'] = 'stand-in';
    if (match?.handler === undefined) throw new ApiError(405, null);
    const ctx: RouteContext = {
      state: deps.state,
      caller: ownerView ? caller.system : null,
      refs,
      params: match.params,
      query: new URL(request.url, 'http://stand-in').searchParams,
      json: () => jsonBody(request),
    };
    const reply: Reply = match.handler(ctx);
    if (reply.body === undefined) return { ...base, status: reply.status, headers, body: null, routeName };
    const body = JSON.stringify(reply.body);
    return { ...base, status: reply.status, headers: { ...headers, 'Content-Type': JSON_TYPE }, body, routeName };
  } catch (error) {
    if (!(error instanceof ApiError))
      process.stderr.write(`PluralKit stand-in bug on ${method} ${pathname}: ${String(error)}\n`);
    const known =
      error instanceof ApiError ? error : new ApiError(500, '{"message":"500: Internal Server Error","code":0}');
    return { ...base, ...errorResponse(known, headers), routeName };
  }
}
