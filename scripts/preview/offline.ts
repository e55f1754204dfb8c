import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { commands as allCommands } from '../../commands/index.js';
import {
  discordClientOptions,
  startDiscordStandIn,
  type DiscordStandIn,
  type DiscordStandInOptions,
} from '../../stand-ins/discord/index.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';
import {
  startPluralKitStandIn,
  type PluralKitStandIn,
  type PluralKitStandInOptions,
} from '../../stand-ins/pluralkit/index.js';
import { createBot, type Bot } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Command } from '../../src/discord/command.js';
import { registerCommands } from '../../src/discord/register.js';
import { createLogger } from '../../src/log.js';
import { Keyring, TokenVault } from '../../src/vault/index.js';

/** Options for {@link startOffline}. */
export interface OfflineOptions {
  pluralkit?: PluralKitStandInOptions | undefined;
  discord?: DiscordStandInOptions | undefined;
  /** Use this PluralKit instead of the stand-in (e.g. the real API); the stand-in still starts for Discord-only runs. */
  pluralkitUrl?: string | undefined;
  /**
   * Extra environment for the bot's config (e.g. `PLURALKIT_CACHE_TTL_MS`). No rate is set here: the
   * client starts at the configured (or documented safe) rate and learns PluralKit's from its headers.
   */
  env?: Record<string, string> | undefined;
  deferAfterMs?: number | undefined;
  /** discord.js REST retries. @defaultValue 1 */
  restRetries?: number | undefined;
  /** Where the bot's JSON log lines go. */
  logDestination?: DestinationStream | undefined;
  logLevel?: string | undefined;
  /** Keyv store for linked tokens. @defaultValue 'memory:' */
  storeUrl?: string | undefined;
  commands?: readonly Command[] | undefined;
  /**
   * How interactions reach the bot: over the gateway, or (`http`) as signed webhooks to `POST /interactions`,
   * with the bot started as `--role http` (no gateway connection at all). @defaultValue 'gateway'
   */
  transport?: 'gateway' | 'http' | undefined;
}

/** The real bot running against the built-in stand-ins of Discord and PluralKit, all on 127.0.0.1. */
export interface Offline {
  readonly discord: DiscordStandIn;
  readonly pk: PluralKitStandIn;
  readonly bot: Bot;
  /** The configuration the bot was started with. */
  readonly config: Config;
  readonly vault: TokenVault;
  close(): Promise<void>;
}

/**
 * Starts both stand-ins, registers the commands and logs the real bot in. Shared by the end-to-end
 * tests, `npm run preview` and `npm run bench`, so all three exercise exactly the production wiring.
 */
export async function startOffline(options: OfflineOptions = {}): Promise<Offline> {
  const [discord, pk] = await Promise.all([
    startDiscordStandIn({ heartbeatIntervalMs: 500, ...options.discord }),
    startPluralKitStandIn(options.pluralkit),
  ]);
  const log = createLogger({ level: options.logLevel ?? 'debug', destination: options.logDestination });
  const config = loadConfig({
    DISCORD_API_URL: discord.apiBase,
    PLURALKIT_API_URL: options.pluralkitUrl ?? pk.url,
    STORE_URL: options.storeUrl ?? 'memory:',
    ...(options.transport === 'http' && { INTERACTIONS_PORT: '0', DISCORD_PUBLIC_KEY: discord.signer.publicKey }),
    ...options.env,
  });
  const key = randomBytes(32);
  rememberSecret(key.toString('base64'));
  const vault = await TokenVault.open({ keyring: new Keyring(key), storeUrl: config.storeUrl, log });
  const commands = options.commands ?? allCommands;
  const bot = await createBot({
    config,
    log,
    vault,
    commands,
    clientOptions: discordClientOptions(discord, { retries: options.restRetries ?? 1 }),
    deferAfterMs: options.deferAfterMs,
    role: options.transport === 'http' ? 'http' : 'all',
  });
  await registerCommands(commands, {
    token: discord.botToken,
    applicationId: discord.applicationId,
    apiUrl: discord.apiBase,
  });
  await bot.start(discord.botToken);
  if (bot.interactionsPort !== undefined)
    discord.setInteractionsEndpoint(`http://127.0.0.1:${bot.interactionsPort}/interactions`);
  return {
    discord,
    pk,
    bot,
    config,
    vault,
    async close() {
      await bot.stop();
      await vault.close();
      await Promise.all([discord.close(), pk.close()]);
    },
  };
}
