import { Client, DiscordjsErrorCodes, GatewayIntentBits, type DiscordjsError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordClientOptions, startDiscordStandIn, type DiscordStandIn } from './index.js';
import { connectTestClient, type TestClient } from './test-client.js';

let standIn: DiscordStandIn;
let bot: TestClient;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ heartbeatIntervalMs: 150 });
  bot = await connectTestClient(standIn);
  bot.onInteraction(async (i) => (i.isChatInputCommand() ? i.reply(`pong ${i.id}`) : undefined));
});

afterAll(async () => {
  await bot.destroy();
  await standIn.close();
});

const count = (kind: string) => standIn.gateway.events.filter((e) => e.kind === kind).length;

async function interactionStillWorks(): Promise<void> {
  const handle = standIn.dispatchInteraction(standIn.chatInput('ping'));
  expect((await handle.reply()).content).toBe(`pong ${handle.id}`);
}

describe('gateway lifecycle', () => {
  it('acknowledges heartbeats so the connection stays up', async () => {
    await standIn.waitFor(() => (count('heartbeat') >= 2 ? true : undefined), 3_000, 'two heartbeats');
    expect(count('close')).toBe(0);
  });

  it('op 7 RECONNECT: the client resumes on the resume URL and interactions still arrive', async () => {
    const identifies = count('identify');
    standIn.gateway.requestReconnect();
    await standIn.waitFor(() => (count('resume') >= 1 ? true : undefined), 5_000, 'a RESUME');
    expect(count('identify')).toBe(identifies);
    expect(standIn.gateway.events.filter((e) => e.kind === 'connect').at(-1)?.detail).toMatch(
      /^\/resume\?v=10&encoding=json$/,
    );
    await interactionStillWorks();
  });

  it('a dropped socket is resumed', async () => {
    const resumes = count('resume');
    standIn.gateway.dropConnections();
    await standIn.waitFor(() => (count('resume') > resumes ? true : undefined), 5_000, 'a RESUME after the drop');
    await interactionStillWorks();
  });

  it('op 9 INVALID_SESSION (not resumable) makes the client IDENTIFY again', async () => {
    const identifies = count('identify');
    standIn.gateway.invalidateSession(false);
    await standIn.waitFor(() => (count('identify') > identifies ? true : undefined), 5_000, 'a new IDENTIFY');
    await interactionStillWorks();
  });

  it('a wrong bot token fails login with TokenInvalid (401 on /gateway/bot)', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], ...discordClientOptions(standIn) });
    const error = await client.login('not-the-token').catch((e: unknown) => e);
    await client.destroy();
    expect((error as DiscordjsError).code).toBe(DiscordjsErrorCodes.TokenInvalid);
  });
});
