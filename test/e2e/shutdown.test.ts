/**
 * SIGTERM with work in flight, against the real entry point (`src/main.ts` in a child process, as `npm start`
 * runs it) talking to both stand-ins in this process. What a user would notice: their deferred reply is
 * finished (or told the bot restarted), a command sent during the shutdown is told to try again, nothing is
 * written twice, and the process exits 0 within the bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { childBotEnv } from './child-bot-env.js';
import { UserErrorMessages } from '../../src/errors.js';
import { startDiscordStandIn, type DiscordStandIn } from '../../stand-ins/discord/index.js';
import { startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startTypeScriptEntry, type Child } from './child-process.js';

describe('SIGTERM while interactions are in flight (real entry point)', () => {
  let discord: DiscordStandIn;
  let pk: PluralKitStandIn;
  let child: Child | undefined;
  let key: string;

  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null) child.process.kill('SIGKILL');
    expect(discord.rejectedBodies, 'bodies Discord would reject').toEqual([]);
    expect(discord.unknownRoutes, 'routes Discord does not have').toEqual([]);
    const secrets = [pk.sample.own.token, discord.botToken, key];
    const haystacks = [
      ...(child?.lines ?? []),
      ...discord.requests.map((request) => `${request.path} ${JSON.stringify(request.body ?? null)}`),
    ];
    expect(
      haystacks.filter((text) => secrets.some((secret) => text.includes(secret))),
      'leaked tokens',
    ).toEqual([]);
    await Promise.all([discord.close(), pk.close()]);
  });

  /** Starts the stand-ins and the bot process, and links alice by DM, the way a user would. */
  async function startBot(graceMs: number): Promise<Child> {
    discord = await startDiscordStandIn({ heartbeatIntervalMs: 500 });
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    const base = await childBotEnv(discord, pk);
    key = base.TOKEN_ENCRYPTION_KEY;
    const started = startTypeScriptEntry('src/main.ts', {
      ...base,
      STORE_URL: 'memory:',
      SHUTDOWN_GRACE_MS: String(graceMs),
      LOG_LEVEL: 'debug',
      ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
    });
    await started.waitForLine(/"msg":"ready"/);
    await discord.directMessage(discord.users.alice, pk.sample.own.token);
    await discord.waitForDm(discord.users.alice, (message) => message.content.startsWith('✅ Linked'), 30_000);
    return started;
  }

  const ownSwitches = (): number => {
    const own = pk.state.systemByHid(pk.sample.own.systemId)!;
    return [...pk.state.switches.values()].filter((entry) => entry.systemUuid === own.uuid).length;
  };
  const switchWrites = (): number =>
    pk.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/switches')).length;

  it('finishes a slow switch it had deferred, turns a new command away, and exits 0', async () => {
    child = await startBot(10_000);
    const before = ownSwitches();
    pk.setLatency(900);
    const slow = discord.dispatchInteraction(discord.chatInput('switch out', {}));
    // Mid-interaction: Discord shows "thinking…", PluralKit has not answered yet.
    expect((await slow.firstResponse(30_000)).type).toBe(5);
    child.process.kill('SIGTERM');
    await child.waitForLine(/shutting down/);

    const late = discord.dispatchInteraction(discord.chatInput('fronters', {}));
    expect((await late.reply(30_000)).content).toBe(UserErrorMessages.Restarting());
    await discord.directMessage(discord.users.bob, 'hello?');
    await discord.waitForDm(discord.users.bob, (message) => message.content === UserErrorMessages.Restarting(), 30_000);

    expect(await child.exited).toBe(0);
    const answer = slow.record.original!;
    expect(answer.loading).toBe(false);
    expect(JSON.stringify(answer.embeds) + answer.content).toMatch(/switched out|Nobody is fronting|no one/i);
    expect(switchWrites()).toBe(1);
    expect(ownSwitches()).toBe(before + 1);
    expect(child.lines.some((line) => line.includes('"finished":1') && line.includes('"answered":0'))).toBe(true);
  }, 120_000);

  it('answers what cannot finish within SHUTDOWN_GRACE_MS instead of leaving it "thinking…"', async () => {
    child = await startBot(1_500);
    pk.setLatency(8_000);
    const stuck = discord.dispatchInteraction(discord.chatInput('switch out', {}));
    expect((await stuck.firstResponse(30_000)).type).toBe(5);
    child.process.kill('SIGTERM');

    expect(await child.exited).toBe(0);
    const answer = stuck.record.original!;
    expect(answer.loading).toBe(false);
    expect(answer.content).toBe(UserErrorMessages.RestartedMidway());
    expect(child.lines.some((line) => line.includes('"finished":0') && line.includes('"answered":1'))).toBe(true);
  }, 120_000);
});
