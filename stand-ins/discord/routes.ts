import type { ValidatedOperationId } from './extract-openapi.js';

/** Names of the routes the stand-in serves; fault injection and recordings refer to them. */
export type RouteName =
  | 'getGatewayBot'
  | 'getGateway'
  | 'getCurrentUser'
  | 'getUser'
  | 'getCurrentApplication'
  | 'createDm'
  | 'getChannel'
  | 'createMessage'
  | 'listGlobalCommands'
  | 'putGlobalCommands'
  | 'listGuildCommands'
  | 'putGuildCommands'
  | 'interactionCallback'
  | 'executeWebhook'
  | 'getWebhookMessage'
  | 'editWebhookMessage'
  | 'deleteWebhookMessage'
  | 'getGuild'
  | 'getGuildRoles'
  | 'getGuildMember'
  | 'modifyGuildMember'
  | 'addGuildMemberRole'
  | 'removeGuildMemberRole';

/** One entry of the route table. */
export interface RouteDefinition {
  name: RouteName;
  method: string;
  pattern: RegExp;
  /** Whether Discord wants `Authorization: Bot …` here (callbacks and webhooks are sent with `auth: false`). */
  auth: boolean;
  /** The OpenAPI operation whose request-body schema applies. */
  operation?: ValidatedOperationId;
}

const S = '(\\d{1,20})';
const TOKEN = '([^/]+)';
const MESSAGE = '(@original|\\d{1,20})';

/** Discord routes under `/api/v10`, matched against the percent-decoded path. */
export const ROUTES: RouteDefinition[] = [
  { name: 'getGatewayBot', method: 'GET', pattern: /^\/gateway\/bot$/, auth: true },
  { name: 'getGateway', method: 'GET', pattern: /^\/gateway$/, auth: false },
  { name: 'getCurrentUser', method: 'GET', pattern: /^\/users\/@me$/, auth: true },
  { name: 'getUser', method: 'GET', pattern: new RegExp(`^/users/${S}$`), auth: true },
  { name: 'getCurrentApplication', method: 'GET', pattern: /^\/applications\/@me$/, auth: true },
  { name: 'createDm', method: 'POST', pattern: /^\/users\/@me\/channels$/, auth: true, operation: 'create_dm' },
  { name: 'getChannel', method: 'GET', pattern: new RegExp(`^/channels/${S}$`), auth: true },
  {
    name: 'createMessage',
    method: 'POST',
    pattern: new RegExp(`^/channels/${S}/messages$`),
    auth: true,
    operation: 'create_message',
  },
  { name: 'listGlobalCommands', method: 'GET', pattern: new RegExp(`^/applications/${S}/commands$`), auth: true },
  {
    name: 'putGlobalCommands',
    method: 'PUT',
    pattern: new RegExp(`^/applications/${S}/commands$`),
    auth: true,
    operation: 'bulk_set_application_commands',
  },
  {
    name: 'listGuildCommands',
    method: 'GET',
    pattern: new RegExp(`^/applications/${S}/guilds/${S}/commands$`),
    auth: true,
  },
  {
    name: 'putGuildCommands',
    method: 'PUT',
    pattern: new RegExp(`^/applications/${S}/guilds/${S}/commands$`),
    auth: true,
    operation: 'bulk_set_guild_application_commands',
  },
  {
    name: 'interactionCallback',
    method: 'POST',
    pattern: new RegExp(`^/interactions/${S}/${TOKEN}/callback$`),
    auth: false,
    operation: 'create_interaction_response',
  },
  {
    name: 'executeWebhook',
    method: 'POST',
    pattern: new RegExp(`^/webhooks/${S}/${TOKEN}$`),
    auth: false,
    operation: 'execute_webhook',
  },
  {
    name: 'getWebhookMessage',
    method: 'GET',
    pattern: new RegExp(`^/webhooks/${S}/${TOKEN}/messages/${MESSAGE}$`),
    auth: false,
  },
  {
    name: 'editWebhookMessage',
    method: 'PATCH',
    pattern: new RegExp(`^/webhooks/${S}/${TOKEN}/messages/${MESSAGE}$`),
    auth: false,
    operation: 'update_webhook_message',
  },
  {
    name: 'deleteWebhookMessage',
    method: 'DELETE',
    pattern: new RegExp(`^/webhooks/${S}/${TOKEN}/messages/${MESSAGE}$`),
    auth: false,
  },
  { name: 'getGuild', method: 'GET', pattern: new RegExp(`^/guilds/${S}$`), auth: true },
  { name: 'getGuildRoles', method: 'GET', pattern: new RegExp(`^/guilds/${S}/roles$`), auth: true },
  { name: 'getGuildMember', method: 'GET', pattern: new RegExp(`^/guilds/${S}/members/${S}$`), auth: true },
  { name: 'modifyGuildMember', method: 'PATCH', pattern: new RegExp(`^/guilds/${S}/members/${S}$`), auth: true },
  {
    name: 'addGuildMemberRole',
    method: 'PUT',
    pattern: new RegExp(`^/guilds/${S}/members/${S}/roles/${S}$`),
    auth: true,
  },
  {
    name: 'removeGuildMemberRole',
    method: 'DELETE',
    pattern: new RegExp(`^/guilds/${S}/members/${S}/roles/${S}$`),
    auth: true,
  },
];

/** A matched route with its path parameters in order. */
export interface RouteMatch {
  route: RouteDefinition;
  params: string[];
}

/** Finds the route for a method and an `/api/v10`-relative, percent-decoded path. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
