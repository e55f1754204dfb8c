import { once } from 'node:events';
import { Events, type Interaction, type Message } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordStandIn, type DiscordStandIn } from './index.js';
import { shardOf } from './shards.js';
import { connectTestClient, type TestClient } from './test-client.js';

describe('several shards on the stand-in, driven by real discord.js clients', () => {
  let standIn: DiscordStandIn;
  let shards: TestClient[] = [];

  beforeEach(async () => {
    standIn = await startDiscordStandIn({ heartbeatIntervalMs: 500, guilds: 7, shards: 3, maxConcurrency: 3 });
    shards = await Promise.all([0, 1, 2].map((id) => connectTestClient(standIn, { shards: id, shardCount: 3 })));
  });

  afterEach(async () => {
    await Promise.all(shards.map((shard) => shard.destroy()));
    await standIn.close();
  });

  it('recommends the configured shard count and concurrency in GET /gateway/bot', async () => {
    const response = await fetch(`${standIn.apiBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${standIn.botToken}` },
    });
    const body = (await response.json()) as { shards: number; session_start_limit: { max_concurrency: number } };
    expect(body.shards).toBe(3);
    expect(body.session_start_limit.max_concurrency).toBe(3);
  });

  it('gives each shard READY and GUILD_CREATE for its own guilds only, as (guild_id >> 22) % count', () => {
    expect(standIn.gateway.readyShards.map(([id]) => id).sort()).toEqual([0, 1, 2]);
    const expected = [0, 1, 2].map((id) => standIn.guilds.filter((g) => shardOf(g.id, 3) === id).map((g) => g.id));
    // Seven guilds a millisecond apart land on every one of the three shards.
    expect(expected.every((ids) => ids.length >= 2)).toBe(true);
    expect(shards.map((shard) => [...shard.client.guilds.cache.keys()].sort())).toEqual(
      expected.map((ids) => ids.sort()),
    );
  });

  it('sends an interaction only to the shard of its guild, and DM interactions and DMs to shard 0', async () => {
    const seen: [number, string | null][] = [];
    shards.forEach((shard, id) =>
      shard.onInteraction(async (interaction: Interaction) => {
        seen.push([id, interaction.guildId]);
        if (interaction.isRepliable()) await interaction.reply({ content: `shard ${id}` });
      }),
    );
    for (const guild of standIn.guilds) {
      const handle = standIn.dispatchInteraction(standIn.chatInput('help', {}, { guild }));
      expect((await handle.reply()).content).toBe(`shard ${shardOf(guild.id, 3)}`);
    }
    const dm = standIn.dispatchInteraction(standIn.chatInput('help', {}, { where: 'bot-dm' }));
    expect((await dm.reply()).content).toBe('shard 0');
    const group = standIn.dispatchInteraction(standIn.chatInput('help', {}, { where: 'group-dm' }));
    expect((await group.reply()).content).toBe('shard 0');
    expect(seen).toHaveLength(standIn.guilds.length + 2);

    const received = [0, 1, 2].map(() => [] as Message[]);
    shards.forEach((shard, id) => shard.client.on(Events.MessageCreate, (message) => received[id]!.push(message)));
    const { delivered } = await standIn.directMessage(standIn.users.alice, 'hello');
    expect(delivered).toBe(true);
    await standIn.waitFor(() => (received[0]!.length === 1 ? true : undefined), 5_000, 'the DM on shard 0');
    expect(received.map((messages) => messages.map((m) => m.content))).toEqual([['hello'], [], []]);
  });
});

describe('IDENTIFY with an invalid shard', () => {
  it.each([[[3, 3]], [[-1, 2]], [[0, 0]], [[0]], ['0,1'], [[0.5, 2]]])('closes %j with 4010', async (shard) => {
    const standIn = await startDiscordStandIn();
    try {
      const socket = new WebSocket(`${standIn.gateway.url}/?v=10&encoding=json`);
      await once(socket, 'message');
      socket.send(JSON.stringify({ op: 2, d: { token: standIn.botToken, intents: 0, properties: {}, shard } }));
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(4010);
      expect(standIn.gateway.identifyCount).toBe(0);
    } finally {
      await standIn.close();
    }
  });
});
