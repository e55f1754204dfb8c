/**
 * SIGTERM against the real entry point in a child process with HEALTH_PORT set: `/readyz` answers 503 from the
 * moment the shutdown begins, while the interaction in flight is still being finished (the drain), so a load
 * balancer stops sending work before the process stops taking it; `/healthz` stays 200 until the exit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { childBotEnv } from '../e2e/child-bot-env.js';
import { startDiscordStandIn, type DiscordStandIn } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startTypeScriptEntry, type Child } from '../e2e/child-process.js';
import { get } from './scrape.js';

describe('/readyz during a SIGTERM drain (real entry point)', () => {
  let discord: DiscordStandIn;
  let pk: PluralKitStandIn;
  let child: Child | undefined;

  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null) child.process.kill('SIGKILL');
    await Promise.all([discord.close(), pk.close()]);
  });

  it('turns 503 before the drain finishes the interaction in flight, then the process exits 0', async () => {
    discord = await startDiscordStandIn({ heartbeatIntervalMs: 500 });
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    const base = await childBotEnv(discord, pk);
    child = startTypeScriptEntry('src/main.ts', {
      ...base,
      STORE_URL: 'memory:',
      SHUTDOWN_GRACE_MS: '10000',
      HEALTH_PORT: '0',
      ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
    });
    const listening = JSON.parse(await child.waitForLine(/"msg":"health and metrics listening"/)) as { port: number };
    await child.waitForLine(/"msg":"ready"/);
    expect((await get(listening.port, '/readyz')).status).toBe(200);

    pk.setLatency(5_000);
    const slow = discord.dispatchInteraction(discord.chatInput('fronters', { system: pk.sample.other.systemId }));
    expect((await slow.firstResponse(30_000)).type).toBe(5);
    child.process.kill('SIGTERM');
    await child.waitForLine(/shutting down/);

    const during = await get(listening.port, '/readyz');
    expect(during.status).toBe(503);
    expect(JSON.parse(during.text)).toMatchObject({ status: 'draining' });
    expect((await get(listening.port, '/healthz')).status).toBe(200);
    // The drain is still running: the user's answer has not arrived yet.
    expect(slow.record.original?.loading ?? true).toBe(true);

    expect(await child.exited).toBe(0);
    expect(slow.record.original?.loading).toBe(false);
  }, 120_000);
});
