import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';
import { PluralKitClient, type PluralKitClientParts } from './client.js';
import { pluralKitClientOptionsFromConfig } from './options.js';
import { RedisRateModel } from './redis-rate-model.js';

/**
 * The bot's PluralKit client: with the shared Redis (`REDIS_URL`), its rate budgets live there and every
 * process keeps to them together; without, they live in this process, as for a single process. `parts` adds
 * the observer and the shared cache.
 */
export function pluralKitClientFromConfig(
  config: Config,
  log: Logger,
  redis?: SharedRedis,
  parts: Omit<PluralKitClientParts, 'rateModel'> = {},
): PluralKitClient {
  const options = pluralKitClientOptionsFromConfig(config);
  if (redis === undefined) return new PluralKitClient(options, parts);
  const settings = {
    ratePerSecond: config.pluralkit.ratePerSecond,
    followRateHeaders: config.pluralkit.followRateHeaders,
  };
  const rateModel = new RedisRateModel({ redis, settings, processes: config.processes, log });
  return new PluralKitClient(options, { ...parts, rateModel });
}
