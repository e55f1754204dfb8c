import type { Logger } from '../log.js';
import type { SharedState } from '../pluralkit/shared.js';
import type { SharedRedis } from './connection.js';
import { RedisInvalidationBus } from './invalidation-bus.js';
import { RedisSingleFlight, type SingleFlightOptions } from './single-flight.js';

/** What one process shares of its PluralKit cache through Redis, and how to let go of it. */
export interface PluralKitSharing {
  /** The PluralKit client's `shared` constructor argument. */
  readonly shared: SharedState;
  /** Closes the invalidation subscriber (not `redis`, which its opener closes). */
  close(): Promise<void>;
}

/** Cache invalidation over pub/sub and single-flight public reads, both on the deployment's shared Redis. */
export function sharePluralKitCache(
  redis: SharedRedis,
  log: Logger,
  reads: SingleFlightOptions = {},
): PluralKitSharing {
  const invalidation = new RedisInvalidationBus(redis, log);
  return {
    shared: { invalidation, reads: new RedisSingleFlight(redis, log, reads) },
    close: () => invalidation.close(),
  };
}
