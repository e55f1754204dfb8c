/**
 * Section 9, continued: a 500-interaction burst of public `/fronters system:<id>` lookups as signed webhooks to
 * 1 and to 3 real `--role http` processes behind a round-robin proxy, sharing one private Redis (rate model,
 * sessions, cache, store), as in production behind a load balancer. First response is timed from dispatch to the
 * first accepted callback; CPU is the replicas' own (`process_cpu_seconds_total` from each one's `/metrics`), so
 * unlike the single-process rows it leaves out the stand-ins.
 */
import { commands } from '../../commands/index.js';
import { registerCommands } from '../../src/discord/register.js';
import { startDiscordStandIn, type InteractionResponse } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startHttpReplicas } from '../../test/support/http-replicas.js';
import { startPrivateRedis } from '../../test/support/private-redis.js';
import { fmt, SectionNames, summary, type BenchRow } from './rows.js';
import { seedSystems } from './world.js';

/** Counts for the replicas rows. */
export interface HttpReplicasParams {
  interactions: number;
  systems: number;
  replicas: readonly number[];
}

/** The counts. */
export const HttpReplicasDefaults: HttpReplicasParams = { interactions: 500, systems: 20, replicas: [1, 3] };

interface ReplicasResult {
  count: number;
  firstResponses: number[];
  lost: number;
  cpuMsPerInteraction: number;
}

async function run(count: number, params: HttpReplicasParams): Promise<ReplicasResult> {
  const [discord, pk, redis] = await Promise.all([
    startDiscordStandIn({ validateBodies: false, rateLimits: false }),
    startPluralKitStandIn(),
    startPrivateRedis(),
  ]);
  try {
    await registerCommands(commands, {
      token: discord.botToken,
      applicationId: discord.applicationId,
      apiUrl: discord.apiBase,
    });
    const replicas = await startHttpReplicas({
      count,
      discord,
      pk,
      redis,
      // At the default level: the replicas' "listening" lines are how their ports are learnt.
      env: { PLURALKIT_CACHE_TTL_MS: '600000' },
    });
    try {
      const systems = seedSystems(pk, params.systems);
      const lookup = (i: number) =>
        discord.dispatchInteraction(discord.chatInput('fronters', { system: systems[i % systems.length]!.systemId }));
      // Warm every replica's cache: sequential lookups go round the proxy, so each replica sees each system once.
      for (let i = 0; i < systems.length * count; i++) await lookup(Math.floor(i / count)).reply(60_000);
      const before = await replicas.cpuSeconds();
      const handles = Array.from({ length: params.interactions }, (_unused, i) => lookup(i));
      const settled = await Promise.allSettled(handles.map((handle) => handle.firstResponse(30_000)));
      await Promise.allSettled(handles.map((handle) => handle.sent));
      const after = await replicas.cpuSeconds();
      const cpuSeconds = after.reduce((sum, value, i) => sum + value - before[i]!, 0);
      const responses = settled.flatMap((s): InteractionResponse[] => (s.status === 'fulfilled' ? [s.value] : []));
      return {
        count,
        firstResponses: responses.map((r) => r.atMs),
        lost: handles.length - responses.length,
        cpuMsPerInteraction: (cpuSeconds * 1000) / handles.length,
      };
    } finally {
      await replicas.stop();
    }
  } finally {
    await Promise.all([discord.close(), pk.close(), redis.stop()]);
  }
}

function rowsFor(result: ReplicasResult, interactions: number): BenchRow[] {
  const s = summary(result.firstResponses);
  const label = `HTTP webhooks, ${result.count} replica process${result.count === 1 ? '' : 'es'} behind a proxy`;
  return [
    {
      section: SectionNames[9],
      metric: `${label}: ${interactions}-interaction burst, first callback p50 / p99 / max`,
      value: `${fmt(s.p50, 0)} / ${fmt(s.p99, 0)} / ${fmt(s.max, 0)} ms (${result.lost} lost)`,
      goal: 'all inside 3 s',
      met: result.lost === 0 && s.max <= 3000,
      raw: { ...s, lost: result.lost, replicas: result.count },
    },
    {
      section: SectionNames[9],
      metric: `${label}: bot CPU per interaction (replicas only)`,
      value: `${fmt(result.cpuMsPerInteraction, 2)} ms`,
      goal: '',
      met: null,
      raw: { cpuMsPerInteraction: result.cpuMsPerInteraction, replicas: result.count },
    },
  ];
}

/** Runs the replicas rows of section 9. */
export async function benchHttpReplicas(params: HttpReplicasParams = HttpReplicasDefaults): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of params.replicas) rows.push(...rowsFor(await run(count, params), params.interactions));
  return rows;
}
