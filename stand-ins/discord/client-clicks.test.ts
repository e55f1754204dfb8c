import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ImpossibleClickError } from './index.js';
import { useStandInClient } from './client-fixture.js';

const world = useStandInClient();

const row = (...buttons: ButtonBuilder[]) => new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons);
const button = (id: string, disabled = false) =>
  new ButtonBuilder().setCustomId(id).setLabel(id).setStyle(ButtonStyle.Primary).setDisabled(disabled);
const menu = () =>
  new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId('pick')
      .addOptions({ label: 'Alex', value: 'abcde' }, { label: 'Sam', value: 'fghij' }),
  );

function chat(handler: (i: ChatInputCommandInteraction) => Promise<unknown>): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

describe('component clicks come from a real message, as it is now', () => {
  it('refuses an id that is not on the message, a disabled control, foreign select values and other users on ephemerals', async () => {
    world.bot.onInteraction(
      chat((i) =>
        i.reply({
          content: 'menu',
          components: [row(button('next'), button('off', true)), menu()],
          flags: MessageFlags.Ephemeral,
        }),
      ),
    );
    const message = await world.standIn.dispatchInteraction(world.standIn.chatInput('front')).reply();
    expect(() => world.standIn.button('made-up', message)).toThrow(/no control has that custom id/);
    expect(() => world.standIn.button('off', message)).toThrow(/disabled/);
    expect(() => world.standIn.select('pick', ['zzzzz'], message)).toThrow(/not among its options/);
    expect(() => world.standIn.select('pick', ['abcde', 'fghij'], message)).toThrow(/takes 1–1/);
    expect(() => world.standIn.button('next', message, { user: world.standIn.users.bob })).toThrow(
      ImpossibleClickError,
    );
    expect(() => world.standIn.button('next', { ...message, id: '1' })).toThrow(/no such message/);
    expect(world.standIn.button('next', message).data.custom_id).toBe('next');
  });

  it('an update changes the stored message: the command sees it, and an old snapshot clicks the message as it is now', async () => {
    world.bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'page 1', components: [row(button('next'))] });
      else if (i.isButton()) await i.update({ content: 'page 2', components: [row(button('back'))] });
    });
    const command = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    const page1 = await command.reply();
    await world.standIn.dispatchInteraction(world.standIn.button('next', page1)).reply();
    expect(command.original?.content).toBe('page 2');
    expect(() => world.standIn.button('next', page1)).toThrow(/no control has that custom id now/);
    const click = world.standIn.button('back', page1);
    expect(click.message.content).toBe('page 2');
  });

  it('lets a test forge a click only through forgeClick', async () => {
    world.bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'old', components: [row(button('next'))] });
      else if (i.isButton()) await i.reply({ content: `forged ${i.customId}`, flags: MessageFlags.Ephemeral });
    });
    const message = await world.standIn.dispatchInteraction(world.standIn.chatInput('front')).reply();
    const reply = await world.standIn
      .dispatchInteraction(world.standIn.forgeClick('hand-made', message, { user: world.standIn.users.bob }))
      .reply();
    expect(reply.content).toBe('forged hand-made');
  });
});

describe('a modal submit is taken from the interaction that showed it', () => {
  it('carries its user and message, and is refused for a modal never shown, another user or a field it lacks', async () => {
    world.bot.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'open', components: [row(button('open'))] });
      else if (i.isButton()) {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('form')
            .setTitle('Form')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('name').setLabel('Name').setStyle(TextInputStyle.Short),
              ),
            ),
        );
      } else if (i.isModalSubmit() && i.isFromMessage())
        await i.update({ content: `named ${i.fields.getTextInputValue('name')}`, components: [] });
    });
    expect(() => world.standIn.modalSubmit('never-shown', {})).toThrow(/never showed/);
    const message = await world.standIn
      .dispatchInteraction(world.standIn.chatInput('front', {}, { user: world.standIn.users.carol }))
      .reply();
    await world.standIn
      .dispatchInteraction(world.standIn.button('open', message, { user: world.standIn.users.carol }))
      .firstResponse();
    expect(() => world.standIn.modalSubmit('form', { name: 'x' }, { user: world.standIn.users.bob })).toThrow(
      /shown to/,
    );
    expect(() => world.standIn.modalSubmit('form', { nickname: 'x' })).toThrow(/no input/);
    const submit = world.standIn.modalSubmit('form', { name: 'Alex' });
    expect(submit.user?.id ?? submit.member?.user.id).toBe(world.standIn.users.carol.id);
    expect(await world.standIn.dispatchInteraction(submit).reply()).toMatchObject({
      id: message.id,
      content: 'named Alex',
    });
  });
});

describe('a follow-up after DELETE @original of a deferred reply', () => {
  it('is a new message with its own flags, and the deleted reply is not an answer', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.deferReply();
        await i.deleteReply();
        await i.followUp({ content: 'Something went wrong.', flags: MessageFlags.Ephemeral });
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    const record = await handle.waitFor((r) => r.followUps.length === 1);
    expect(record.original).toMatchObject({ deleted: true, content: '' });
    expect(record.followUps[0]).toMatchObject({ content: 'Something went wrong.', ephemeral: true });
    await expect(handle.reply(300)).rejects.toThrow(/visible reply/);
  });
});
