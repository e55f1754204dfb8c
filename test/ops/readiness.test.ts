/**
 * `/healthz` and `/readyz` of a real bot (both stand-ins, a private Redis it can lose): ready means the gateway
 * is connected, the token store answers and, with REDIS_URL set, Redis answers; losing Redis makes the bot
 * not ready (it stays alive), and Redis coming back makes it ready again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { eventually, get } from './scrape.js';

describe('/healthz and /readyz', () => {
  let h: Harness;
  let redis: PrivateRedis;
  let port: number;
  const readyz = async () => {
    const { status, text } = await get(port, '/readyz');
    return { status, body: JSON.parse(text) as { status: string; checks: Record<string, boolean> } };
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    h = await startHarness({ env: { HEALTH_PORT: '0', REDIS_URL: redis.url } });
    port = h.bot.healthPort!;
  });
  afterAll(async () => {
    await h.finish();
    await redis.stop();
  });

  it('is alive and ready once logged in, with every check named', async () => {
    expect((await get(port, '/healthz')).status).toBe(200);
    await eventually(async () => (await readyz()).status === 200, 'ready');
    expect((await readyz()).body).toEqual({ status: 'ready', checks: { gateway: true, store: true, redis: true } });
  });

  it('is not ready while Redis is down, still alive, and ready again once it is back', async () => {
    await redis.kill();
    await eventually(async () => (await readyz()).status === 503, 'not ready without Redis');
    expect((await readyz()).body.checks).toEqual({ gateway: true, store: true, redis: false });
    expect((await get(port, '/healthz')).status).toBe(200);
    await redis.restart();
    await eventually(async () => (await readyz()).status === 200, 'ready again');
  });

  it('answers 404 for a path it does not serve and 405 for another method', async () => {
    expect((await get(port, '/ready')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`, { method: 'POST' })).status).toBe(405);
  });
});
