import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { chat, useStandInClient } from './client-fixture.js';

const world = useStandInClient({ register: true });

describe('components and modals of a real discord.js client against the stand-in', () => {
  it('shows a modal and hands the submitted values back in the same layout', async () => {
    world.bot.onInteraction(async (i) => {
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
    const first = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await first.firstResponse();
    expect(first.modal?.title).toBe('Link your token');
    const submit = world.standIn.dispatchInteraction(world.standIn.modalSubmit('link', { token: 'x'.repeat(64) }));
    expect((await submit.reply()).content).toBe('got 64 chars');
  });

  it('answers autocomplete with the focused option', async () => {
    world.bot.onInteraction(async (i) => {
      if (i.isAutocomplete())
        await i.respond([{ name: `${i.options.getFocused(true).name}:${i.options.getFocused()}`, value: 'abcde' }]);
    });
    const handle = world.standIn.dispatchInteraction(world.standIn.autocomplete('front', { system: 'ab' }, 'system'));
    expect((await handle.firstResponse()).type).toBe(8);
    expect(handle.choices).toEqual([{ name: 'system:ab', value: 'abcde' }]);
  });

  it('updates the message a button sat on', async () => {
    world.bot.onInteraction(async (i) => {
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
    const page1 = await world.standIn.dispatchInteraction(world.standIn.chatInput('front')).reply();
    const click = world.standIn.dispatchInteraction(world.standIn.button('next', page1));
    const page2 = await click.reply();
    expect(page2).toMatchObject({ id: page1.id, content: 'page 2 via next', components: [] });
    expect((await click.firstResponse()).type).toBe(7);
  });

  it('a string select deferUpdate then editReply edits the message it sat on', async () => {
    world.bot.onInteraction(async (i) => {
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
    const menu = await world.standIn.dispatchInteraction(world.standIn.chatInput('front')).reply();
    const pick = world.standIn.dispatchInteraction(world.standIn.select('member', ['fghij'], menu));
    expect((await pick.firstResponse()).type).toBe(6);
    expect(await pick.reply()).toMatchObject({ id: menu.id, content: 'picked fghij', components: [] });
  });

  it('fetches and deletes the original reply', async () => {
    let fetched = '';
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('to be removed');
        fetched = (await i.fetchReply()).content;
        await i.deleteReply();
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await handle.waitFor((r) => r.original?.deleted === true);
    expect(fetched).toBe('to be removed');
    expect(
      world.standIn.requests
        .filter((r) => r.path.endsWith(`${handle.token}/messages/@original`))
        .map((r) => `${r.method} ${r.status}`),
    ).toEqual(['GET 200', 'DELETE 204']);
  });
});
