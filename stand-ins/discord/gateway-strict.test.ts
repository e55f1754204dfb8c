import { Client, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordClientOptions, startDiscordStandIn, type DiscordStandIn } from './index.js';
import { connectTestClient, type TestClient } from './test-client.js';

let standIn: DiscordStandIn;
let bot: TestClient;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ heartbeatIntervalMs: 150 });
  bot = await connectTestClient(standIn);
});

afterAll(async () => {
  await bot.destroy();
  await standIn.close();
});

describe('the gateway, as strict as Discord', () => {
  it('counts IDENTIFYs as session starts, and GET /gateway/bot reports what is left', async () => {
    expect(standIn.gateway.identifyCount).toBe(1);
    const answer = await fetch(`${standIn.apiBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${standIn.botToken}` },
    });
    expect(
      ((await answer.json()) as { session_start_limit: { remaining: number } }).session_start_limit.remaining,
    ).toBe(999);
  });

  it('closes with 4014 an IDENTIFY asking for a privileged intent that is not enabled', async () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      ...discordClientOptions(standIn),
    });
    const error = await client.login(standIn.botToken).catch((e: unknown) => e);
    await client.destroy();
    expect(String(error)).toMatch(/disallowed intents/i);
    expect(standIn.gateway.events.filter((e) => e.kind === 'rejected').at(-1)?.detail).toBe(
      `identify with privileged intents not enabled: ${1 << 15}`,
    );
    expect(standIn.gateway.identifyCount).toBe(1);
  });

  it('withholding heartbeat ACKs makes discord.js drop the zombie connection and resume', async () => {
    const resumes = standIn.gateway.events.filter((e) => e.kind === 'resume').length;
    standIn.gateway.withholdHeartbeatAcks(1);
    await standIn.waitFor(
      () => (standIn.gateway.events.filter((e) => e.kind === 'resume').length > resumes ? true : undefined),
      5_000,
      'a RESUME after a missed ACK',
    );
    expect(standIn.gateway.identifyCount).toBe(1);
    await standIn.gateway.waitForReady();
  });
});
