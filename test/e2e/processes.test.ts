/**
 * Two real bot processes (`src/main.ts` in children) on one Discord shard, one Redis and one token store. The
 * first links a user and shows a paged history; it is killed (SIGKILL) mid-interaction; a second process takes
 * the shard, and the next click on the first one's buttons is answered by it, from the session the first saved
 * in Redis, while a stranger's click is still refused. The token linked through the first is read by the second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionKeyPrefix } from '../../src/discord/redis-sessions.js';
import { UserErrorMessages } from '../../src/errors.js';
import { looksSecret } from '../../src/log.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { createLogger } from '../../src/log.js';
import { createPrivateDatabase, type PrivateDatabase } from '../support/private-postgres.js';
import { answerOf, startDeployment, type Deployment } from './bot-processes.js';
import { buttonOf, pageOf } from './profiles-helpers.js';

/** Every string anywhere in a parsed JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
}

describe.each(['redis', 'postgres'] as const)('two bot processes sharing Redis and a %s token store', (kind) => {
  let d: Deployment;
  let database: PrivateDatabase | undefined;
  beforeAll(async () => {
    database = kind === 'postgres' ? await createPrivateDatabase() : undefined;
    d = await startDeployment((redis) => database?.url ?? redis.url);
  }, 60_000);
  afterAll(async () => {
    await d.finish();
    await database?.drop();
  }, 60_000);

  it("answers the next click on a killed process's buttons from another process, for the owner only", async () => {
    const { discord, pk } = d;
    const { alice, bob } = discord.users;
    const first = await d.startBot();
    await discord.directMessage(alice, pk.sample.own.token);
    await discord.waitForDm(alice, (message) => message.content.startsWith('✅ Linked'), 30_000);
    const history = await discord.dispatchInteraction(discord.chatInput('switches', { public: true })).reply(30_000);
    const click = (action: string, message: typeof history, ctx = {}) =>
      discord.dispatchInteraction(discord.button(buttonOf(message, action).custom_id, message, ctx));
    const next = (message: typeof history, ctx = {}) => click('next', message, ctx);
    const second = await next(history).reply(30_000);
    expect(pageOf(second).page).toBe(2);

    // Mid-interaction: "last" needs switches not loaded yet (115, PluralKit gives 100 a page), PluralKit is slow, and
    // the first process dies while it waits.
    expect(second.embeds[0]?.footer?.text).toMatch(/^Page 2\/\d+\+/);
    pk.setLatency(5_000);
    const cut = click('last', second);
    await cut.firstResponse(30_000);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    pk.setLatency(0);

    const other = await d.startBot();
    expect(await answerOf(next(second, { user: bob }))).toEqual([
      UserErrorMessages.NotYourMenu({ command: 'switches' }),
    ]);
    const third = await next(second).reply(30_000);
    expect(third.content).not.toMatch(/expired/);
    expect(pageOf(third).page).toBe(3);
    expect(other.lines.some((line) => line.includes('"level":50'))).toBe(false);

    // The token was linked through the first process; the second reads it from the shared store.
    const system = await discord.dispatchInteraction(discord.chatInput('system', {})).reply(30_000);
    expect(JSON.stringify(system.embeds)).toContain(pk.sample.own.systemId);
  }, 120_000);

  it('keeps no token in any session it stored in Redis', async () => {
    const redis = connectSharedRedis(d.redis.url, createLogger({ level: 'silent' }));
    try {
      await new Promise((resolve) => (redis.isReady ? resolve(undefined) : redis.once('ready', resolve)));
      const keys = await redis.keys(`${SessionKeyPrefix}*`);
      expect(keys.length).toBeGreaterThanOrEqual(1);
      for (const key of keys) {
        const text = (await redis.get(key)) ?? '';
        expect(text).not.toContain(d.pk.sample.own.token);
        expect(strings(JSON.parse(text)).filter(looksSecret), key).toEqual([]);
      }
    } finally {
      redis.destroy();
    }
  });
});
