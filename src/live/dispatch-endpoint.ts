import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/server.js';
import { BodyTooLargeError, readBody } from '../http/server.js';
import type { Logger } from '../log.js';
import { dispatchEventSchema, eventHandling, type DispatchEvent } from './dispatch-event.js';
import { DispatchPathPrefix, type LiveHook, type LiveHooks } from './hooks.js';

/** Bodies past this are refused unread (PluralKit's largest, a whole message object, is far smaller). */
export const MaxDispatchBodyBytes = 64 * 1024;

/** What the endpoint hands on, after it has answered PluralKit. */
export type DispatchSink = (hook: LiveHook, handling: 'switch' | 'cache', event: DispatchEvent) => void;

/** Options for {@link dispatchEndpoint}. */
export interface DispatchEndpointOptions {
  readonly hooks: LiveHooks;
  readonly log: Logger;
  /** Called once per authentic event worth processing, after the 200 was sent. */
  readonly deliver: DispatchSink;
  readonly now?: () => Date;
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end();
}

function parse(body: Buffer): DispatchEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = dispatchEventSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * `POST /pluralkit/dispatch/<id>`: PluralKit's dispatch events. Only the signing token in the body proves
 * them (compared in constant time); a wrong one gets 401 and a body for another system 403, and neither changes
 * anything. PluralKit waits 10 s and counts only a 200, so events are answered first and processed after.
 */
export function dispatchEndpoint(options: DispatchEndpointOptions): RouteHandler {
  const { hooks, log, deliver } = options;
  const now = options.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse) => {
    let body: Buffer;
    try {
      body = await readBody(req, MaxDispatchBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return answer(res, 413);
    }
    const event = parse(body);
    if (event === undefined) return answer(res, 400);
    const handling = eventHandling(event.type);
    // Every proxied message arrives as CREATE_MESSAGE: answered without a store read.
    if (handling === 'ignore') return answer(res, 200);
    const id = (req.url ?? '').split('?', 1)[0]!.slice(DispatchPathPrefix.length);
    const hook = await hooks.byId(id);
    if (hook === undefined) return answer(res, 404);
    if (event.signing_token === null || !hooks.verify(hook, event.signing_token)) return answer(res, 401);
    if (event.system_id !== hook.systemUuid) {
      log.warn({ user: hook.userId }, 'a signed dispatch event named another system; ignored');
      return answer(res, 403);
    }
    answer(res, 200);
    hooks.markEvent(hook, now()).catch((error: unknown) => log.warn({ err: error }, 'could not note a live event'));
    if (handling !== 'ping') deliver(hook, handling, event);
  };
}
