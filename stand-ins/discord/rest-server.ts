import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyRejection, BodyValidator } from './body-validation.js';
import type { FaultInjector } from './faults.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { readBody, sendJson } from './http-io.js';
import { uploadRejection } from './upload-limits.js';
import { autocompleteIssues, deferralIssues, mergedEditRejection, rejectionOf } from './interaction-rules.js';
import * as interactions from './rest-interactions.js';
import * as guilds from './rest-guilds.js';
import { changeMemberRole, modifyGuildMember } from './rest-member-edits.js';
import * as resources from './rest-resources.js';
import type { RateLimiter } from './rate-limits.js';
import { matchRoute, type RouteMatch, type RouteName } from './routes.js';
import type { RecordedRequest, StandInState } from './stand-in-state.js';

/** What the REST half needs from the stand-in. */
export interface RestDeps {
  state: StandInState;
  faults: FaultInjector;
  validator: BodyValidator | null;
  /** Per-route buckets; null turns rate limiting (and its headers) off. */
  limiter: RateLimiter | null;
  botToken: string;
  gatewayUrl(): string;
  /** IDENTIFYs accepted so far. */
  sessionStarts(): number;
  /** What `GET /gateway/bot` recommends: shard count and identify concurrency. */
  sharding: { shards: number; maxConcurrency: number };
  notify(): void;
}

const HANDLERS: Record<RouteName, (ctx: HandlerContext, deps: RestDeps) => HandlerResult> = {
  getGatewayBot: (_ctx, deps) => resources.getGatewayBot(deps.gatewayUrl(), deps.sessionStarts(), deps.sharding),
  getGateway: (_ctx, deps) => ({ status: 200, body: { url: deps.gatewayUrl() } }),
  getCurrentUser: (ctx) => resources.getUser(ctx, undefined),
  getUser: (ctx) => resources.getUser(ctx, ctx.params[0]),
  getCurrentApplication: resources.getCurrentApplication,
  createDm: resources.createDm,
  getChannel: resources.getChannel,
  createMessage: resources.createMessage,
  listGlobalCommands: (ctx) => resources.listCommands(ctx),
  putGlobalCommands: (ctx) => resources.putCommands(ctx),
  listGuildCommands: (ctx) => resources.listCommands(ctx, ctx.params[1]),
  putGuildCommands: (ctx) => resources.putCommands(ctx, ctx.params[1]),
  interactionCallback: interactions.interactionCallback,
  executeWebhook: interactions.executeWebhook,
  getWebhookMessage: interactions.getWebhookMessage,
  editWebhookMessage: interactions.editWebhookMessage,
  deleteWebhookMessage: interactions.deleteWebhookMessage,
  getGuild: guilds.getGuild,
  getGuildRoles: guilds.getGuildRoles,
  getGuildMember: guilds.getGuildMember,
  modifyGuildMember,
  addGuildMemberRole: (ctx) => changeMemberRole(ctx, true),
  removeGuildMemberRole: (ctx) => changeMemberRole(ctx, false),
};

const NOT_FOUND = { status: 404, body: { message: '404: Not Found', code: 0 } };
const UNAUTHORIZED = { status: 401, body: { message: '401: Unauthorized', code: 0 } };

function headersWithoutAuth(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (key !== 'authorization' && value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The interaction a request belongs to, so its problems show up when a test's wait times out. */
function interactionOf(match: RouteMatch, state: StandInState) {
  const [first = '', second = ''] = match.params;
  if (match.route.name === 'interactionCallback') return state.interactions.get(first);
  return match.route.name.includes('Webhook') ? state.interactionByToken(second) : undefined;
}

/** Checks that need the interaction or the message in view: autocomplete types, deferral flags, merged edits. */
function contextualRejection(match: RouteMatch, ctx: HandlerContext): BodyRejection | null {
  const name = match.route.name;
  if (name === 'interactionCallback') {
    const record = ctx.state.interactions.get(match.params[0] ?? '');
    const type = (ctx.body as { type?: unknown } | null)?.type;
    if (record && type === 8)
      return rejectionOf(autocompleteIssues(record.payload, (ctx.body as { data?: unknown }).data));
    if (type === 5) return rejectionOf(deferralIssues(ctx.body));
  }
  if (name === 'editWebhookMessage') {
    const found = interactions.findMessage(ctx);
    if (!('status' in found)) return mergedEditRejection(found, ctx.body, ctx.files.length);
  }
  return null;
}

/** Serves one REST request: decode, fault-inject, authenticate, validate, handle, record. */
export async function handleRestRequest(req: IncomingMessage, res: ServerResponse, deps: RestDeps): Promise<void> {
  const at = deps.state.now();
  const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const method = req.method ?? 'GET';
  const apiPath = /^\/api(?:\/v\d+)?(\/.*)$/.exec(path)?.[1];
  const match = apiPath === undefined ? null : matchRoute(method, apiPath);
  const parsed = await readBody(req);
  const recorded: RecordedRequest = {
    method,
    path,
    route: match?.route.name ?? null,
    query: Object.fromEntries(url.searchParams),
    body: parsed.json,
    files: parsed.files,
    headers: headersWithoutAuth(req),
    status: 0,
    response: undefined,
    responseHeaders: {},
    at,
  };
  deps.state.requests.push(recorded);
  const result = await answer();
  recorded.status = result.status;
  recorded.response = result.body;
  recorded.responseHeaders = result.headers ?? {};
  sendJson(res, result.status, result.body, result.headers);
  // Waits resolve only now, when the request is fully recorded and answered.
  deps.notify();

  async function answer(): Promise<HandlerResult> {
    const fault = deps.faults.take(match?.route.name ?? null, method, apiPath ?? path);
    if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.response && !fault.committed) return fault.response;
    if (!match) {
      deps.state.unknownRoutes.push(recorded);
      return NOT_FOUND;
    }
    const limit = deps.limiter?.take(match);
    const handled = limit?.retryAfter != null ? rateLimited(limit.retryAfter) : handle(match);
    // "Committed, then 5xx": Discord did the work, but the client only sees the error (and may retry).
    const result = fault.response ?? handled;
    return { ...result, headers: { ...limit?.headers, ...result.headers } };
  }

  function handle(matched: RouteMatch): HandlerResult {
    if (matched.route.auth && req.headers.authorization !== `Bot ${deps.botToken}`) return UNAUTHORIZED;
    if (parsed.malformed)
      return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
    const operation =
      matched.route.name === 'editWebhookMessage' && matched.params[2] === '@original'
        ? 'update_original_webhook_message'
        : matched.route.operation;
    const ctx: HandlerContext = {
      state: deps.state,
      params: matched.params,
      query: url.searchParams,
      body: parsed.json,
      files: parsed.files,
      receivedAt: at,
    };
    const rejection =
      uploadRejection(parsed.files) ??
      (operation && deps.validator
        ? (deps.validator.check(operation, parsed.json, parsed.files.length) ?? contextualRejection(matched, ctx))
        : null);
    if (rejection) {
      deps.state.rejectedBodies.push({ request: recorded, issues: rejection.issues });
      interactionOf(matched, deps.state)?.problems.push(
        `${method} ${path} → ${rejection.response.code}: ${rejection.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
      return { status: rejection.status, body: rejection.response };
    }
    return HANDLERS[matched.route.name](ctx, deps);
  }
}

function rateLimited(retryAfter: number): HandlerResult {
  return { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false } };
}
