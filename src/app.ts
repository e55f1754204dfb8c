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
import { SessionStore } from './discord/sessions.js';
import { UserErrorMessages } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { pluralKitClientFromConfig } from './pluralkit/from-config.js';
import type { PluralKitClient } from './pluralkit/index.js';
import { connectSharedRedis } from './redis/connection.js';
import { Keyring, TokenVault } from './vault/index.js';

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
  const log = options.log ?? createLogger({ level: config.logLevel });
  const commands = options.commands ?? allCommands;
  const redis =
    options.pluralkit === undefined && config.redisUrl !== undefined
      ? connectSharedRedis(config.redisUrl, log)
      : undefined;
  const pluralkit = options.pluralkit ?? pluralKitClientFromConfig(config, log, redis);
  const vault =
    options.vault ??
    (await TokenVault.open({ keyring: Keyring.fromConfig(config.tokenKeys), storeUrl: config.storeUrl, log }));
  const client = createDiscordClient({ apiUrl: config.discordApiUrl, overrides: options.clientOptions });

  const ctx: CommandContext = {
    pluralkit,
    accounts: new Accounts(vault, pluralkit, log),
    sessions: new SessionStore(),
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
  const inFlight = new InFlight();
  const router = createRouter(commands, ctx, {
    deferAfterMs: options.deferAfterMs,
    supportUrl: config.supportUrl,
    inFlight,
  });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => {
    const restarting = () =>
      message.reply({ content: UserErrorMessages.Restarting(), allowedMentions: { parse: [] } }).then(() => undefined);
    const reply =
      inFlight.draining && !message.author.bot && !message.inGuild()
        ? restarting
        : () => handleDirectMessage(message, ctx);
    void inFlight.run(() =>
      reply().catch((error: unknown) => log.warn({ err: error, user: message.author.id }, 'could not answer a DM')),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));

  let stopping: Promise<DrainResult> | undefined;
  const shutDown = async (graceMs: number | undefined): Promise<DrainResult> => {
    const drained = graceMs === undefined ? { finished: 0, answered: 0 } : await inFlight.drain(graceMs);
    await client.destroy();
    if (options.pluralkit === undefined) await pluralkit.close();
    if (redis?.isOpen === true) redis.destroy();
    if (options.vault === undefined) await vault.close();
    return drained;
  };
  return {
    client,
    ctx,
    vault,
    async start(token) {
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
