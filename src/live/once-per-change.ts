import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';

/** Claims a front change, so that it is published once however many processes read it. */
export interface OncePerChange {
  /** True for the first caller with `key` (in every process sharing the claim), false for the rest. */
  claim(key: string): Promise<boolean>;
}

/** How long a claim is remembered: far longer than any replay or reordering of PluralKit's events. */
const ClaimTtlSeconds = 24 * 60 * 60;
const MaxLocalClaims = 10_000;

/** Claims in this process only (no `REDIS_URL`): a bounded set, oldest forgotten first. */
export function localOncePerChange(): OncePerChange {
  const claimed = new Set<string>();
  return {
    claim(key) {
      if (claimed.has(key)) return Promise.resolve(false);
      claimed.add(key);
      if (claimed.size > MaxLocalClaims) claimed.delete(claimed.values().next().value!);
      return Promise.resolve(true);
    },
  };
}

/**
 * Claims shared over Redis with `SET NX`. While Redis is away it falls back to this process's claims (a change
 * might then be published by two processes, never by none).
 */
export function redisOncePerChange(redis: SharedRedis, log: Logger): OncePerChange {
  const local = localOncePerChange();
  return {
    async claim(key) {
      try {
        const set = await redis.set(`pk-companion:live:change:${key}`, '1', { NX: true, EX: ClaimTtlSeconds });
        return set === 'OK';
      } catch (error) {
        log.warn({ err: { message: (error as Error).message } }, 'shared Redis away; claiming a front change locally');
        return local.claim(key);
      }
    },
  };
}
