import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';
import { shelvedSessions, type SessionShelf, type SessionStore, type SessionStoreOptions } from './sessions.js';

/** Prefix of every session key in the shared Redis; the rest of the key is the session id. */
export const SessionKeyPrefix = 'pk-companion:session:';

/** Options for {@link redisSessions}. */
export interface RedisSessionOptions extends SessionStoreOptions {
  log: Logger;
  /** How long one Redis command may take (a paused Redis) before the click is told to retry. @defaultValue 2000 */
  timeoutMs?: number | undefined;
}

/**
 * Sessions in the shared Redis, so a click reaching any process finds the state another process saved. Each
 * session is one plain key whose TTL is the session's remaining life, so Redis forgets it when it expires.
 * While Redis is away (or does not answer in time) every operation fails at once with `SessionsUnavailable`,
 * which the router answers ephemerally.
 */
export function redisSessions(redis: SharedRedis, options: RedisSessionOptions): SessionStore {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const attempt = async <T>(what: string, command: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const running = command();
    try {
      return await Promise.race([running, timeout]);
    } catch (error) {
      running.catch(() => undefined);
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      options.log.warn({ err: { name, message }, what }, 'sessions: the shared Redis did not answer');
      throw new UserFacingError('SessionsUnavailable');
    } finally {
      clearTimeout(timer);
    }
  };
  const shelf: SessionShelf = {
    add: (id, text, expiresAt) =>
      attempt('add', async () => {
        const life = Math.max(1, expiresAt - (options.now ?? Date.now)());
        await redis.set(SessionKeyPrefix + id, text, { expiration: { type: 'PX', value: life } });
      }),
    replace: (id, text) =>
      attempt('save', async () => {
        // XX: a session that expired meanwhile stays gone; KEEPTTL: its life does not start again.
        await redis.set(SessionKeyPrefix + id, text, { condition: 'XX', expiration: 'KEEPTTL' });
      }),
    read: (id) =>
      attempt('read', async () => {
        const text = await redis.get(SessionKeyPrefix + id);
        return typeof text === 'string' ? text : undefined;
      }),
  };
  return shelvedSessions(shelf, options);
}
