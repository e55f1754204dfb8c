import { Writable } from 'node:stream';
import type { APIInteraction, APIUser } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { Bot } from '../../src/app.js';
import { startOffline } from '../../scripts/preview/offline.js';
import type {
  DiscordStandIn,
  DiscordStandInOptions,
  InteractionContextOptions,
  InteractionHandle,
} from '../../stand-ins/discord/index.js';
import type { PluralKitStandIn, PluralKitStandInOptions } from '../../stand-ins/pluralkit/index.js';

/** Options for {@link startHarness}. */
export interface HarnessOptions {
  pluralkit?: PluralKitStandInOptions;
  discord?: DiscordStandInOptions;
  /** Extra environment for the bot's config (e.g. `PLURALKIT_CACHE_TTL_MS`). */
  env?: Record<string, string>;
  deferAfterMs?: number;
  /** discord.js REST retries (default 1, so 5xx tests stay quick). */
  restRetries?: number;
  /** Token store (`STORE_URL`). @defaultValue 'memory:' */
  storeUrl?: string;
  /** Gateway (default) or signed HTTP webhooks to a `--role http` bot. */
  transport?: 'gateway' | 'http';
}

/** What a file that provokes them on purpose expects `finish` to find. */
export interface FinishExpectations {
  /** Requests Discord counts as invalid (401, 403, 429) that the file provokes on purpose (default 0). */
  invalidRequests?: number;
}

/** Both stand-ins and the real bot wired to them, as a user would meet it. */
export interface Harness {
  readonly discord: DiscordStandIn;
  readonly pk: PluralKitStandIn;
  readonly bot: Bot;
  /** Every log line the bot wrote, raw JSON. */
  readonly logs: string[];
  /** Dispatches a slash command as `ctx.user` (default alice, in the guild). */
  command(
    name: string,
    options?: Record<string, string | number | boolean>,
    ctx?: InteractionContextOptions,
  ): InteractionHandle;
  dispatch(payload: APIInteraction): InteractionHandle;
  /** Links `user` to `token` through the bot's real linking path (token checked against PK). */
  link(user: APIUser, token: string): Promise<void>;
  /** Fails the test if any token the stand-ins issued appears in a log line or a request to Discord. */
  assertNoTokenLeaked(): void;
  /**
   * The checks every end-to-end file ends with, then `close`: Discord would have accepted every body the
   * bot sent, the bot called no route Discord doesn't have, it made no more invalid requests (401/403/429)
   * than the file provokes on purpose, and no token leaked.
   */
  finish(expected?: FinishExpectations): Promise<void>;
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
  const { lines, stream } = captureLines();
  const offline = await startOffline({ ...options, logDestination: stream, logLevel: 'debug' });

  const { discord, pk, bot } = offline;
  const current = (): string[] => [...pk.state.systems.values()].flatMap((system) => [system.token, ...system.apiKeys]);
  // Tokens refreshed during a test must stay secret too: remember every one ever issued.
  const issued = new Set([...current(), discord.botToken]);
  const secrets = (): string[] => {
    for (const token of current()) issued.add(token);
    return [...issued];
  };

  const assertNoTokenLeaked = (): void => {
    const haystacks = [
      ...lines,
      ...discord.requests.map((request) => JSON.stringify(request.body ?? null)),
      ...discord.requests.map((request) => request.path),
      ...discord.requests.flatMap((request) => request.files.map((file) => file.data.toString('utf8'))),
    ];
    for (const secret of secrets()) {
      const leaks = haystacks.filter((text) => text.includes(secret));
      expect(leaks, 'a token leaked into a log line or a request to Discord').toEqual([]);
    }
  };

  return {
    discord,
    pk,
    bot,
    logs: lines,
    command: (name, commandOptions = {}, ctx) =>
      discord.dispatchInteraction(discord.chatInput(name, commandOptions, ctx)),
    dispatch: (payload) => discord.dispatchInteraction(payload),
    async link(user, token) {
      await bot.ctx.accounts.link(user.id, token);
    },
    assertNoTokenLeaked,
    async finish(expected = {}) {
      expect(discord.rejectedBodies, 'bodies Discord would reject').toEqual([]);
      expect(discord.unknownRoutes, 'routes Discord does not have').toEqual([]);
      expect(discord.refusedWebhookAnswers, 'webhook answers Discord would refuse').toEqual([]);
      const invalid = discord.invalidRequests.map(
        (r) => `${r.method} ${r.path.replace(/\/[\w-]{60,}/, '/:token')} → ${r.status}`,
      );
      expect(invalid, 'requests Discord counts toward its invalid-request limit').toHaveLength(
        expected.invalidRequests ?? 0,
      );
      assertNoTokenLeaked();
      await offline.close();
    },
    close: () => offline.close(),
  };
}
