import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  type ApplicationCommandDataResolvable,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { InteractionContextType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from './index.js';
import { connectTestClient, type TestClient } from './test-client.js';

let standIn: DiscordStandIn;
let bot: TestClient;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ heartbeatIntervalMs: 200 });
  bot = await connectTestClient(standIn);
});

afterAll(async () => {
  await bot.destroy();
  await standIn.close();
});

const commands: ApplicationCommandDataResolvable[] = [
  {
    name: 'front',
    description: 'Show who is fronting',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'system', description: 'System id', autocomplete: true },
    ],
  },
  {
    name: 'switch',
    description: 'Switches',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'log',
        description: 'Log a switch',
        options: [
          { type: ApplicationCommandOptionType.Integer, name: 'minutes', description: 'Minutes ago', required: true },
        ],
      },
    ],
  },
];

function chat(handler: (i: ChatInputCommandInteraction) => Promise<unknown>): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

describe('a real discord.js client against the stand-in', () => {
  it('logs in, identifies with its intents and sees the guild', () => {
    expect(bot.client.user.id).toBe(standIn.botUser.id);
    expect(bot.client.guilds.cache.get(standIn.guild.id)?.name).toBe('Stand-in Guild');
    expect(standIn.gateway.events.filter((e) => e.kind === 'identify')).toHaveLength(1);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v10/gateway/bot');
  });

  it('registers global and guild commands with PUT, and GET lists them', async () => {
    await bot.client.application.commands.set(commands);
    await bot.client.application.commands.set([{ name: 'debug', description: 'Guild only' }], standIn.guild.id);
    expect(standIn.commands.global.map((c) => c.name)).toEqual(['front', 'switch']);
    expect(standIn.commands.guild().map((c) => c.name)).toEqual(['debug']);
    const puts = standIn.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.route)).toEqual(['putGlobalCommands', 'putGuildCommands']);
    expect(puts[0]?.body).toMatchObject([
      { name: 'front', options: [{ name: 'system', autocomplete: true }] },
      { name: 'switch' },
    ]);
    const fetched = await bot.client.application.commands.fetch();
    expect([...fetched.values()].map((c) => c.name).sort()).toEqual(['front', 'switch']);
    expect(standIn.rejectedBodies).toEqual([]);
  });

  it('shows an ephemeral reply, with options typed after the registration (subcommand + integer)', async () => {
    bot.onInteraction(
      chat((i) =>
        i.reply({
          content: `${i.options.getSubcommand()} ${i.options.getInteger('minutes', true)}`,
          flags: MessageFlags.Ephemeral,
        }),
      ),
    );
    const handle = standIn.dispatchInteraction(standIn.chatInput('switch log', { minutes: 15 }));
    const reply = await handle.reply();
    expect(reply).toMatchObject({ content: 'log 15', ephemeral: true, flags: 64, loading: false });
    expect((await handle.firstResponse()).type).toBe(4);
  });

  it('defers, then edits in an embed; the reply resolves only after the edit', async () => {
    bot.onInteraction(
      chat(async (i) => {
        await i.deferReply();
        await new Promise((r) => setTimeout(r, 50));
        await i.editReply({
          embeds: [new EmbedBuilder().setTitle('Fronters').addFields({ name: 'Alex', value: 'since 2h' })],
        });
      }),
    );
    const handle = standIn.dispatchInteraction(standIn.chatInput('front'));
    expect((await handle.firstResponse()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply.embeds).toEqual([{ title: 'Fronters', fields: [{ name: 'Alex', value: 'since 2h' }] }]);
    expect(reply.editCount).toBe(1);
  });

  it('records follow-ups, and follow-up edits by id', async () => {
    bot.onInteraction(
      chat(async (i) => {
        await i.reply('first');
        const second = await i.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
        await i.webhook.editMessage(second, { content: 'second, edited' });
      }),
    );
    const handle = standIn.dispatchInteraction(standIn.chatInput('front'));
    await handle.waitFor((r) => r.followUps[0]?.editCount === 1);
    expect(handle.original?.content).toBe('first');
    expect(handle.followUps.map((m) => [m.content, m.ephemeral])).toEqual([['second, edited', true]]);
  });

  it('shows a modal and hands the submitted values back in the same layout', async () => {
    bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('link')
            .setTitle('Link your token')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('token').setLabel('Token').setStyle(TextInputStyle.Short),
              ),
            ),
        );
      } else if (i.isModalSubmit()) {
        await i.reply({
          content: `got ${i.fields.getTextInputValue('token').length} chars`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const first = standIn.dispatchInteraction(standIn.chatInput('front'));
    await first.firstResponse();
    expect(first.modal?.title).toBe('Link your token');
    const submit = standIn.dispatchInteraction(standIn.modalSubmit('link', { token: 'x'.repeat(64) }));
    expect((await submit.reply()).content).toBe('got 64 chars');
  });

  it('answers autocomplete with the focused option', async () => {
    bot.onInteraction(async (i) => {
      if (i.isAutocomplete())
        await i.respond([{ name: `${i.options.getFocused(true).name}:${i.options.getFocused()}`, value: 'abcde' }]);
    });
    const handle = standIn.dispatchInteraction(standIn.autocomplete('front', { system: 'ab' }, 'system'));
    expect((await handle.firstResponse()).type).toBe(8);
    expect(handle.choices).toEqual([{ name: 'system:ab', value: 'abcde' }]);
  });

  it('updates the message a button sat on', async () => {
    bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          content: 'page 1',
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (i.isButton()) {
        await i.update({ content: `page 2 via ${i.customId}`, components: [] });
      }
    });
    const page1 = await standIn.dispatchInteraction(standIn.chatInput('front')).reply();
    const click = standIn.dispatchInteraction(standIn.button('next', page1));
    const page2 = await click.reply();
    expect(page2).toMatchObject({ id: page1.id, content: 'page 2 via next', components: [] });
    expect((await click.firstResponse()).type).toBe(7);
  });

  it('a string select deferUpdate then editReply edits the message it sat on', async () => {
    bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          content: 'pick',
          components: [
            new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
              new StringSelectMenuBuilder()
                .setCustomId('member')
                .addOptions({ label: 'Alex', value: 'abcde' }, { label: 'Sam', value: 'fghij' }),
            ),
          ],
        });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `picked ${i.values.join(',')}`, components: [] });
      }
    });
    const menu = await standIn.dispatchInteraction(standIn.chatInput('front')).reply();
    const pick = standIn.dispatchInteraction(standIn.select('member', ['fghij'], menu));
    expect((await pick.firstResponse()).type).toBe(6);
    expect(await pick.reply()).toMatchObject({ id: menu.id, content: 'picked fghij', components: [] });
  });

  it('fetches and deletes the original reply', async () => {
    let fetched = '';
    bot.onInteraction(
      chat(async (i) => {
        await i.reply('to be removed');
        fetched = (await i.fetchReply()).content;
        await i.deleteReply();
      }),
    );
    const handle = standIn.dispatchInteraction(standIn.chatInput('front'));
    await handle.waitFor((r) => r.original?.deleted === true);
    expect(fetched).toBe('to be removed');
    expect(
      standIn.requests
        .filter((r) => r.path.endsWith(`${handle.token}/messages/@original`))
        .map((r) => `${r.method} ${r.status}`),
    ).toEqual(['GET 200', 'DELETE 204']);
  });

  it('delivers DM and user-install interactions with the right context and owners', async () => {
    const seen: { context: number | null; inGuild: boolean; channelType: number | undefined; owner: string | null }[] =
      [];
    bot.onInteraction(
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
      await standIn.dispatchInteraction(standIn.chatInput('front', {}, { where, user: standIn.users.carol })).reply();
    }
    expect(seen).toEqual([
      { context: InteractionContextType.BotDM, inGuild: false, channelType: 1, owner: standIn.users.carol.id },
      { context: InteractionContextType.PrivateChannel, inGuild: false, channelType: 1, owner: standIn.users.carol.id },
      { context: InteractionContextType.PrivateChannel, inGuild: false, channelType: 3, owner: standIn.users.carol.id },
    ]);
  });

  it('delivers user and message context-menu commands with their targets', async () => {
    bot.onInteraction(async (i) => {
      if (i.isUserContextMenuCommand()) await i.reply(`user ${i.targetUser.username}`);
      if (i.isMessageContextMenuCommand()) await i.reply(`message ${i.targetMessage.content}`);
    });
    expect(
      (await standIn.dispatchInteraction(standIn.userContext('Show system', standIn.users.bob)).reply()).content,
    ).toBe('user bob');
    const proxied = (await standIn.directMessage(standIn.users.alice, 'hello from a proxy')).message;
    expect(
      (await standIn.dispatchInteraction(standIn.messageContext('Who sent this', proxied, { where: 'bot-dm' })).reply())
        .content,
    ).toBe('message hello from a proxy');
  });

  it("delivers a plain DM as messageCreate and records the bot's DM answer", async () => {
    bot.client.once('messageCreate', (message) => {
      void message.author.send('Never paste your token in a DM; use /link.').catch((e: unknown) => bot.errors.push(e));
    });
    const { delivered } = await standIn.directMessage(standIn.users.bob, 'x'.repeat(64));
    expect(delivered).toBe(true);
    const warning = await standIn.waitForDm(standIn.users.bob);
    expect(warning.content).toContain('Never paste your token');
    expect(standIn.requests.filter((r) => r.route === 'createMessage').map((r) => r.path)).toEqual([
      `/api/v10/channels/${standIn.dmChannel(standIn.users.bob).id}/messages`,
    ]);
    expect(standIn.unknownRoutes).toEqual([]);
  });
});
