import { Events } from 'discord.js';
import { once } from 'node:events';
import { commands as allCommands, commandSections } from '../commands/index.js';
import { Accounts } from './accounts.js';
import type { Bot, BotOptions } from './bot.js';
import { ConfigError } from './config.js';
import type { CommandContext } from './discord/command.js';
import { createDiscordClient } from './discord/client.js';
import { handleClientEvents } from './discord/client-events.js';
import { InFlight, type DrainResult } from './discord/in-flight.js';
import { memorySessions } from './discord/memory-sessions.js';
import { redisSessions } from './discord/redis-sessions.js';
import { commandDefinitions } from './discord/register.js';
import { createRouter } from './discord/router.js';
import { WebhookInteractions } from './discord/webhook-interactions.js';
import { serveHealth } from './http/health.js';
import { interactionsEndpoint } from './http/interactions-endpoint.js';
import { Listeners } from './http/listeners.js';
import { ed25519PublicKey } from './http/signature.js';
import { AnnounceListener } from './features/announce-listener.js';
import { FrontSyncListener } from './features/frontsync-listener.js';
import { remindOnSwitch } from './features/remind-on-switch.js';
import { ChangeClaims } from './live/change-claims.js';
import { dispatchEndpoint } from './live/dispatch-endpoint.js';
import { FrontChanges } from './live/front-changes.js';
import { DispatchPathPrefix, LiveHooks } from './live/hooks.js';
import { LiveEvents } from './live/live-events.js';
import { createLogger } from './log.js';
import { BotMetrics } from './metrics.js';
import { pluralKitClientFromConfig } from './pluralkit/from-config.js';
import { connectSharedRedis } from './redis/connection.js';
import { sharePluralKitCache } from './redis/pluralkit-sharing.js';
import { SettingsStore } from './settings/store.js';
import { assertStoreServesProcesses, Keyring, TokenVault } from './vault/index.js';

export type { Bot, BotOptions, StopOptions } from './bot.js';

/** Builds the bot from its parts: the composition root, and the only place that wires them together. */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { config } = options;
  const role = options.role ?? 'all';
  const servesWebhooks = role === 'http' || (role === 'all' && config.interactionsPort !== undefined);
  // Before anything is opened: a store only this process can read cannot serve several.
  if (options.vault === undefined) assertStoreServesProcesses(config.storeUrl, config.processes);
  if (servesWebhooks && config.discordPublicKey === undefined) {
    throw new ConfigError(["DISCORD_PUBLIC_KEY: required to check Discord's signature on interaction webhooks"]);
  }
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
    pluralKitClientFromConfig(config, log, redis, {
      observer: metrics.pluralKitObserver(log),
      shared: sharing?.shared,
    });
  const vault =
    options.vault ??
    (await TokenVault.open({ keyring: Keyring.fromConfig(config.tokenKeys), storeUrl: config.storeUrl, log }));
  vault.observeFailures((operation) => metrics.storeError(operation));
  const settings =
    options.settings ??
    (options.vault === undefined ? await SettingsStore.open(config.storeUrl, log) : await SettingsStore.memory(log));
  const client = createDiscordClient({ apiUrl: config.discordApiUrl, overrides: options.clientOptions });
  const webhooks = servesWebhooks ? new WebhookInteractions(client) : undefined;

  const localSessions = redis === undefined ? memorySessions() : undefined;
  const ctx: CommandContext = {
    pluralkit,
    accounts: new Accounts(vault, pluralkit, log),
    sessions: localSessions ?? redisSessions(redis!, { log }),
    settings,
    live: new LiveHooks(settings, vault, config.publicUrl),
    log,
    bot: {
      applicationId: () => client.application?.id ?? webhooks?.applicationId ?? config.discordApplicationId,
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
  const frontChanges = new FrontChanges(log);
  const claims = new ChangeClaims(settings, redis, log);
  frontChanges.add(new AnnounceListener({ rest: client.rest, settings, once: claims, log }));
  frontChanges.add(new FrontSyncListener({ rest: client.rest, ctx, botId: () => ctx.bot.applicationId() }));
  frontChanges.add(remindOnSwitch({ settings, claims, rest: client.rest, log }));
  const liveEvents = new LiveEvents({
    pluralkit,
    accounts: ctx.accounts,
    settings,
    frontChanges,
    once: claims,
    log,
    coalesceMs: config.liveCoalesceMs,
    now: ctx.now,
  });
  const inFlight = new InFlight();
  const router = createRouter(commands, ctx, {
    deferAfterMs: options.deferAfterMs,
    supportUrl: config.supportUrl,
    inFlight,
    metrics,
  });
  handleClientEvents(client, { router, inFlight, ctx, log });

  let stopping: Promise<DrainResult> | undefined;
  const listeners = new Listeners(log, {
    health: config.healthPort,
    interactions: servesWebhooks ? (config.interactionsPort ?? 0) : undefined,
    dispatch: role === 'gateway' ? undefined : config.dispatchPort,
  });
  const health = listeners.for('health');
  if (health !== undefined) {
    serveHealth(health, {
      checks: {
        // `--role http` has no gateway: it is ready once its webhook listener is.
        ...(role === 'http' ? { listener: () => listeners.listening } : { gateway: () => client.isReady() }),
        store: () => vault.reachable(),
        ...(redis === undefined ? {} : { redis: async () => redis.isReady && (await redis.ping()) === 'PONG' }),
      },
      // `/readyz` says 503 from the moment `stop` is called, before the drain begins.
      draining: () => stopping !== undefined,
      metrics: async () => ({ contentType: metrics.registry.contentType, text: await metrics.text() }),
    });
  }
  if (webhooks !== undefined) {
    const publicKey = ed25519PublicKey(config.discordPublicKey!);
    listeners
      .for('interactions')
      ?.route(
        'POST',
        '/interactions',
        interactionsEndpoint({ publicKey, log, deliver: (data) => webhooks.deliver(data) }),
      );
  }

  listeners
    .for('dispatch')
    ?.routePrefix(
      'POST',
      DispatchPathPrefix,
      dispatchEndpoint({ hooks: ctx.live, log, deliver: (hook, handling) => liveEvents.take(hook, handling) }),
    );

  const shutDown = async (graceMs: number | undefined): Promise<DrainResult> => {
    const drained = graceMs === undefined ? { finished: 0, answered: 0 } : await inFlight.drain(graceMs);
    liveEvents.close();
    await client.destroy();
    if (options.pluralkit === undefined) await pluralkit.close();
    if (redis?.isOpen === true) redis.destroy();
    if (options.vault === undefined) await vault.close();
    if (options.settings === undefined) await settings.close();
    await sharing?.close();
    // A client still reconnecting has nothing to flush: close() would wait for a connection that may never come.
    if (redis?.isReady === true) await redis.close();
    else if (redis?.isOpen === true) redis.destroy();
    await listeners.close();
    return drained;
  };
  return {
    client,
    ctx,
    vault,
    metrics,
    frontChanges,
    get healthPort() {
      return listeners.boundPort('health');
    },
    get interactionsPort() {
      return listeners.boundPort('interactions');
    },
    get dispatchPort() {
      return listeners.boundPort('dispatch');
    },
    async start(token) {
      // Webhook interactions answer over REST, which needs the token even without a gateway connection.
      if (webhooks !== undefined) client.rest.setToken(token);
      await listeners.listen();
      if (role === 'http') return;
      const ready = once(client, Events.ClientReady);
      await client.login(token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, role }, 'ready');
    },
    stop(stopOptions = {}) {
      stopping ??= shutDown(stopOptions.graceMs);
      return stopping;
    },
  };
}
