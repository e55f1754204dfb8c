import { EmbedBuilder, MessageFlags } from 'discord.js';
import { InteractionContextType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { chat, sampleCommands, useStandInClient } from './client-fixture.js';

const world = useStandInClient();

describe('a real discord.js client against the stand-in', () => {
  it('logs in, identifies with its intents and sees the guild', () => {
    expect(world.bot.client.user.id).toBe(world.standIn.botUser.id);
    expect(world.bot.client.guilds.cache.get(world.standIn.guild.id)?.name).toBe('Stand-in Guild');
    expect(world.standIn.gateway.events.filter((e) => e.kind === 'identify')).toHaveLength(1);
    expect(world.standIn.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v10/gateway/bot');
  });

  it('registers global and guild commands with PUT, and GET lists them', async () => {
    await world.bot.client.application.commands.set(sampleCommands);
    await world.bot.client.application.commands.set(
      [{ name: 'debug', description: 'Guild only' }],
      world.standIn.guild.id,
    );
    expect(world.standIn.commands.global.map((c) => c.name)).toEqual(['front', 'switch']);
    expect(world.standIn.commands.guild().map((c) => c.name)).toEqual(['debug']);
    const puts = world.standIn.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.route)).toEqual(['putGlobalCommands', 'putGuildCommands']);
    expect(puts[0]?.body).toMatchObject([
      { name: 'front', options: [{ name: 'system', autocomplete: true }] },
      { name: 'switch' },
    ]);
    const fetched = await world.bot.client.application.commands.fetch();
    expect([...fetched.values()].map((c) => c.name).sort()).toEqual(['front', 'switch']);
    expect(world.standIn.rejectedBodies).toEqual([]);
  });

  it('shows an ephemeral reply, with options typed after the registration (subcommand + integer)', async () => {
    world.bot.onInteraction(
      chat((i) =>
        i.reply({
          content: `${i.options.getSubcommand()} ${i.options.getInteger('minutes', true)}`,
          flags: MessageFlags.Ephemeral,
        }),
      ),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('switch log', { minutes: 15 }));
    const reply = await handle.reply();
    expect(reply).toMatchObject({ content: 'log 15', ephemeral: true, flags: 64, loading: false });
    expect((await handle.firstResponse()).type).toBe(4);
  });

  it('defers, then edits in an embed; the reply resolves only after the edit', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.deferReply();
        await new Promise((r) => setTimeout(r, 50));
        await i.editReply({
          embeds: [new EmbedBuilder().setTitle('Fronters').addFields({ name: 'Alex', value: 'since 2h' })],
        });
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect((await handle.firstResponse()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply.embeds).toEqual([{ title: 'Fronters', fields: [{ name: 'Alex', value: 'since 2h' }] }]);
    expect(reply.editCount).toBe(1);
  });

  it('records follow-ups, and follow-up edits by id', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('first');
        const second = await i.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
        await i.webhook.editMessage(second, { content: 'second, edited' });
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await handle.waitFor((r) => r.followUps[0]?.editCount === 1);
    expect(handle.original?.content).toBe('first');
    expect(handle.followUps.map((m) => [m.content, m.ephemeral])).toEqual([['second, edited', true]]);
  });

  it('delivers DM and user-install interactions with the right context and owners', async () => {
    const seen: { context: number | null; inGuild: boolean; channelType: number | undefined; owner: string | null }[] =
      [];
    world.bot.onInteraction(
      chat(async (i) => {
        seen.push({
          context: i.context,
          inGuild: i.inGuild(),
          channelType: i.channel?.type,
          owner: i.authorizingIntegrationOwners.userId,
        });
        await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
      }),
    );
    for (const where of ['bot-dm', 'user-dm', 'group-dm'] as const) {
      await world.standIn
        .dispatchInteraction(world.standIn.chatInput('front', {}, { where, user: world.standIn.users.carol }))
        .reply();
    }
    expect(seen).toEqual([
      { context: InteractionContextType.BotDM, inGuild: false, channelType: 1, owner: world.standIn.users.carol.id },
      {
        context: InteractionContextType.PrivateChannel,
        inGuild: false,
        channelType: 1,
        owner: world.standIn.users.carol.id,
      },
      {
        context: InteractionContextType.PrivateChannel,
        inGuild: false,
        channelType: 3,
        owner: world.standIn.users.carol.id,
      },
    ]);
  });

  it('delivers user and message context-menu commands with their targets', async () => {
    world.bot.onInteraction(async (i) => {
      if (i.isUserContextMenuCommand()) await i.reply(`user ${i.targetUser.username}`);
      if (i.isMessageContextMenuCommand()) await i.reply(`message ${i.targetMessage.content}`);
    });
    expect(
      (
        await world.standIn
          .dispatchInteraction(world.standIn.userContext('Show system', world.standIn.users.bob))
          .reply()
      ).content,
    ).toBe('user bob');
    const proxied = (await world.standIn.directMessage(world.standIn.users.alice, 'hello from a proxy')).message;
    expect(
      (
        await world.standIn
          .dispatchInteraction(world.standIn.messageContext('Who sent this', proxied, { where: 'bot-dm' }))
          .reply()
      ).content,
    ).toBe('message hello from a proxy');
  });

  it("delivers a plain DM as messageCreate and records the bot's DM answer", async () => {
    world.bot.client.once('messageCreate', (message) => {
      void message.author
        .send('Never paste your token in a DM; use /link.')
        .catch((e: unknown) => world.bot.errors.push(e));
    });
    const { delivered } = await world.standIn.directMessage(world.standIn.users.bob, 'x'.repeat(64));
    expect(delivered).toBe(true);
    const warning = await world.standIn.waitForDm(world.standIn.users.bob);
    expect(warning.content).toContain('Never paste your token');
    expect(world.standIn.requests.filter((r) => r.route === 'createMessage').map((r) => r.path)).toEqual([
      `/api/v10/channels/${world.standIn.dmChannel(world.standIn.users.bob).id}/messages`,
    ]);
    expect(world.standIn.unknownRoutes).toEqual([]);
  });
});
