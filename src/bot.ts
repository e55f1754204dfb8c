import type { Client, ClientOptions } from 'discord.js';
import type { Config } from './config.js';
import type { Command, CommandContext } from './discord/command.js';
import type { DrainResult } from './discord/in-flight.js';
import type { FrontChanges } from './live/front-changes.js';
import type { Logger } from './log.js';
import type { BotMetrics } from './metrics.js';
import type { PluralKitClient } from './pluralkit/index.js';
import type { SettingsStore } from './settings/store.js';
import type { Role } from './start-options.js';
import type { TokenVault } from './vault/index.js';

/** What `createBot` needs; everything but `config` has a production default. */
export interface BotOptions {
  config: Config;
  log?: Logger | undefined;
  /** A ready vault (tests share one); otherwise opened from `config.storeUrl` and the configured keys. */
  vault?: TokenVault | undefined;
  pluralkit?: PluralKitClient | undefined;
  /**
   * A ready settings store; otherwise opened in `config.storeUrl` (in memory when a test passes its own `vault`).
   */
  settings?: SettingsStore | undefined;
  commands?: readonly Command[] | undefined;
  /** Extra discord.js options (tests: identify throttler, REST retries). */
  clientOptions?: Partial<ClientOptions> | undefined;
  /** Defer interactions with no answer after this long. @defaultValue 1200 */
  deferAfterMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** Which parts run (`npm start -- --role`); see `StartOptions.role`. @defaultValue 'all' */
  role?: Role | undefined;
}

/** A wired bot: start it, stop it, and reach its parts (tests and the preview look inside). */
export interface Bot {
  readonly client: Client;
  readonly ctx: CommandContext;
  readonly vault: TokenVault;
  /** This bot's metrics (its own registry). */
  readonly metrics: BotMetrics;
  /** Where settled front changes are published, and the features that follow the front listen. */
  readonly frontChanges: FrontChanges;
  /** The port `/healthz`, `/readyz` and `/metrics` are served on once started; undefined without `HEALTH_PORT`. */
  readonly healthPort: number | undefined;
  /** The port `POST /interactions` is served on once started, when this process serves interaction webhooks. */
  readonly interactionsPort: number | undefined;
  /** The port `POST /pluralkit/dispatch/<id>` is served on once started; undefined without `DISPATCH_PORT`. */
  readonly dispatchPort: number | undefined;
  /**
   * Starts the HTTP listeners this process has, then (unless `--role http`, which never connects to the
   * gateway and only gives discord.js the token for REST) logs in and resolves once Discord says it is ready.
   */
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
