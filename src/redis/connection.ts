import { createClient, type RedisClientType } from '@redis/client';
import type { Logger } from '../log.js';

/** A connected client of the deployment's shared Redis (`REDIS_URL`). */
export type SharedRedis = RedisClientType;

/** Options for {@link connectSharedRedis}. */
export interface SharedRedisOptions {
  /** How long a connection attempt may take. @defaultValue 2000 */
  connectTimeoutMs?: number | undefined;
  /** Longest pause between reconnect attempts. @defaultValue 2000 */
  maxReconnectDelayMs?: number | undefined;
}

/**
 * Opens a client of the shared Redis that never gives up: it reconnects forever with a capped backoff, and
 * while Redis is away a command fails at once (no offline queue), so callers fall back instead of hanging.
 * Connection errors are logged once per outage, never with the URL (it may hold a password).
 *
 * Resolves as soon as the client exists, connected or not: a deployment whose Redis is down still starts, and
 * every user of the client treats a failed command as "Redis is away".
 */
export function connectSharedRedis(url: string, log: Logger, options: SharedRedisOptions = {}): SharedRedis {
  const maxDelay = options.maxReconnectDelayMs ?? 2_000;
  const client: SharedRedis = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      reconnectStrategy: (attempts) => Math.min(50 * 2 ** Math.min(attempts, 10), maxDelay),
    },
  });
  let away = false;
  client.on('error', (error: unknown) => {
    if (away) return;
    away = true;
    log.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'shared Redis unreachable');
  });
  client.on('ready', () => {
    if (away) log.info('shared Redis reachable again');
    away = false;
  });
  // The first connection may fail; the reconnect strategy keeps trying, and the error listener has logged it.
  client.connect().catch(() => undefined);
  return client;
}
