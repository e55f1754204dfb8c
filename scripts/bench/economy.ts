/**
 * Section 3, upstream economy: how many PluralKit requests the bot makes per command, over a mix of
 * users and systems and when many people ask about one system at the same moment.
 */
import type { APIUser } from 'discord-api-types/v10';
import type { InteractionHandle } from '../../stand-ins/discord/index.js';
import { fmt, SectionNames, type BenchRow } from './rows.js';
import { benchUsers, linkAll, seedSystems, startQuietOffline } from './world.js';

/** Counts for section 3. */
export interface EconomyParams {
  commands: number;
  users: number;
  systems: number;
  /** Commands in flight at once in the mix (a wave is answered before the next starts). */
  wave: number;
  simultaneous: number;
}

/** The counts. */
export const EconomyDefaults: EconomyParams = { commands: 1000, users: 50, systems: 10, wave: 25, simultaneous: 100 };

/** What section 3 measured. */
export interface EconomyResult {
  mix: { commands: number; answered: number; requests: number; seconds: number; byRoute: Record<string, number> };
  simultaneous: { own: SimultaneousResult; lookup: SimultaneousResult };
}

/** One burst of `/fronters` about the same system. */
export interface SimultaneousResult {
  commands: number;
  answered: number;
  requests: number;
  byRoute: Record<string, number>;
}

const Wait = 30_000;

/**
 * The mix: every user is linked to one of the systems; 3 commands in 4 are `/fronters` about the user's
 * own system, 1 in 4 looks up another of the systems by id. Only `/fronters` reads PluralKit among the
 * commands registered today; the mix grows with the command list.
 */
async function mix(params: EconomyParams): Promise<EconomyResult['mix']> {
  const offline = await startQuietOffline();
  try {
    const systems = seedSystems(offline.pk, params.systems);
    const users = benchUsers(params.users);
    await linkAll(
      offline,
      users.map((user, i) => [user, systems[i % systems.length]!.token] as const),
    );
    offline.pk.stats.reset();
    const start = performance.now();
    let answered = 0;
    for (let done = 0; done < params.commands; done += params.wave) {
      const handles: InteractionHandle[] = [];
      for (let i = done; i < Math.min(params.commands, done + params.wave); i++) {
        const user = users[(i * 7) % users.length]!;
        const options = i % 4 === 3 ? { system: systems[(i * 3) % systems.length]!.systemId } : {};
        handles.push(offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', options, { user })));
      }
      const replies = await Promise.allSettled(handles.map((h) => h.reply(Wait)));
      answered += replies.filter((r) => r.status === 'fulfilled').length;
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      commands: params.commands,
      answered,
      requests: offline.pk.stats.requests,
      seconds,
      byRoute: Object.fromEntries(offline.pk.stats.byRoute),
    };
  } finally {
    await offline.close();
  }
}

/**
 * `simultaneous` `/fronters` about one system at the same moment, with nothing cached: by users linked to
 * it (`own`), and by users looking it up by id (`lookup`).
 */
async function simultaneous(params: EconomyParams, kind: 'own' | 'lookup'): Promise<SimultaneousResult> {
  const offline = await startQuietOffline();
  try {
    const [system] = seedSystems(offline.pk, 1);
    const users: APIUser[] = benchUsers(params.simultaneous);
    if (kind === 'own')
      await linkAll(
        offline,
        users.map((user) => [user, system!.token] as const),
      );
    // Linking fetched the system; start from an empty cache as after a quiet spell.
    offline.bot.ctx.pluralkit.invalidateSystem(system!.systemId);
    offline.pk.stats.reset();
    const options = kind === 'own' ? {} : { system: system!.systemId };
    const handles = users.map((user) =>
      offline.discord.dispatchInteraction(offline.discord.chatInput('fronters', options, { user })),
    );
    const replies = await Promise.allSettled(handles.map((h) => h.reply(Wait)));
    return {
      commands: handles.length,
      answered: replies.filter((r) => r.status === 'fulfilled').length,
      requests: offline.pk.stats.requests,
      byRoute: Object.fromEntries(offline.pk.stats.byRoute),
    };
  } finally {
    await offline.close();
  }
}

/** Measures section 3 (raw results, for the smoke test and the rows). */
export async function measureEconomy(params: EconomyParams = EconomyDefaults): Promise<EconomyResult> {
  return {
    mix: await mix(params),
    simultaneous: { own: await simultaneous(params, 'own'), lookup: await simultaneous(params, 'lookup') },
  };
}

function routes(byRoute: Record<string, number>): string {
  return Object.entries(byRoute)
    .map(([route, n]) => `${n}× ${route.replace(/^GET /, '')}`)
    .join(', ');
}

/** Runs section 3 and returns its rows. */
export async function benchEconomy(params: EconomyParams = EconomyDefaults): Promise<BenchRow[]> {
  const { mix: m, simultaneous: s } = await measureEconomy(params);
  const label = `${params.simultaneous} simultaneous /fronters, one system`;
  return [
    {
      section: SectionNames[3],
      metric: `mix: ${m.commands} /fronters, ${params.users} users, ${params.systems} systems (${fmt(m.seconds, 1)} s)`,
      value: `${fmt(m.requests / m.commands, 3)} req/command (${m.requests} requests, ${m.answered} answered)`,
      goal: '',
      met: null,
      raw: { ...m, byRoute: routes(m.byRoute) },
    },
    ...(['own', 'lookup'] as const).map((kind) => ({
      section: SectionNames[3],
      metric: `${label} (${kind === 'own' ? 'its linked users' : 'looked up by id'}), cold`,
      value: `${s[kind].requests} requests (${routes(s[kind].byRoute)}); ${s[kind].answered}/${s[kind].commands} answered`,
      goal: '1 request',
      met: s[kind].requests <= 1 && s[kind].answered === s[kind].commands,
    })),
  ];
}
