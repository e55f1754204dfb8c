/**
 * The shared rate model when Redis fails under load: two clients (two processes' worth, `PROCESSES=2`) read
 * through one Redis while it is killed and restarted empty, paused, or its connections dropped. Every read
 * is answered, PluralKit never says 429, each keeps to its share while Redis is away, and both share again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PluralKitClient, RedisRateModel } from '../../src/pluralkit/index.js';
import { connectSharedRedis, type SharedRedis } from '../../src/redis/connection.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { bucketOverrun, publicMemberIds } from '../support/shared-budget.js';
import { captureLog } from '../vault/capture-log.js';

const Processes = 2;
const ReadsEach = 20;
let redis: PrivateRedis;
let pk: PluralKitStandIn;
const closers: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'gcra', getPerSecond: 10, updatePerSecond: 3 } });
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await pk.close();
  await redis.stop();
});

interface Process {
  readonly agent: string;
  readonly model: RedisRateModel;
  readonly client: PluralKitClient;
  readonly log: ReturnType<typeof captureLog>;
  /** [from, to] epoch ms while the model kept to its local share. */
  readonly away: [number, number][];
}

async function process(index: number, prefix: string): Promise<Process> {
  const log = captureLog();
  const connection: SharedRedis = connectSharedRedis(redis.url, log.log, { maxReconnectDelayMs: 100 });
  while (!connection.isReady) await sleep(5);
  const settings = { ratePerSecond: 2, followRateHeaders: true };
  const model = new RedisRateModel({ redis: connection, settings, processes: Processes, log: log.log, prefix });
  const agent = `fault-test-${prefix}${index}`;
  const client = new PluralKitClient(
    { baseUrl: pk.url, userAgent: agent, cacheTtlMs: 0, maxRetries: 5 },
    { rateModel: model },
  );
  const away: [number, number][] = [];
  const watch = setInterval(() => {
    const last = away.at(-1);
    if (model.away && (last === undefined || last[1] !== Infinity)) away.push([Date.now(), Infinity]);
    if (!model.away && last !== undefined && last[1] === Infinity) last[1] = Date.now();
  }, 2);
  closers.push(async () => {
    clearInterval(watch);
    await client.close();
    connection.destroy();
  });
  return { agent, model, client, log, away };
}

/** Both processes read their part of `ids` at once; `fault` strikes once PluralKit has counted `after` reads. */
async function hammer(fault: () => Promise<unknown>, after = 8): Promise<Process[]> {
  pk.stats.reset();
  const prefix = `f${Math.random().toString(36).slice(2, 8)}:`;
  const processes = await Promise.all(Array.from({ length: Processes }, (_unused, i) => process(i, prefix)));
  const ids = publicMemberIds(pk, ReadsEach * Processes);
  const reads = processes.map((p, i) =>
    Promise.all(ids.filter((_id, k) => k % Processes === i).map((id) => p.client.getMember(id))),
  );
  while (pk.requests.length < after) await sleep(5);
  await fault();
  const answered = await Promise.all(reads);
  expect(answered.flat()).toHaveLength(ReadsEach * Processes);
  // A model tries Redis again on its next call: a few more reads until both share again.
  for (let round = 0; round < 100 && processes.some((p) => p.model.away); round += 1) {
    await Promise.all(processes.map((p) => p.client.getMember(ids[round % ids.length]!)));
  }
  await sleep(10);
  return processes;
}

/** What every fault must leave behind. */
function expectNothingLostAndShared(processes: Process[], fellBack = true): void {
  expect(pk.stats.rateLimited).toBe(0);
  const reads = pk.requests.filter((request) => request.path.startsWith('/v2/members/'));
  expect(reads.every((request) => request.status === 200)).toBe(true);
  expect(bucketOverrun(reads, 10)).toBe(0);
  for (const p of processes) {
    expect(p.model.away).toBe(false);
    if (fellBack) expect(p.away.length).toBeGreaterThan(0);
    const warnings = p.log.entries().filter((entry) => String(entry.msg).includes('rate limits unreachable'));
    expect(warnings).toHaveLength(p.away.length);
    // While away, at most its share (10 / 2 a second) reached PluralKit from this process.
    for (const [from, to] of p.away) {
      const sent = reads.filter((r) => r.userAgentValue === p.agent && r.countedAt >= from && r.countedAt <= to);
      expect(sent.length).toBeLessThanOrEqual(2 + ((to - from) * 10) / Processes / 1000);
    }
  }
}

describe('the shared rate model when Redis fails', () => {
  it('keeps every read inside the budget when Redis is killed mid-run and restarts empty', async () => {
    const processes = await hammer(async () => {
      await redis.kill();
      await sleep(800);
      await redis.restart();
    });
    expectNothingLostAndShared(processes);
  }, 30_000);

  it('keeps every read inside the budget while Redis is paused', async () => {
    const processes = await hammer(() => redis.command('CLIENT PAUSE 1500 ALL'));
    expectNothingLostAndShared(processes);
  }, 30_000);

  it('keeps every read inside the budget when its connections are dropped', async () => {
    let killed = '';
    const processes = await hammer(async () => (killed = await redis.command('CLIENT KILL TYPE normal')));
    expect(Number(killed.slice(1))).toBeGreaterThanOrEqual(Processes);
    // A process whose command was cut off falls back for a moment; one that was between commands need not.
    expectNothingLostAndShared(processes, false);
  }, 30_000);
});
