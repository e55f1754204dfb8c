import type { GroupRecord, MemberRecord, SwitchRecord, SystemRecord } from './records.js';
import type { StandInState } from './state.js';

/** Entities the gateway found for the ids in the path. */
export interface ResolvedRefs {
  system?: SystemRecord;
  member?: MemberRecord;
  group?: GroupRecord;
  switch?: SwitchRecord;
  /** UUID of the system that owns the last resolved entity (decides the own-system rate-limit bucket). */
  aboutSystemUuid?: string;
}

/** What a handler gets. */
export interface RouteContext {
  state: StandInState;
  /** The authenticated system, or null for anonymous callers. */
  caller: SystemRecord | null;
  refs: ResolvedRefs;
  /** Decoded path parameters by name (`system_id`, `member_id`, ...). */
  params: ReadonlyMap<string, string>;
  query: URLSearchParams;
  /** The request body as JSON; throws 415/400 like ASP.NET model binding. */
  json(): unknown;
}

/** A successful answer: JSON body, or none (204). */
export interface Reply {
  status: number;
  body?: unknown;
}

/** A route handler. Throws `ApiError` for error answers. */
export type Handler = (ctx: RouteContext) => Reply;

interface RouteDef {
  method: string;
  template: string;
  segments: string[];
  handler: Handler;
}

/** The result of matching a path: `handler` is undefined when only the method is wrong (405). */
export interface RouteMatch {
  /** e.g. `GET /systems/{system_id}/switches`, used for stats. */
  name: string;
  params: Map<string, string>;
  handler: Handler | undefined;
}

/** A tiny axum-like router: `{param}` matches one non-empty segment; literal segments win over params. */
export class Router {
  readonly #routes: RouteDef[] = [];

  /** Registers a route; `template` includes the `/v2` prefix. */
  add(method: string, template: string, handler: Handler): this {
    this.#routes.push({ method, template, segments: template.split('/'), handler });
    return this;
  }

  /** Finds the route for a path, or null when no route has this path (the empty-body 404). */
  match(method: string, pathname: string): RouteMatch | null {
    const parts = pathname.split('/');
    let best: { route: RouteDef; params: Map<string, string>; literals: number } | undefined;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (params === null) continue;
      const literals = route.segments.filter((s) => !s.startsWith('{')).length;
      const better = best === undefined || literals > best.literals;
      const sameShapeRightMethod = best !== undefined && literals === best.literals && route.method === method;
      if (better || sameShapeRightMethod) best = { route, params, literals };
    }
    if (best === undefined) return null;
    const shown = best.route.template.replace(/^\/v2/, '');
    if (best.route.method !== method) return { name: `${method} ${shown}`, params: best.params, handler: undefined };
    return { name: `${method} ${shown}`, params: best.params, handler: best.route.handler };
  }
}

function matchSegments(template: string[], parts: string[]): Map<string, string> | null {
  if (template.length !== parts.length) return null;
  const params = new Map<string, string>();
  for (let i = 0; i < template.length; i++) {
    const want = template[i] ?? '';
    const got = parts[i] ?? '';
    if (want.startsWith('{')) {
      if (got === '') return null;
      params.set(want.slice(1, -1), safeDecode(got));
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
