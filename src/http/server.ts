import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** Answers one request; it owns `res` until it resolves. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The bot's one small HTTP server: health, metrics, Discord's interaction webhooks and PluralKit's dispatch
 * events all register a route on it, so one port can carry any of them. Unknown paths get 404, a known path
 * with another method 405, and a handler that throws a bare 500 (logged, never with the body).
 */
export class HttpService {
  readonly #routes = new Map<string, Map<string, RouteHandler>>();
  readonly #prefixes = new Map<string, Map<string, RouteHandler>>();
  readonly #server: Server;

  constructor(private readonly log: Logger) {
    this.#server = createServer((req, res) => void this.#dispatch(req, res));
  }

  /** Serves `method path` (path without the query string) with `handler`. */
  route(method: string, path: string, handler: RouteHandler): this {
    const methods = this.#routes.get(path) ?? new Map<string, RouteHandler>();
    methods.set(method.toUpperCase(), handler);
    this.#routes.set(path, methods);
    return this;
  }

  /**
   * Serves `method` on every path under `prefix` (which ends in `/`), e.g. `/pluralkit/dispatch/` for
   * `/pluralkit/dispatch/<id>`; the handler reads the rest of the path. Exact routes win.
   */
  routePrefix(method: string, prefix: string, handler: RouteHandler): this {
    if (!prefix.endsWith('/')) throw new RangeError(`a route prefix ends in "/": ${prefix}`);
    const methods = this.#prefixes.get(prefix) ?? new Map<string, RouteHandler>();
    methods.set(method.toUpperCase(), handler);
    this.#prefixes.set(prefix, methods);
    return this;
  }

  /** Starts listening; resolves with the port (pass 0 for a free one). */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    this.#server.listen(port, host);
    await once(this.#server, 'listening');
    return (this.#server.address() as AddressInfo).port;
  }

  /** Stops taking connections and closes idle ones; resolves when the server is closed. */
  async close(): Promise<void> {
    if (!this.#server.listening) return;
    const closed = once(this.#server, 'close');
    this.#server.close();
    this.#server.closeIdleConnections();
    await closed;
  }

  #prefixMethods(path: string): Map<string, RouteHandler> | undefined {
    for (const [prefix, methods] of this.#prefixes) {
      if (path.startsWith(prefix) && path.length > prefix.length) return methods;
    }
    return undefined;
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const methods = this.#routes.get(path) ?? this.#prefixMethods(path);
    const handler = methods?.get(req.method ?? 'GET');
    if (methods === undefined || handler === undefined) {
      res.writeHead(methods === undefined ? 404 : 405, { 'content-type': 'text/plain' }).end();
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      this.log.error({ err: error, path: this.#routes.has(path) ? path : 'prefix route' }, 'HTTP handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  }
}

/** Thrown by {@link readBody} when a body passes its bound. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** Reads a request body of at most `maxBytes`; past it, stops reading and throws {@link BodyTooLargeError}. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError(`body over ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError(`body over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
