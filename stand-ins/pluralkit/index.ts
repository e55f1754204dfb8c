/**
 * A local stand-in for the PluralKit API v2, built from the upstream code's behaviour
 * (PluralKit's public docs: https://pluralkit.me/api/, and its source: https://github.com/PluralKit/PluralKit). A real `node:http` server on 127.0.0.1 with an ephemeral port.
 *
 * @example
 * const pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
 * const res = await fetch(`${pk.url}/systems/@me`, { headers: { Authorization: pk.sample.own.token } });
 * await pk.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Dispatcher } from './dispatch.js';
import { FaultQueue } from './faults.js';
import { runPipeline, type IncomingPkRequest } from './pipeline.js';
import { createLimiter, DefaultRateLimit, type RateLimiter } from './rate-limit.js';
import { Router } from './router.js';
import { addGroupRoutes } from './routes/groups.js';
import { addMessageRoutes } from './routes/messages.js';
import { addSwitchReadRoutes } from './routes/switches.js';
import { addSwitchWriteRoutes } from './routes/switch-writes.js';
import { addSystemRoutes } from './routes/systems.js';
import { addUnimplementedRoutes } from './routes/unimplemented.js';
import { seedSample, type SampleFixture } from './seed.js';
import { StandInState } from './state.js';
import { SwitchMemberOrder } from './switch-member-order.js';

export { generateLargeSystem } from './generate.js';
export { DispatchUserAgent, type DispatchDelivery, type DispatchEventType, type WebhookSetup } from './dispatch.js';
export { WebhookUrlError } from './dispatch-url.js';
export type { SampleFixture, SampleSystem, OwnSampleSystem, OtherSampleSystem } from './seed.js';
export { StandInState } from './state.js';
export type { Clock, RateLimitOptions } from './rate-limit.js';
export type { ApiKeyMode } from './key-scopes.js';
export type * from './records.js';
export type * from './stand-in-types.js';
import type {
  PluralKitStandIn,
  PluralKitStandInOptions,
  PluralKitStandInStats,
  RecordedPkRequest,
} from './stand-in-types.js';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts the stand-in on 127.0.0.1 with an ephemeral port. */
export async function startPluralKitStandIn(options: PluralKitStandInOptions = {}): Promise<PluralKitStandIn> {
  const state = new StandInState();
  const sample = options.seed === 'empty' ? undefined : seedSample(state);
  const router = new Router();
  for (const add of [addSystemRoutes, addGroupRoutes, addSwitchWriteRoutes, addMessageRoutes]) add(router);
  addSwitchReadRoutes(router, new SwitchMemberOrder(options.switchMemberOrder, options.switchMemberOrderSeed));
  addUnimplementedRoutes(router);
  const dispatch = new Dispatcher(options.dispatch);
  state.announce = (systemUuid, type, id, data) => dispatch.send(systemUuid, type, id, data);
  const faults = new FaultQueue();
  let limiter: RateLimiter = createLimiter(options.rateLimit ?? DefaultRateLimit, options.rateLimitClock);
  let latencyMs = options.latencyMs ?? 0;
  const requests: RecordedPkRequest[] = [];
  const stats: PluralKitStandInStats = {
    requests: 0,
    byRoute: new Map(),
    rateLimited: 0,
    reset() {
      stats.requests = 0;
      stats.rateLimited = 0;
      stats.byRoute.clear();
      requests.length = 0;
    },
  };
  const deps = { state, router, faults, limiter: () => limiter, apiKeys: options.apiKeys ?? 'production' } as const;
  let inFlight = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (latencyMs > 0) await sleep(latencyMs);
    const incoming: IncomingPkRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
    };
    const countedAt = performance.timeOrigin + performance.now();
    const answer = runPipeline(deps, incoming);
    stats.requests++;
    stats.byRoute.set(answer.routeName, (stats.byRoute.get(answer.routeName) ?? 0) + 1);
    if (answer.status === 429) stats.rateLimited++;
    const userAgent = req.headers['user-agent'];
    requests.push({
      method: incoming.method,
      path: incoming.url,
      authorization: answer.authKind,
      authenticated: answer.authenticated,
      callerSystemUuid: answer.callerSystemUuid,
      status: answer.status,
      userAgent: userAgent !== undefined,
      userAgentValue: userAgent ?? null,
      countedAt,
    });
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
  }

  const server = createServer((req, res) => {
    inFlight++;
    handle(req, res)
      .catch(() => res.destroy())
      .finally(() => inFlight--);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v2`,
    state,
    get sample(): SampleFixture {
      if (sample === undefined)
        throw new Error("The PluralKit stand-in was started with seed: 'empty'; there is no sample.");
      return sample;
    },
    stats,
    requests,
    get inFlight() {
      return inFlight;
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    setRateLimit(opts) {
      limiter = createLimiter(opts ?? DefaultRateLimit, options.rateLimitClock);
    },
    failNext(n, status, opts) {
      faults.plan(n, status, opts?.retryAfterMs);
    },
    dispatch,
    beginWebhookSetup(system, url) {
      if (typeof system !== 'string') return dispatch.beginSetup(system.uuid, url);
      const record = state.systems.get(system) ?? state.systemByHid(system);
      if (record === undefined) throw new Error(`The PluralKit stand-in has no system ${system}.`);
      return dispatch.beginSetup(record.uuid, url);
    },
    deleteAllSwitches(system) {
      for (const sw of [...state.switches.values()]) if (sw.systemUuid === system.uuid) state.deleteSwitch(sw);
      dispatch.send(system.uuid, 'DELETE_ALL_SWITCHES', null);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
