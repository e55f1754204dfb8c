/**
 * Section 12, live events: how many signed dispatch events per second the bot's endpoint accepts (answered
 * 200; each drops a system's cache, switch events are coalesced), and how many PluralKit API requests a
 * switch costs once bursts are coalesced (goal: one fronters read per burst). PluralKit's stand-in delivers
 * the switch events itself over HTTP, at production's rate limit.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Offline } from '../preview/offline.js';
import { fmt, SectionNames, type BenchRow } from './rows.js';
import { benchUsers, linkAll, seedSystems, startQuietOffline } from './world.js';

/** Counts for section 12. */
export interface LiveEventsParams {
  /** Signed events sent straight to the endpoint, `parallel` at a time. */
  events: number;
  parallel: number;
  /** Systems with a hook; each logs `switchesPerBurst` switches in a row through PluralKit's API. */
  systems: number;
  switchesPerBurst: number;
}

/** The counts. */
export const LiveEventsDefaults: LiveEventsParams = { events: 5_000, parallel: 50, systems: 10, switchesPerBurst: 3 };

/** What section 12 measured. */
export interface LiveEventsResult {
  eventsPerSecond: number;
  /** The same client against a bare `node:http` server that answers 200: what this machine allows. */
  bareServerPerSecond: number;
  refused: number;
  switchEvents: number;
  bursts: number;
  fronterReads: number;
  requestsPerSwitchEvent: number;
  changes: number;
  rateLimited: number;
}

interface Hooked {
  url: string;
  signingToken: string;
  systemUuid: string;
  token: string;
  memberIds: string[];
}

/** Links a user per system and sets each hook up as `/live setup` and `pk;system webhook` do. */
async function hookSystems(offline: Offline, count: number): Promise<Hooked[]> {
  const systems = seedSystems(offline.pk, count);
  const users = benchUsers(count, 50_000);
  await linkAll(
    offline,
    users.map((user, i) => [user, systems[i]!.token] as const),
  );
  return Promise.all(
    systems.map(async (system, i) => {
      const record = offline.pk.state.systemByHid(system.systemId)!;
      const hook = await offline.bot.ctx.live.prepare(users[i]!.id, { id: record.id, uuid: record.uuid });
      const url = `http://127.0.0.1:${offline.bot.dispatchPort}/pluralkit/dispatch/${hook.id}`;
      const setup = await offline.pk.beginWebhookSetup(record, url);
      await offline.bot.ctx.live.saveSigningToken(users[i]!.id, setup.signingToken);
      if (!(await setup.confirm()).saved) throw new Error('the setup PINGs did not pass');
      const memberIds = offline.pk.state.membersOf(record).map((m) => m.id);
      return { url, signingToken: setup.signingToken, systemUuid: record.uuid, token: system.token, memberIds };
    }),
  );
}

async function flood(hooks: Hooked[], params: LiveEventsParams): Promise<{ perSecond: number; refused: number }> {
  let refused = 0;
  let sent = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < params.events) {
      const hook = hooks[sent++ % hooks.length]!;
      const body = {
        type: 'UPDATE_MEMBER',
        signing_token: hook.signingToken,
        system_id: hook.systemUuid,
        id: null,
        data: { name: 'x' },
      };
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== 200) refused++;
    }
  };
  await Promise.all(Array.from({ length: params.parallel }, worker));
  return { perSecond: params.events / ((performance.now() - started) / 1000), refused };
}

/** Logs a switch straight through PluralKit's API (as the user's other apps would), waiting out its own 429s. */
async function logSwitch(offline: Offline, token: string, members: string[]): Promise<void> {
  for (;;) {
    const res = await fetch(`${offline.pk.url}/systems/@me/switches`, {
      method: 'POST',
      headers: { Authorization: token, 'User-Agent': 'bench', 'content-type': 'application/json' },
      body: JSON.stringify({ members }),
    });
    await res.arrayBuffer();
    if (res.status !== 429) return;
    // PluralKit's GCRA counts a try that lands on a slot not yet whole AND answers it 429, so a retry every
    // 100 ms starves forever; after a quiet second the bucket holds whole slots again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The same flood against a server that only answers 200, for comparison. */
async function bareServerFlood(params: LiveEventsParams): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const hook = { url, signingToken: '', systemUuid: '', token: '', memberIds: [] };
    return (await flood([hook], params)).perSecond;
  } finally {
    server.close();
  }
}

/** Runs the measurements of section 12. */
export async function measureLiveEvents(params: LiveEventsParams = LiveEventsDefaults): Promise<LiveEventsResult> {
  const offline = await startQuietOffline({
    pluralkit: { dispatch: { allowLoopbackHttp: true } },
    env: { PUBLIC_URL: 'https://companion.example', DISPATCH_PORT: '0' },
    discord: { validateBodies: false, rateLimits: false },
  });
  try {
    const hooks = await hookSystems(offline, params.systems);
    const { perSecond, refused } = await flood(hooks, params);
    const bareServerPerSecond = await bareServerFlood(params);
    let changes = 0;
    let settled: () => void = () => undefined;
    const allSettled = new Promise<void>((resolve) => (settled = resolve));
    offline.bot.frontChanges.add({
      name: 'bench',
      onFrontChange: () => Promise.resolve(void (++changes === hooks.length && settled())),
    });
    offline.pk.stats.reset();
    const deliveriesBefore = offline.pk.dispatch.deliveries.length;
    await Promise.all(
      hooks.map(async (hook) => {
        for (let i = 0; i < params.switchesPerBurst; i++) {
          const members = [hook.memberIds[i % hook.memberIds.length]!];
          await logSwitch(offline, hook.token, members);
        }
      }),
    );
    await Promise.race([allSettled, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    await offline.pk.dispatch.idle();
    const byRoute = offline.pk.stats.byRoute;
    const reads =
      (byRoute.get('GET /systems/{system_id}/fronters') ?? 0) + (byRoute.get('GET /systems/{system_id}') ?? 0);
    const switchEvents = offline.pk.dispatch.deliveries.slice(deliveriesBefore).filter((d) => d.ok).length;
    return {
      eventsPerSecond: perSecond,
      bareServerPerSecond,
      refused,
      switchEvents,
      bursts: hooks.length,
      fronterReads: byRoute.get('GET /systems/{system_id}/fronters') ?? 0,
      requestsPerSwitchEvent: reads / Math.max(1, switchEvents),
      changes,
      rateLimited: offline.pk.requests.filter((r) => r.method === 'GET' && r.status === 429).length,
    };
  } finally {
    await offline.close();
  }
}

/** Runs section 12 and returns its rows. */
export async function benchLiveEvents(params: LiveEventsParams = LiveEventsDefaults): Promise<BenchRow[]> {
  const r = await measureLiveEvents(params);
  const section = SectionNames[12];
  return [
    {
      section,
      metric: `signed events accepted per second (${params.events} events, ${params.parallel} at a time, ${params.systems} systems)`,
      value: `${fmt(r.eventsPerSecond, 0)} /s (${r.refused} refused; a bare server that only answers 200: ${fmt(r.bareServerPerSecond, 0)} /s)`,
      goal: '',
      met: null,
      raw: { eventsPerSecond: r.eventsPerSecond, refused: r.refused },
    },
    {
      section,
      metric: `switch bursts of ${params.switchesPerBurst} through PluralKit: fronters reads per burst`,
      value: `${fmt(r.fronterReads / r.bursts, 2)} (${r.fronterReads} reads, ${r.bursts} bursts, ${r.changes} changes, ${r.rateLimited} reads got 429)`,
      goal: '1 read per coalesced burst',
      met: r.fronterReads <= r.bursts && r.changes === r.bursts,
      raw: { ...r },
    },
    {
      section,
      metric: 'PluralKit API reads per switch event (fronters + system)',
      value: `${fmt(r.requestsPerSwitchEvent, 2)} (${r.switchEvents} events delivered)`,
      goal: '',
      met: null,
      raw: { requestsPerSwitchEvent: r.requestsPerSwitchEvent },
    },
  ];
}
