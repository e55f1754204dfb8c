/**
 * What the client tells whoever watches it (the bot's metrics and request log): one call per HTTP attempt,
 * per wait for a turn, per cache lookup. Routes arrive as templates and buckets as kinds, so nothing an
 * observer is given can name a system, member, switch or message.
 */

/** One HTTP attempt to PluralKit, as an observer sees it. */
export interface ObservedRequest {
  readonly method: string;
  /** The route template, e.g. `/systems/:ref/members` (see {@link routeTemplate}). */
  readonly route: string;
  /** The HTTP status, or `timeout` / `network` when no answer came. */
  readonly status: string;
  /** The budget it spent: `shared:read`, `shared:write`, `own:read` or `own:write`. */
  readonly bucket: string;
  readonly durationMs: number;
}

/** What a cache lookup did: a stored answer, a load already in flight, or a new load. */
export type CacheResult = 'hit' | 'shared' | 'miss';

/** See the module comment. Every method is optional and must not throw. */
export interface PluralKitObserver {
  requested?(request: ObservedRequest): void;
  /** A request waited `ms` for its turn in `bucket` (a kind, as in {@link ObservedRequest.bucket}). */
  waited?(bucket: string, ms: number): void;
  looked?(result: CacheResult): void;
}

/** Path segments that are part of PluralKit's routes; every other segment is a reference. */
const RouteWords = new Set(['systems', 'members', 'groups', 'switches', 'fronters', 'settings', 'messages']);

/** `/systems/abcde/switches/<uuid>?limit=100` → `/systems/:ref/switches/:ref`: the route without its ids. */
export function routeTemplate(route: string): string {
  const path = route.split('?', 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment === '' || RouteWords.has(segment) ? segment : ':ref'))
    .join('/');
}
