/**
 * The real bot with REDIS_URL set keeps its sessions in a private redis-server. While Redis is away a click and
 * a command that needs a session are answered clearly and privately; once Redis is back (empty), an old menu
 * says it expired and a new one works.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserErrorMessages } from '../../src/errors.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { answerOf } from './bot-processes.js';
import { startHarness, type Harness } from './harness.js';
import { buttonOf, pageOf } from './profiles-helpers.js';

describe('sessions in the shared Redis', () => {
  let h: Harness;
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    h = await startHarness({ env: { REDIS_URL: redis.url } });
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  }, 60_000);
  afterAll(async () => {
    await h.finish();
    await redis.stop();
  });

  const next = (message: Awaited<ReturnType<ReturnType<Harness['command']>['reply']>>) =>
    h.dispatch(h.discord.button(buttonOf(message, 'next').custom_id, message));

  it('pages through a menu whose session lives in Redis', async () => {
    const first = await h.command('switches').reply();
    // Rate budgets and cache locks share this Redis; count the sessions alone (RESP array header `*N`).
    expect((await redis.command('KEYS pk-companion:session:*')).split('\r\n')[0]).toBe('*1');
    expect(pageOf(await next(first).reply()).page).toBe(2);
  });

  it('answers a click and a command privately and clearly while Redis is away, then works once it is back', async () => {
    const menu = await h.command('switches').reply();
    await redis.kill();
    const click = next(menu);
    expect(await answerOf(click)).toEqual([UserErrorMessages.SessionsUnavailable()]);
    expect(click.record.followUps.every((m) => m.ephemeral) && menu.ephemeral).toBe(true);
    const command = await h.command('switches').reply();
    expect(command.content).toBe(UserErrorMessages.SessionsUnavailable());
    expect(command.ephemeral).toBe(true);

    await redis.restart();
    await vi.waitFor(async () => expect(await h.command('switches').reply()).toMatchObject({ content: '' }), {
      timeout: 15_000,
      interval: 200,
    });
    expect(await answerOf(next(menu))).toEqual([UserErrorMessages.MenuExpired({ command: 'switches' })]);
    expect(h.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
  }, 60_000);
});
