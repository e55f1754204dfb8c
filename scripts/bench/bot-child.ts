/**
 * A bot process of its own for the bench (sections 2 and 8): the real bot from `createBot`, on the stand-ins
 * the parent runs, so what it measures here (CPU, resident memory) is the bot's alone. It talks over IPC:
 * `{ ready }` once logged in, then answers `'usage'` with its CPU time and memory, and `'stop'` by leaving.
 */
import { GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { createBot } from '../../src/app.js';
import { assertBotConfig, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

/** What the parent asks for (argv[2], JSON). */
export interface BotChildSpec {
  env: Record<string, string>;
  /** `[id, count]`: run as that shard. */
  shard?: [number, number] | undefined;
  /** Use discord.js's default caches and the Guilds intent (what the bot ran with before) instead of ours. */
  discordDefaults?: boolean | undefined;
}

/** The answer to `'usage'`. */
export interface BotChildUsage {
  cpuMs: number;
  rssMiB: number;
  heapUsedMiB: number;
  cachedGuilds: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as BotChildSpec;
const config = loadConfig(spec.env);
assertBotConfig(config);
const defaults: Partial<ClientOptions> = {
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
  makeCache: Options.cacheWithLimits(Options.DefaultMakeCacheSettings),
  sweepers: Options.DefaultSweeperSettings,
};
const bot = await createBot({
  config,
  log: createLogger({ level: config.logLevel }),
  clientOptions: {
    ...(spec.shard ? { shards: spec.shard[0], shardCount: spec.shard[1] } : {}),
    ...(spec.discordDefaults ? defaults : {}),
    // The stand-in needs no 5 s between IDENTIFYs.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  },
});
await bot.start(config.discordToken);
process.on('message', (message) => {
  if (message === 'stop') void bot.stop().then(() => process.exit(0));
  if (message !== 'usage') return;
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const usage: BotChildUsage = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: memory.rss / 2 ** 20,
    heapUsedMiB: memory.heapUsed / 2 ** 20,
    cachedGuilds: bot.client.guilds.cache.size,
  };
  process.send?.(usage);
});
process.send?.({ ready: true });
