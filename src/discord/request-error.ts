import { DiscordAPIError, HTTPError } from 'discord.js';

/** A failed request to Discord as it may be logged: no request body, no URL (callback URLs hold tokens). */
export interface DiscordRequestFailure {
  readonly type: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly method: string;
  /** The route with ids and tokens replaced, e.g. `/interactions/:id/:token/callback`. */
  readonly route: string;
  readonly status: number;
  /** Discord's JSON error code (`50035`, `10062`, …); absent for bare HTTP errors. */
  readonly code?: number | string | undefined;
}

/** True for an error of a request to Discord's REST API (4xx with a JSON body, or a bare HTTP failure). */
export function isDiscordRequestError(error: unknown): error is DiscordAPIError | HTTPError {
  return error instanceof DiscordAPIError || error instanceof HTTPError;
}

/** True when Discord itself failed (5xx): its trouble, not ours and not the user's. */
export function isDiscordServerError(error: unknown): boolean {
  return isDiscordRequestError(error) && error.status >= 500;
}

// Path segments that follow these literals are secrets (interaction and webhook tokens), not names.
const tokenAfter = new Set(['interactions', 'webhooks']);

/**
 * The route template of a Discord REST URL: snowflakes become `:id`, the token after an interaction or
 * webhook id becomes `:token`, and the query string and API prefix are dropped.
 */
export function discordRouteTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? '';
  }
  const segments = path.replace(/^\/api(\/v\d+)?/, '').split('/');
  const out = segments.map((segment, index) => {
    if (/^\d{5,}$/.test(segment)) return ':id';
    if (index >= 2 && tokenAfter.has(segments[index - 2] ?? '') && /^\d+$/.test(segments[index - 1] ?? ''))
      return ':token';
    // Anything long and opaque is treated as a secret too: a route template never needs it.
    return segment.length > 32 ? ':token' : segment;
  });
  return out.join('/');
}

/** What of a failed Discord request may be logged: route template, status and code, never body or URL. */
export function describeDiscordRequestError(error: DiscordAPIError | HTTPError): DiscordRequestFailure {
  return {
    type: error.constructor.name,
    message: error.message,
    stack: error.stack,
    method: error.method,
    route: discordRouteTemplate(error.url),
    status: error.status,
    ...(error instanceof DiscordAPIError && { code: error.code }),
  };
}
