import {
  ApplicationCommandOptionType,
  DiscordAPIError,
  Routes,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { useStandInClient } from './client-fixture.js';

const world = useStandInClient({
  register: [
    {
      name: 'front',
      description: 'Show who is fronting',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'system', description: 'System id', autocomplete: true },
        { type: ApplicationCommandOptionType.Integer, name: 'days', description: 'Days', autocomplete: true },
      ],
    },
  ],
});

function chat(handler: (i: ChatInputCommandInteraction) => Promise<unknown>): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

const errorWithCode = (code: number) => () =>
  world.bot.errors.find((e) => e instanceof DiscordAPIError && e.code === code);

const lastRejection = (): string[] =>
  world.standIn.rejectedBodies.at(-1)?.issues.map((i) => `${i.path}: ${i.message}`) ?? [];

describe('checks that need the interaction in view', () => {
  it('refuses autocomplete choices longer than 100 or of another type than the focused option', async () => {
    world.bot.onInteraction(async (i) => {
      if (!i.isAutocomplete()) return;
      await (i.options.getFocused(true).name === 'system'
        ? i.respond([{ name: 'long', value: 'x'.repeat(101) }])
        : i.respond([{ name: 'text', value: 'seven' }]));
    });
    const before = world.standIn.rejectedBodies.length;
    await world.standIn.dispatchInteraction(world.standIn.autocomplete('front', { system: 'ab' }, 'system')).sent;
    await world.standIn.waitFor(() => (world.standIn.rejectedBodies.length > before ? true : undefined));
    expect(lastRejection()).toEqual(['data.choices.0.value: Must be 100 or fewer in length.']);
    await world.standIn.dispatchInteraction(world.standIn.autocomplete('front', { days: 7 }, 'days')).sent;
    await world.standIn.waitFor(() => (world.standIn.rejectedBodies.length > before + 1 ? true : undefined));
    expect(lastRejection()).toEqual(['data.choices.0.value: Value "seven" is not int.']);
  });

  it('refuses a deferral with any flag but EPHEMERAL', async () => {
    world.bot.onInteraction(
      chat((i) =>
        i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
          body: { type: 5, data: { flags: 4096 } },
          auth: false,
        }),
      ),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await world.standIn.waitFor(() =>
      world.standIn.rejectedBodies.some((r) => r.request.path.includes(handle.id)) ? true : undefined,
    );
    expect(lastRejection()).toEqual(['data.flags: A deferred response may only set the EPHEMERAL flag.']);
    expect(handle.record.responses).toEqual([]);
  });

  it('validates an edit as the merged message: emptying it is 50006', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('something');
        await i.editReply({ content: '' });
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await world.standIn.waitFor(() =>
      world.standIn.rejectedBodies.some((r) => r.request.path.includes(handle.token)) ? true : undefined,
    );
    expect(world.standIn.rejectedBodies.at(-1)?.request.response).toEqual({
      code: 50006,
      message: 'Cannot send an empty message',
    });
    expect(handle.original?.content).toBe('something');
  });
});

describe('the interaction token', () => {
  it('expires after 15 minutes on the stand-in clock: 401 / 50027', async () => {
    let release = (): void => undefined;
    const later = new Promise<void>((resolve) => {
      release = resolve;
    });
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('now');
        await later;
        await i.followUp('fifteen minutes later');
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await handle.reply();
    world.standIn.advanceClock(15 * 60_000 + 1);
    release();
    expect(await world.standIn.waitFor(errorWithCode(50027))).toMatchObject({
      status: 401,
      message: 'Invalid Webhook Token',
    });
    expect(handle.followUps).toEqual([]);
  });

  it('allows a user-installed app outside a server 5 follow-ups, then 40094; in the guild there is no such cap', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('first');
        for (let n = 1; n <= 6; n += 1)
          await i.followUp(`follow-up ${n}`).catch((e: unknown) => world.bot.errors.push(e));
      }),
    );
    const dm = world.standIn.dispatchInteraction(world.standIn.chatInput('front', {}, { where: 'user-dm' }));
    expect(await world.standIn.waitFor(errorWithCode(40094))).toMatchObject({ status: 400 });
    expect(dm.followUps).toHaveLength(5);
    const guild = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    await guild.waitFor((r) => r.followUps.length === 6);
    expect(world.bot.errors.filter((e) => e instanceof DiscordAPIError && e.code === 40094)).toHaveLength(1);
  });
});
