/**
 * Section 8, memory at scale: the resident memory of the bot process alone (its own child; the stand-ins stay
 * in this process) when the stand-in puts it in many guilds, with the bot's bounded caches and DM-only intent,
 * against discord.js's defaults (the Guilds intent, every cache unbounded) in the same run.
 */
import { randomBytes } from 'node:crypto';
import { startDiscordStandIn } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startBotProcess } from './bot-process.js';
import { fmt, SectionNames, type BenchRow } from './rows.js';

/** Sizes for section 8. */
export interface MemoryGuildsParams {
  guilds: number;
}

/** The size. */
export const MemoryGuildsDefaults: MemoryGuildsParams = { guilds: 10_000 };

/** One bot process's memory once it is ready in every guild. */
export interface GuildMemory {
  label: string;
  rssMiB: number;
  heapUsedMiB: number;
  cachedGuilds: number;
  readyMs: number;
}

async function measure(guilds: number, discordDefaults: boolean): Promise<GuildMemory> {
  const discord = await startDiscordStandIn({ guilds, validateBodies: false, rateLimits: false });
  const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  try {
    const t0 = performance.now();
    const bot = await startBotProcess({
      env: {
        DISCORD_TOKEN: discord.botToken,
        DISCORD_API_URL: discord.apiBase,
        PLURALKIT_API_URL: pk.url,
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        STORE_URL: 'memory:',
        LOG_LEVEL: 'fatal',
      },
      discordDefaults,
    });
    const readyMs = performance.now() - t0;
    // Let the last GUILD_CREATEs settle and the heap shrink before reading the process's memory.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const usage = await bot.usage();
    await bot.stop();
    const label = discordDefaults
      ? "discord.js's defaults (Guilds intent, default caches)"
      : 'ours (DM intent, bounded caches)';
    return { label, rssMiB: usage.rssMiB, heapUsedMiB: usage.heapUsedMiB, cachedGuilds: usage.cachedGuilds, readyMs };
  } finally {
    await Promise.all([discord.close(), pk.close()]);
  }
}

/** Runs section 8 and returns its rows. */
export async function benchMemoryGuilds(params: MemoryGuildsParams = MemoryGuildsDefaults): Promise<BenchRow[]> {
  const results = [await measure(params.guilds, true), await measure(params.guilds, false)];
  return results.map((result) => ({
    section: SectionNames[8],
    metric: `resident memory, bot process alone, ${fmt(params.guilds, 0)} guilds: ${result.label}`,
    value: `${fmt(result.rssMiB, 1)} MiB (heap ${fmt(result.heapUsedMiB, 1)} MiB; ${fmt(result.cachedGuilds, 0)} guilds cached; ready in ${fmt(result.readyMs, 0)} ms)`,
    goal: '',
    met: null,
    raw: { ...result },
  }));
}
