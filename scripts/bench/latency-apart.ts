/**
 * Section 2, the bot apart from the stand-ins: the same warm burst with the bot in its own process(es) and both
 * stand-ins here, so the bot's CPU (`process.cpuUsage()` of each bot process) is measured alone. Two processes
 * are two shards: the stand-in sends each interaction to its guild's shard, half the guilds on each.
 */
import { randomBytes } from 'node:crypto';
import { commands } from '../../commands/index.js';
import { registerCommands } from '../../src/discord/register.js';
import { startDiscordStandIn, type InteractionResponse } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis } from '../../test/support/private-redis.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { fmt, SectionNames, summary, type BenchRow } from './rows.js';
import { benchUsers, seedSystems } from './world.js';

/** What one run measured. */
export interface ApartResult {
  processes: number;
  firstResponses: number[];
  lost: number;
  cpuMsPerInteraction: number;
}

async function cpuMs(bots: readonly BotProcess[]): Promise<number> {
  const usages = await Promise.all(bots.map((bot) => bot.usage()));
  return usages.reduce((sum, usage) => sum + usage.cpuMs, 0);
}

/** A warm burst of `interactions` /fronters lookups over `systems` public systems, against `processes` bots. */
export async function measureApart(processes: number, interactions: number, systemCount: number): Promise<ApartResult> {
  const discord = await startDiscordStandIn({
    validateBodies: false,
    guilds: Math.max(2, processes),
    shards: processes,
  });
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  // Shards share the token store and the PluralKit budget as in production; one process gets the same setup.
  const redis = await startPrivateRedis();
  const bots: BotProcess[] = [];
  try {
    await registerCommands(commands, {
      token: discord.botToken,
      applicationId: discord.applicationId,
      apiUrl: discord.apiBase,
    });
    const env = {
      DISCORD_TOKEN: discord.botToken,
      DISCORD_API_URL: discord.apiBase,
      PLURALKIT_API_URL: pk.url,
      PLURALKIT_CACHE_TTL_MS: '600000',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      STORE_URL: redis.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'fatal',
      PROCESSES: String(processes),
    };
    for (let id = 0; id < processes; id++)
      bots.push(await startBotProcess({ env, shard: processes > 1 ? [id, processes] : undefined }));
    const systems = seedSystems(pk, systemCount);
    const users = benchUsers(interactions);
    const { guilds } = discord;
    const lookup = (i: number) =>
      discord.dispatchInteraction(
        discord.chatInput(
          'fronters',
          { system: systems[i % systems.length]!.systemId },
          { user: users[i]!, guild: guilds[i % guilds.length] },
        ),
      );
    // Every system once in every guild, so each shard process has every answer cached before the burst (the
    // bot's own PluralKit budget paces these lookups at 10 GET/s, hence few systems and a long wait).
    await Promise.all(Array.from({ length: systems.length * guilds.length }, (_, i) => lookup(i).reply(60_000)));
    const before = await cpuMs(bots);
    const handles = users.map((_, i) => lookup(i));
    const settled = await Promise.allSettled(handles.map((handle) => handle.firstResponse(10_000)));
    await Promise.allSettled(handles.map((handle) => handle.reply(10_000)));
    const after = await cpuMs(bots);
    const responses = settled.flatMap((s): InteractionResponse[] => (s.status === 'fulfilled' ? [s.value] : []));
    return {
      processes,
      firstResponses: responses.map((r) => r.atMs),
      lost: handles.length - responses.length,
      cpuMsPerInteraction: (after - before) / handles.length,
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await Promise.all([discord.close(), pk.close(), redis.stop()]);
  }
}

/** Rows for 1 and 2 bot processes. */
export async function benchLatencyApart(interactions: number, systems: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const processes of [1, 2]) {
    const result = await measureApart(processes, interactions, systems);
    const s = summary(result.firstResponses);
    const label = `warm, bot apart, ${processes} process${processes > 1 ? 'es (2 shards)' : ''}`;
    rows.push(
      {
        section: SectionNames[2],
        metric: `${label}: first callback p50 / p99 / max (${interactions} at once; lost = not answered inside 3 s)`,
        value: `${fmt(s.p50, 0)} / ${fmt(s.p99, 0)} / ${fmt(s.max, 0)} ms (${result.lost} lost)`,
        goal: 'p99 ≤ 50 ms',
        met: s.p99 <= 50 && result.lost === 0,
        raw: { ...s, lost: result.lost },
      },
      {
        section: SectionNames[2],
        metric: `${label}: bot CPU per interaction (all bot processes)`,
        value: `${fmt(result.cpuMsPerInteraction, 2)} ms`,
        goal: '',
        met: null,
        raw: { cpuMsPerInteraction: result.cpuMsPerInteraction },
      },
    );
  }
  return rows;
}
