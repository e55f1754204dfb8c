import { Events, type Client, type ClientOptions } from 'discord.js';
import { once } from 'node:events';
import { commands as allCommands, commandSections } from '../commands/index.js';
import { Accounts } from './accounts.js';
import type { Config } from './config.js';
import type { Command, CommandContext } from './discord/command.js';
import { createDiscordClient } from './discord/client.js';
import { handleDirectMessage } from './discord/dm-link.js';
import { commandDefinitions } from './discord/register.js';
import { createRouter } from './discord/router.js';
import { SessionStore } from './discord/sessions.js';
import { createLogger, type Logger } from './log.js';
import { PluralKitClient, pluralKitClientOptionsFromConfig } from './pluralkit/index.js';
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
  /** Disconnects from Discord and closes the store. Safe to call twice. */
  stop(): Promise<void>;
}

/** Builds the bot from its parts: the composition root, and the only place that wires them together. */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { config } = options;
  const log = options.log ?? createLogger({ level: config.logLevel });
  const commands = options.commands ?? allCommands;
  const pluralkit = options.pluralkit ?? new PluralKitClient(pluralKitClientOptionsFromConfig(config));
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
      helpSections: commandSections.map((section) => ({ title: section.title, names: section.commands.map((command) => command.data.name) })),
    },
    now: options.now ?? (() => new Date()),
  };
  const router = createRouter(commands, ctx, { deferAfterMs: options.deferAfterMs, supportUrl: config.supportUrl });

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => void handleDirectMessage(message, ctx));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));

  let stopped = false;
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
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
      if (options.vault === undefined) await vault.close();
    },
  };
}
