/**
 * Section 9, HTTP mode: the same warm `/fronters` burst as section 2, once over the gateway and once as signed
 * webhooks to a `--role http` bot (one replica), timed from dispatch to the first accepted callback, with the
 * process CPU spent per interaction. The stand-ins run in the bench's process, so that CPU includes Discord's
 * side (signing, serving the callback) for both transports alike; the difference between the rows is the cost
 * of the transport. Replica processes behind a proxy are measured in `http-replicas.ts`.
 */
import type { APIUser } from 'discord-api-types/v10';
import type { InteractionResponse } from '../../stand-ins/discord/index.js';
import { fmt, SectionNames, summary, type BenchRow } from './rows.js';
import { benchUsers, linkAll, seedSystems, startQuietOffline } from './world.js';

/** Counts for section 9. */
export interface HttpModeParams {
  interactions: number;
  systems: number;
}

/** The counts. */
export const HttpModeDefaults: HttpModeParams = { interactions: 500, systems: 50 };

/** One transport's burst. */
export interface HttpModeResult {
  transport: 'gateway' | 'http';
  firstResponses: number[];
  lost: number;
  cpuMsPerInteraction: number;
}

async function run(transport: 'gateway' | 'http', params: HttpModeParams): Promise<HttpModeResult> {
  const offline = await startQuietOffline({
    transport,
    env: { PLURALKIT_CACHE_TTL_MS: '600000' },
    discord: { validateBodies: false, rateLimits: false },
  });
  try {
    const systems = seedSystems(offline.pk, params.systems);
    const users = benchUsers(params.interactions);
    await linkAll(
      offline,
      users.map((user, i) => [user, systems[i % systems.length]!.token] as const),
    );
    const fronters = (user: APIUser) =>
      offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', {}, { user }));
    // Fill the cache a few systems at a time: PluralKit's own limit would make one cold burst of them slow.
    for (let i = 0; i < systems.length; i += 5)
      await Promise.all(users.slice(i, Math.min(i + 5, systems.length)).map((user) => fronters(user).reply(10_000)));
    const cpu = process.cpuUsage();
    const handles = users.map(fronters);
    const settled = await Promise.allSettled(handles.map((handle) => handle.firstResponse(10_000)));
    await Promise.allSettled(handles.map((handle) => handle.sent));
    const used = process.cpuUsage(cpu);
    const responses = settled.flatMap((s): InteractionResponse[] => (s.status === 'fulfilled' ? [s.value] : []));
    return {
      transport,
      firstResponses: responses.map((r) => r.atMs),
      lost: handles.length - responses.length,
      cpuMsPerInteraction: (used.user + used.system) / 1000 / handles.length,
    };
  } finally {
    await offline.close();
  }
}

function rowsFor(result: HttpModeResult, count: number): BenchRow[] {
  const s = summary(result.firstResponses);
  const label = result.transport === 'http' ? 'HTTP webhooks, 1 replica' : 'gateway (for comparison)';
  return [
    {
      section: SectionNames[9],
      metric: `${label}: ${count}-interaction burst, first callback p50 / p99 / max`,
      value: `${fmt(s.p50, 0)} / ${fmt(s.p99, 0)} / ${fmt(s.max, 0)} ms (${result.lost} lost)`,
      goal: result.transport === 'http' ? 'all inside 3 s' : '',
      met: result.transport === 'http' ? result.lost === 0 && s.max <= 3000 : null,
      raw: { ...s, lost: result.lost },
    },
    {
      section: SectionNames[9],
      metric: `${label}: CPU per interaction (bot + stand-ins, one process)`,
      value: `${fmt(result.cpuMsPerInteraction, 2)} ms`,
      goal: '',
      met: null,
      raw: { cpuMsPerInteraction: result.cpuMsPerInteraction },
    },
  ];
}

/** Runs section 9 and returns its rows. */
export async function benchHttpMode(params: HttpModeParams = HttpModeDefaults): Promise<BenchRow[]> {
  const results = [await run('gateway', params), await run('http', params)];
  return results.flatMap((result) => rowsFor(result, params.interactions));
}
