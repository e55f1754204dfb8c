import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from '../log.js';
import { BodyTooLargeError, readBody, type RouteHandler } from './server.js';
import { verifyInteractionSignature } from './signature.js';

/**
 * The largest interaction body taken. Discord sends no size; the biggest real ones are message context menus,
 * whose resolved message (2000 characters, 10 embeds of 6000, components) stays well under this.
 */
export const MaxInteractionBodyBytes = 1024 * 1024;

/**
 * How far a signed timestamp may be from our clock. Discord names no window; five minutes is the usual choice
 * for signed webhooks, and refusing older ones stops a captured request from being replayed later.
 */
export const MaxTimestampSkewSeconds = 300;

/** Options for {@link interactionsEndpoint}. */
export interface InteractionsEndpointOptions {
  /** The application's public key (`DISCORD_PUBLIC_KEY`). */
  publicKey: KeyObject;
  /**
   * Hands a verified, non-PING interaction to the bot; resolves once it has been answered through the
   * callback endpoint (or could not be), false if the bot does not handle that kind of interaction at all.
   */
  deliver(interaction: APIInteraction): Promise<boolean>;
  log: Logger;
  /** Unix ms. @defaultValue Date.now */
  now?: (() => number) | undefined;
}

function send(res: ServerResponse, status: number, body?: object): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * `POST /interactions`: Discord's outgoing interaction webhook. In order: the body is read within its bound
 * (413 past it), the Ed25519 signature over timestamp + body is checked (401, before the body is even parsed),
 * a timestamp too far from now is refused (401), then `PING` gets `PONG` and every other interaction goes to
 * the bot. The bot answers through the callback endpoint, exactly as over the gateway, so per Discord's docs
 * the webhook itself then gets `202` with no body.
 */
export function interactionsEndpoint(options: InteractionsEndpointOptions): RouteHandler {
  const now = options.now ?? Date.now;
  return async (req, res) => {
    let body: Buffer;
    try {
      body = await readBody(req, MaxInteractionBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return send(res, 413, { message: 'body too large' });
    }
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyInteractionSignature(options.publicKey, header(req, 'x-signature-ed25519'), timestamp, body)) {
      return send(res, 401, { message: 'invalid request signature' });
    }
    const sentAt = Number(timestamp) * 1000;
    if (!Number.isFinite(sentAt) || Math.abs(now() - sentAt) > MaxTimestampSkewSeconds * 1000) {
      options.log.warn({ timestamp }, 'refused a signed interaction with a stale timestamp');
      return send(res, 401, { message: 'stale request timestamp' });
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return send(res, 400, { message: 'body is not JSON' });
    }
    if (interaction.type === InteractionType.Ping) return send(res, 200, { type: InteractionResponseType.Pong });
    const handled = await options.deliver(interaction);
    send(res, handled ? 202 : 400, handled ? undefined : { message: 'unsupported interaction' });
  };
}
