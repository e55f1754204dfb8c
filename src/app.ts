import { Events, type Client, type ClientOptions } from 'discord.js';
import { once } from 'node:events';
import { commands as allCommands, commandSections } from '../commands/index.js';
import { Accounts } from './accounts.js';
import type { Config } from './config.js';
import type { Command, CommandContext } from './discord/command.js';
import { createDiscordClient } from './discord/client.js';
import { handleDirectMessage } from './discord/dm-link.js';
import { InFlight, type DrainResult } from './discord/in-flight.js';
import { commandDefinitions } from './discord/register.js';
import { createRouter } from './discord/router.js';
import { memorySessions } from './discord/memory-sessions.js';
import { redisSessions } from './discord/redis-sessions.js';
import { UserErrorMessages } from './errors.js';
import { serveHealth } from './http/health.js';
import { HttpService } from './http/server.js';
import { createLogger, type Logger } from './log.js';
import { BotMetrics } from './metrics.js';
import { PluralKitClient, pluralKitClientOptionsFromConfig } from './pluralkit/index.js';
import { connectSharedRedis } from './redis/connection.js';
import { sharePluralKitCache } from './redis/pluralkit-sharing.js';
import { withRequestId } from './request-id.js';
import { assertStoreServesProcesses, Keyring, TokenVault } from './vault/index.js';

/** What {@link createBot} needs; everything but `config` has a production default. */
export interface BotOptions {
  config: Config;
  log?: Logger | undefined;
  /** A ready vault (tests share one); otherwise opened from `config.storeUrl` and the configured keys. */
  vault?: TokenVault | undefined;
  pluralkit?: PluralKitClient | undefined;
  commands?: readonly Command[] | undefined;
  /** Extra discord.js options (tests: identify throttler, REST retries). */
  clientOptions?: Partial<ClientOptions> | undefined;
  /** Defer interactions with no answer after this long. @defaultValue 1200 */
  deferAfterMs?: number | undefined;
  now?: (() => Date) | undefined;
}

/** A wired bot: start it, stop it, and reach its parts (tests and the preview look inside). */
export interface Bot {
  readonly client: Client;
  readonly ctx: CommandContext;
  readonly vault: TokenVault;
  /** This bot's metrics (its own registry). */
  readonly metrics: BotMetrics;
  /** The port `/healthz`, `/readyz` and `/metrics` are served on once started; undefined without `HEALTH_PORT`. */
  healthPort(): number | undefined;
  /** Logs in and resolves once Discord says the bot is ready. */
  start(token: string): Promise<void>;
  /**
   * Shuts down: with `graceMs`, first stops taking new work and finishes (or answers) what is in flight within
   * that bound; then disconnects from Discord and closes the PluralKit limiters and the store it opened.
   * Safe to call twice; resolves with what the drain did.
   */
  stop(options?: StopOptions): Promise<DrainResult>;
}

/** Options for {@link Bot.stop}. */
export interface StopOptions {
  /** How long in-flight interactions get to finish or be answered; omitted, nothing is waited for. */
  graceMs?: number | undefined;
}

/** Builds the bot from its parts: the composition root, and the only place that wires them together. */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { config } = options;
  // Before anything is opened: a store only this process can read cannot serve several.
  if (options.vault === undefined) assertStoreServesProcesses(config.storeUrl, config.processes);
  const log = options.log ?? createLogger({ level: config.logLevel, pretty: config.logPretty });
  const commands = options.commands ?? allCommands;
  const metrics = new BotMetrics();
  const redis = config.redisUrl === undefined ? undefined : connectSharedRedis(config.redisUrl, log);
  const sharing =
    redis === undefined || options.pluralkit !== undefined
      ? undefined
      : sharePluralKitCache(redis, log, { answerTtlMs: config.pluralkit.cacheTtlMs });
  const pluralkit =
    options.pluralkit ??
    new PluralKitClient(pluralKitClientOptionsFromConfig(config), {
      observer: metrics.pluralKitObserver(log),
      shared: sharing?.shared,
    });
  const vault =
    options.vault ??
    (await TokenVault.open({ keyring: Keyring.fromConfig(config.tokenKeys), storeUrl: config.storeUrl, log }));
  vault.observeFailures((operation) => metrics.storeError(operation));
  const client = createDiscordClient({ apiUrl: config.discordApiUrl, overrides: options.clientOptions });

  const localSessions = redis === undefined ? memorySessions() : undefined;
  const sessions = localSessions ?? redisSessions(redis!, { log });
  const ctx: CommandContext = {
    pluralkit,
    accounts: new Accounts(vault, pluralkit, log),
    sessions,
    log,
    bot: {
      applicationId: () => client.application?.id,
      commands: commandDefinitions(commands),
      helpSections: commandSections.map((section) => ({
        title: section.title,
        names: section.commands.map((command) => command.data.name),
      })),
    },
    now: options.now ?? (() => new Date()),
  };
  metrics.watch({
    limiterQueued: () => pluralkit.rateLimitState.queued,
    sessionsLive: localSessions && (() => localSessions.size),
  });
  const inFlight = new InFlight();
  const router = createRouter(commands, ctx, {
    deferAfterMs: options.deferAfterMs,
    supportUrl: config.supportUrl,
    inFlight,
    metrics,
  });
  let stopping: Promise<DrainResult> | undefined;
  const health =
    config.healthPort === undefined
      ? undefined
      : serveHealth(new HttpService(log), {
          checks: {
            gateway: () => client.isReady(),
            store: () => vault.reachable(),
            ...(redis === undefined ? {} : { redis: async () => redis.isReady && (await redis.ping()) === 'PONG' }),
          },
          draining: () => stopping !== undefined,
          metrics: async () => ({ contentType: metrics.registry.contentType, text: await metrics.text() }),
        });
  let healthPort: number | undefined;

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => {
    const restarting = () =>
      message.reply({ content: UserErrorMessages.Restarting(), allowedMentions: { parse: [] } }).then(() => undefined);
    const reply =
      inFlight.draining && !message.author.bot && !message.inGuild()
        ? restarting
        : () => handleDirectMessage(message, ctx);
    void withRequestId(message.id, () =>
      inFlight.run(() =>
        reply().catch((error: unknown) => log.warn({ err: error, user: message.author.id }, 'could not answer a DM')),
      ),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));

  // `/readyz` says 503 from the moment `stop` is called (`stopping` is set), before the drain begins.
  const shutDown = async (graceMs: number | undefined): Promise<DrainResult> => {
    const drained = graceMs === undefined ? { finished: 0, answered: 0 } : await inFlight.drain(graceMs);
    await client.destroy();
    if (options.pluralkit === undefined) await pluralkit.close();
    if (options.vault === undefined) await vault.close();
    await sharing?.close();
    // A client still reconnecting has nothing to flush: close() would wait for a connection that may never come.
    if (redis?.isReady === true) await redis.close();
    else redis?.destroy();
    await health?.close();
    return drained;
  };
  return {
    client,
    ctx,
    vault,
    metrics,
    healthPort: () => healthPort,
    async start(token) {
      if (health !== undefined && config.healthPort !== undefined) {
        healthPort = await health.listen(config.healthPort);
        log.info({ port: healthPort }, 'health and metrics listening');
      }
      const ready = once(client, Events.ClientReady);
      await client.login(token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'ready');
    },
    stop(stopOptions = {}) {
      stopping ??= shutDown(stopOptions.graceMs);
      return stopping;
    },
  };
}
