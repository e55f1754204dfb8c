/** Real bot processes (`src/main.ts` in children) sharing one Discord stand-in, one PluralKit stand-in and one Redis. */
import { expect } from 'vitest';
import { childBotEnv } from './child-bot-env.js';
import { startDiscordStandIn, type DiscordStandIn, type InteractionHandle } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTypeScriptEntry, type Child } from './child-process.js';

/** One deployment: the stand-ins, its Redis, and the bot processes started so far. */
export interface Deployment {
  readonly discord: DiscordStandIn;
  readonly pk: PluralKitStandIn;
  readonly redis: PrivateRedis;
  readonly children: Child[];
  /** Starts one more bot process and resolves once it is ready; the stand-in then sends it every interaction. */
  startBot(): Promise<Child>;
  /** Checks that Discord would have taken every body, no token leaked anywhere, then stops everything. */
  finish(): Promise<void>;
}

/** Starts a deployment whose processes keep tokens at `storeUrl(redis)` and share that Redis (`PROCESSES=2`). */
export async function startDeployment(storeUrl: (redis: PrivateRedis) => string): Promise<Deployment> {
  const [discord, pk, redis] = await Promise.all([
    startDiscordStandIn({ heartbeatIntervalMs: 500 }),
    startPluralKitStandIn({ rateLimit: { mode: 'off' } }),
    startPrivateRedis(),
  ]);
  const base = await childBotEnv(discord, pk);
  const env = {
    ...base,
    STORE_URL: storeUrl(redis),
    REDIS_URL: redis.url,
    PROCESSES: '2',
    LOG_LEVEL: 'debug',
    ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
  };
  const children: Child[] = [];
  return {
    discord,
    pk,
    redis,
    children,
    async startBot() {
      const child = startTypeScriptEntry('src/main.ts', env);
      children.push(child);
      await child.waitForLine(/"msg":"ready"/);
      return child;
    },
    async finish() {
      for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
      await Promise.all(children.map((child) => child.exited));
      try {
        expect(discord.rejectedBodies, 'bodies Discord would reject').toEqual([]);
        expect(discord.unknownRoutes, 'routes Discord does not have').toEqual([]);
        const secrets = [pk.sample.own.token, discord.botToken, base.TOKEN_ENCRYPTION_KEY];
        const haystacks = [
          ...children.flatMap((child) => child.lines),
          ...discord.requests.map((request) => `${request.path} ${JSON.stringify(request.body ?? null)}`),
        ];
        expect(
          haystacks.filter((text) => secrets.some((secret) => text.includes(secret))),
          'leaked tokens',
        ).toEqual([]);
      } finally {
        await Promise.all([discord.close(), pk.close(), redis.stop()]);
      }
    },
  };
}

/** Everything the user was shown for one interaction: the reply or update, then any follow-ups. */
export async function answerOf(handle: InteractionHandle): Promise<string[]> {
  const record = await handle.waitFor(
    (r) => r.followUps.length > 0 || (r.original !== undefined && !r.original.loading && r.original.content !== ''),
    30_000,
  );
  return [record.original?.content ?? '', ...record.followUps.map((m) => m.content)].filter((text) => text !== '');
}
