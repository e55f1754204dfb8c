import { REST } from '@discordjs/rest';
import { Routes, type RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { ShardingManager, type Shard } from 'discord.js';
import { once } from 'node:events';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { ShardCount } from '../start-options.js';

/** Discord lets one identify bucket start a session every 5 s; the spare half second absorbs jitter. */
const IdentifyIntervalMs = 5_500;
/** Beyond the children's own grace and forced exit, how long the manager waits before it kills them. */
const ManagerSlackMs = 7_000;

/** What {@link runShards} needs. */
export interface ShardRunOptions {
  config: Config & { discordToken: string };
  shards: ShardCount;
  /** The entry point each shard process runs (the bot's own `main`), with the same node flags as this one. */
  entry: string;
  log: Logger;
}

/**
 * `GET /gateway/bot` through `DISCORD_API_URL`. discord.js's own `fetchRecommendedShardCount` always asks
 * discord.com, which would size the shards of a bot aimed at a stand-in by the real Discord.
 */
export async function fetchGatewayBot(token: string, apiUrl: string | undefined): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST(apiUrl === undefined ? {} : { api: apiUrl }).setToken(token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

/**
 * Runs every shard in its own process under discord.js's ShardingManager and stays as their parent: it
 * respawns a shard that dies, and on SIGTERM/SIGINT asks every shard to drain (each answers its own
 * interactions in flight) and exits 0 once all of them did. Resolves once every shard is ready.
 */
export async function runShards(options: ShardRunOptions): Promise<void> {
  const { config, log } = options;
  const gateway = await fetchGatewayBot(config.discordToken, config.discordApiUrl);
  const count = options.shards === 'auto' ? gateway.shards : options.shards;
  const starts = gateway.session_start_limit;
  if (starts.remaining < count)
    throw new Error(
      `Discord allows ${starts.remaining} more session starts today (resets in ${Math.ceil(starts.reset_after / 60_000)} min), fewer than the ${count} shards asked for.`,
    );
  const manager = new ShardingManager(options.entry, {
    totalShards: count,
    token: config.discordToken,
    mode: 'process',
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    // Every shard process is one of the processes sharing the PluralKit budget.
    (shard.env as Record<string, string>)['PROCESSES'] = String(Math.max(config.processes, count));
    watchShard(shard, log);
  });
  const stop = stopOnSignal(manager, config.shutdownGraceMs + 5_000 + ManagerSlackMs, log);
  log.info({ shards: count, recommended: gateway.shards, maxConcurrency: starts.max_concurrency }, 'starting shards');
  try {
    // Shards in one identify bucket (id mod max_concurrency) must start 5 s apart; consecutive ids are in different buckets.
    await manager.spawn({
      amount: count,
      delay: Math.ceil(IdentifyIntervalMs / starts.max_concurrency),
      timeout: 60_000,
    });
  } catch (error) {
    if (stop.stopping) return;
    for (const shard of manager.shards.values()) if (shard.process) shard.kill();
    throw error;
  }
  log.info({ shards: count }, 'all shards ready');
}

function watchShard(shard: Shard, log: Logger): void {
  shard.on('ready', () => log.info({ shard: shard.id }, 'shard ready'));
  shard.on('death', () => {
    if (shard.manager.respawn) log.warn({ shard: shard.id }, 'shard process exited; starting it again');
  });
  shard.on('error', (error) => log.error({ err: error, shard: shard.id }, 'shard error'));
}

/** On the first signal every shard drains; a second signal, or a shard that hangs past the bound, is killed. */
function stopOnSignal(manager: ShardingManager, boundMs: number, log: Logger): { readonly stopping: boolean } {
  const state = { stopping: false };
  const killAll = (): void => {
    for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL');
  };
  const stop = (signal: NodeJS.Signals): void => {
    if (state.stopping) {
      killAll();
      process.exit(1);
    }
    state.stopping = true;
    manager.respawn = false;
    log.info({ signal }, 'shutting down: every shard finishes its interactions in flight');
    setTimeout(() => {
      log.error('a shard did not exit in time; killing it');
      killAll();
      process.exit(1);
    }, boundMs).unref();
    const exits = [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return child?.exitCode ?? 0;
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill('SIGTERM');
      return (await exited)[0];
    });
    void Promise.all(exits).then((codes) => {
      log.info({ codes }, 'shut down');
      process.exit(codes.every((code) => code === 0) ? 0 : 1);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return state;
}
