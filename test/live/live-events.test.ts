/**
 * What the pipeline does after an event was answered, over real parts: the PluralKit stand-in and client, the
 * real accounts and vault, a settings store, and the shared Redis for the claim that publishes a change once.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrontChanges } from '../../src/live/front-changes.js';
import type { FrontChange } from '../../src/live/front-change.js';
import { LiveHooks, type LiveHook } from '../../src/live/hooks.js';
import { LiveEvents } from '../../src/live/live-events.js';
import { ChangeClaims, type Claims } from '../../src/live/change-claims.js';
import { createLogger } from '../../src/log.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { SettingsStore } from '../../src/settings/store.js';
import { accountsWorld, CallerId } from '../accounts-world.js';

const log = createLogger({ level: 'silent' });

async function world() {
  const w = await accountsWorld();
  const own = w.pk.sample.own;
  await w.accounts.link(CallerId, own.token);
  const settings = await SettingsStore.memory();
  const hook: LiveHook = await new LiveHooks(settings, w.vault, undefined).prepare(CallerId, {
    id: own.systemId,
    uuid: own.systemUuid,
  });
  /** One bot process (or one run of it): its own pipeline and listeners over the shared settings. */
  const process = (once: Claims = new ChangeClaims(settings, undefined, log)) => {
    const frontChanges = new FrontChanges(log);
    const changes: FrontChange[] = [];
    frontChanges.add({ name: 'test', onFrontChange: (change) => Promise.resolve(void changes.push(change)) });
    const events = new LiveEvents({
      pluralkit: w.client,
      accounts: w.accounts,
      settings,
      frontChanges,
      once,
      log,
      coalesceMs: 0,
    });
    return { events, changes };
  };
  const logSwitch = (member: number) =>
    w.client.createSwitch('@me', { members: [own.memberIds[member]!] }, { token: own.token });
  return { ...w, own, hook, process, logSwitch };
}

describe('the front last seen survives a restart', () => {
  it('a restarted process neither repeats the change nor loses what came before', async () => {
    const w = await world();
    const first = w.process();
    await w.logSwitch(3);
    await first.events.settle(w.hook);
    expect(first.changes.map((c) => c.current?.members.map((m) => m.uuid))).toEqual([[w.own.memberUuids[3]]]);
    const restarted = w.process();
    await restarted.events.settle(w.hook);
    expect(restarted.changes).toEqual([]);
    await w.logSwitch(4);
    await restarted.events.settle(w.hook);
    expect(restarted.changes.map((c) => c.previousMemberUuids)).toEqual([[w.own.memberUuids[3]]]);
  });

  it('a front that comes back after a deleted switch is a change each time', async () => {
    const w = await world();
    const one = w.process();
    const settle = () => one.events.settle(w.hook);
    const x = await w.logSwitch(3);
    await settle();
    for (let round = 0; round < 2; round++) {
      const y = await w.logSwitch(4);
      await settle();
      await w.client.deleteSwitch('@me', y.id, { token: w.own.token });
      await settle();
    }
    expect(one.changes.map((c) => c.current?.id)).toEqual([x.id, expect.any(String), x.id, expect.any(String), x.id]);
  });

  it('does nothing for a user who unlinked since the hook was made', async () => {
    const w = await world();
    await w.accounts.unlink(CallerId);
    const reads = w.pk.stats.requests;
    const one = w.process();
    await one.events.settle(w.hook);
    expect(one.changes).toEqual([]);
    expect(w.pk.stats.requests).toBe(reads);
  });
});

describe('at most once per change across processes', () => {
  it('two processes settling the same switch at once publish it once, with the claim shared in Redis', async () => {
    const w = await world();
    const redis = connectSharedRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', log);
    const namespace = randomUUID();
    const claims = new ChangeClaims(await SettingsStore.memory(), redis, log);
    const scoped: Claims = { claim: (key) => claims.claim(`${namespace}:${key}`) };
    try {
      await new Promise<void>((resolve) => (redis.isReady ? resolve() : redis.once('ready', () => resolve())));
      const [a, b] = [w.process(scoped), w.process(scoped)];
      await w.logSwitch(2);
      await Promise.all([a.events.settle(w.hook), b.events.settle(w.hook)]);
      expect(a.changes.length + b.changes.length).toBe(1);
    } finally {
      redis.destroy();
    }
  });
});
