/**
 * Two bot processes on one Redis (and one store) poll each opted-in system once per round between them: a
 * Redis claim per system and round decides which one reads it.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot, type Bot } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { LivePolls } from '../../src/live/polls.js';
import { createLogger } from '../../src/log.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { PollEnv, frontReadsOf } from './live-poll-support.js';

const Systems = 3;

/** A logger whose lines the test reads. */
function capturedLog(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return createLogger({ level: 'debug', destination });
}

describe('polling with two processes on one Redis', () => {
  let pk: PluralKitStandIn;
  let redis: PrivateRedis;
  const bots: { bot: Bot; lines: string[] }[] = [];
  const uuids: string[] = [];

  beforeAll(async () => {
    [pk, redis] = await Promise.all([startPluralKitStandIn({ rateLimit: { mode: 'off' } }), startPrivateRedis()]);
    const key = randomBytes(32).toString('base64');
    rememberSecret(key);
    const config = loadConfig({
      ...PollEnv,
      // One round each, so the test can count: the next is a minute away.
      LIVE_POLL_INTERVAL_MS: '60000',
      PLURALKIT_API_URL: pk.url,
      STORE_URL: redis.url,
      REDIS_URL: redis.url,
      PROCESSES: '2',
      TOKEN_ENCRYPTION_KEY: key,
      INTERACTIONS_PORT: '0',
      DISCORD_PUBLIC_KEY: randomBytes(32).toString('hex'),
    });
    for (let index = 0; index < 2; index += 1) {
      const lines: string[] = [];
      bots.push({ bot: await createBot({ config, log: capturedLog(lines), role: 'http' }), lines });
    }
    const { ctx } = bots[0]!.bot;
    for (let index = 0; index < Systems; index += 1) {
      const system = pk.state.addSystem({ name: `Shared ${index}` });
      const userId = String(710_000_000_000_000_000n + BigInt(index));
      await ctx.accounts.link(userId, system.token);
      await new LivePolls(ctx.settings).enable(userId, { id: system.id, uuid: system.uuid });
      uuids.push(system.uuid);
    }
    await Promise.all(bots.map(({ bot }) => bot.start('stand-in-bot-token')));
  });
  afterAll(async () => {
    await Promise.all(bots.map(({ bot }) => bot.stop()));
    await Promise.all([pk.close(), redis.stop()]);
  });

  it('each system is read once in the round, by one of the two', async () => {
    const rounds = (lines: string[]) =>
      lines
        .filter((line) => line.includes('"msg":"polling round done"'))
        .map((line) => JSON.parse(line) as { polled: number });
    await vi.waitFor(() => bots.forEach(({ lines }) => expect(rounds(lines).length).toBeGreaterThanOrEqual(1)), {
      timeout: 20_000,
      interval: 50,
    });
    for (const uuid of uuids) expect(frontReadsOf(pk.requests, uuid), 'reads of one system').toHaveLength(1);
    const polled = bots.map(({ lines }) => rounds(lines)[0]!.polled);
    expect(polled.reduce((sum, count) => sum + count, 0)).toBe(Systems);
  });
});
