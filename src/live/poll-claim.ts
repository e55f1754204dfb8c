import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';

/** Decides which process polls a system in a round. */
export interface PollClaim {
  /** True when this process should read `systemUuid`'s front now; false when another did within `forMs`. */
  claim(systemUuid: string, forMs: number): Promise<boolean>;
}

/** A single process (no `REDIS_URL`): it polls every system it is asked to. */
export const localPollClaim: PollClaim = { claim: () => Promise.resolve(true) };

/**
 * Processes sharing a Redis: `SET NX PX <interval>` per system, so exactly one process polls each system per
 * interval. While Redis is away each process polls (the change itself is still claimed once).
 */
export function redisPollClaim(redis: SharedRedis, log: Logger): PollClaim {
  return {
    async claim(systemUuid, forMs) {
      try {
        const set = await redis.set(`pk-companion:live:poll:${systemUuid}`, '1', { NX: true, PX: forMs });
        return set === 'OK';
      } catch (error) {
        log.warn({ err: { message: (error as Error).message } }, 'shared Redis away; polling a front locally');
        return true;
      }
    },
  };
}
