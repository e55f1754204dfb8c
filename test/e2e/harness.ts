import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { APIInteraction, APIUser } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { commands } from '../../commands/index.js';
import { createBot, type Bot } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { registerCommands } from '../../src/discord/register.js';
import { createLogger } from '../../src/log.js';
import { Keyring, TokenVault } from '../../src/vault/index.js';
import {
  discordClientOptions,
  startDiscordStandIn,
  type DiscordStandIn,
  type DiscordStandInOptions,
  type InteractionContextOptions,
  type InteractionHandle,
} from '../stand-ins/discord/index.js';
import {
  startPluralKitStandIn,
  type PluralKitStandIn,
  type PluralKitStandInOptions,
} from '../stand-ins/pluralkit/index.js';

/** Options for {@link startHarness}. */
export interface HarnessOptions {
  pluralkit?: PluralKitStandInOptions;
  discord?: DiscordStandInOptions;
  /** Extra environment for the bot's config (e.g. `PLURALKIT_CACHE_TTL_MS`). */
  env?: Record<string, string>;
  deferAfterMs?: number;
  /** discord.js REST retries (default 1, so 5xx tests stay quick). */
  restRetries?: number;
}

/** Both stand-ins and the real bot wired to them, as a user would meet it. */
export interface Harness {
  readonly discord: DiscordStandIn;
  readonly pk: PluralKitStandIn;
  readonly bot: Bot;
  /** Every log line the bot wrote, raw JSON. */
  readonly logs: string[];
  /** Dispatches a slash command as `ctx.user` (default alice, in the guild). */
  command(name: string, options?: Record<string, string | number | boolean>, ctx?: InteractionContextOptions): InteractionHandle;
  dispatch(payload: APIInteraction): InteractionHandle;
  /** Links `user` to `token` through the bot's real linking path (token checked against PK). */
  link(user: APIUser, token: string): Promise<void>;
  /** Fails the test if any token the stand-ins issued appears in a log line or a request to Discord. */
  assertNoTokenLeaked(): void;
  close(): Promise<void>;
}

function captureLines(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

/** Starts the stand-ins, registers the commands, and logs the bot in. Close it in `afterAll`/`afterEach`. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const [discord, pk] = await Promise.all([
    startDiscordStandIn({ heartbeatIntervalMs: 500, ...options.discord }),
    startPluralKitStandIn(options.pluralkit),
  ]);
  const { lines, stream } = captureLines();
  const log = createLogger({ level: 'debug', destination: stream });
  const config = loadConfig({
    DISCORD_API_URL: discord.apiBase,
    PLURALKIT_API_URL: pk.url,
    PLURALKIT_RATE_PER_SECOND: '10',
    STORE_URL: 'memory:',
    ...options.env,
  });
  const vault = await TokenVault.open({ keyring: new Keyring(randomBytes(32)), storeUrl: 'memory:', log });
  const bot = await createBot({
    config,
    log,
    vault,
    clientOptions: discordClientOptions(discord, { retries: options.restRetries ?? 1 }),
    deferAfterMs: options.deferAfterMs,
  });
  await registerCommands(commands, { token: discord.botToken, applicationId: discord.applicationId, apiUrl: discord.apiBase });
  await bot.start(discord.botToken);

  const secrets = (): string[] => {
    const tokens = [...pk.state.systems.values()].flatMap((system) => [system.token, ...system.apiKeys]);
    return [...tokens, discord.botToken];
  };

  return {
    discord,
    pk,
    bot,
    logs: lines,
    command: (name, commandOptions = {}, ctx) => discord.dispatchInteraction(discord.chatInput(name, commandOptions, ctx)),
    dispatch: (payload) => discord.dispatchInteraction(payload),
    async link(user, token) {
      await bot.ctx.accounts.link(user.id, token);
    },
    assertNoTokenLeaked() {
      const haystacks = [
        ...lines,
        ...discord.requests.map((request) => JSON.stringify(request.body ?? null)),
        ...discord.requests.map((request) => request.path),
      ];
      for (const secret of secrets()) {
        const leaks = haystacks.filter((text) => text.includes(secret));
        expect(leaks, 'a token leaked into a log line or a request to Discord').toEqual([]);
      }
    },
    async close() {
      await bot.stop();
      await vault.close();
      await Promise.all([discord.close(), pk.close()]);
    },
  };
}
