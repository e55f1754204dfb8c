/**
 * `npm start -- --shards …` for real: the entry point in a child process runs discord.js's ShardingManager,
 * which forks one bot process per shard against the Discord stand-in. What a user would notice: a command is
 * answered in every guild, whichever shard it lives on, and in DMs; SIGTERM drains every shard and exits 0;
 * a bad `--shards` is refused with what it takes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { childBotEnv } from './child-bot-env.js';
import { startDiscordStandIn, type DiscordStandIn } from '../../stand-ins/discord/index.js';
import { shardOf } from '../../stand-ins/discord/shards.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTypeScriptEntry, type Child } from './child-process.js';

describe('npm start -- --shards (real ShardingManager, one process per shard)', () => {
  let discord: DiscordStandIn | undefined;
  let pk: PluralKitStandIn | undefined;
  let redis: PrivateRedis | undefined;
  let child: Child | undefined;

  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null) child.process.kill('SIGKILL');
    expect(discord?.rejectedBodies ?? [], 'bodies Discord would reject').toEqual([]);
    expect(discord?.unknownRoutes ?? [], 'routes Discord does not have').toEqual([]);
    await Promise.all([discord?.close(), pk?.close(), redis?.stop()]);
    [discord, pk, redis, child] = [undefined, undefined, undefined, undefined];
  });

  it('with auto, runs the recommended shards; every guild and the DMs are answered; SIGTERM exits 0', async () => {
    discord = await startDiscordStandIn({ heartbeatIntervalMs: 500, guilds: 4, shards: 2, maxConcurrency: 16 });
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    redis = await startPrivateRedis();
    const base = await childBotEnv(discord, pk);
    child = startTypeScriptEntry(
      'src/main.ts',
      {
        ...base,
        // A store every shard process shares, so a token linked on shard 0 is readable by the others.
        STORE_URL: redis.url,
        LOG_LEVEL: 'info',
        ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
      },
      ['--shards', 'auto'],
    );
    await child.waitForLine(/"msg":"all shards ready"/);
    expect(discord.gateway.readyShards.map(([id, count]) => `${id}/${count}`).sort()).toEqual(['0/2', '1/2']);
    expect(new Set(discord.guilds.map((guild) => shardOf(guild.id, 2)))).toEqual(new Set([0, 1]));

    for (const guild of discord.guilds) {
      const reply = await discord.dispatchInteraction(discord.chatInput('help', {}, { guild })).reply(30_000);
      expect(JSON.stringify(reply.embeds), `/help in ${guild.name}`).toMatch(/fronters/);
    }
    await discord.directMessage(discord.users.alice, pk.sample.own.token);
    await discord.waitForDm(discord.users.alice, (message) => message.content.startsWith('✅ Linked'), 30_000);
    // Linked through shard 0 (DMs), then used in a guild on shard 1.
    const other = discord.guilds.find((guild) => shardOf(guild.id, 2) === 1)!;
    const own = await discord.dispatchInteraction(discord.chatInput('system', {}, { guild: other })).reply(30_000);
    expect(JSON.stringify(own.embeds)).toContain(pk.sample.own.systemId);

    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(child.lines.filter((line) => line.includes('"msg":"shut down"')).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it.each([['0'], ['many'], ['-2']])(
    'refuses --shards=%s with a usage error and exit code 2',
    async (value) => {
      child = startTypeScriptEntry('src/main.ts', { DISCORD_TOKEN: 'unused' }, [`--shards=${value}`]);
      expect(await child.exited).toBe(2);
      expect(child.lines.join('\n')).toContain(
        `--shards must be "auto" or a whole number of 1 or more, not "${value}"`,
      );
    },
    30_000,
  );
});
