import {
  DiscordAPIError,
  HTTPError,
  MessageFlags,
  Routes,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { useStandInClient } from './client-fixture.js';

// retries: 0 so injected 5xx fail at once instead of being retried three times.
const world = useStandInClient({ client: { rest: { retries: 0 } } });

afterEach(() => {
  world.standIn.faults.clear();
  world.standIn.setInteractionWindow(3_000);
  world.bot.errors.length = 0;
});

function chat(handler: (i: ChatInputCommandInteraction) => Promise<unknown>): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

/** Resolves with the handler's first error (the bot's view of what Discord answered). */
function firstError(): Promise<unknown> {
  return world.standIn.waitFor(() => world.bot.errors[0], 5_000, 'a handler error');
}

describe('the stand-in refuses what Discord refuses', () => {
  it('rejects 26 embed fields and a 300-char title with 50035, and records why', async () => {
    const fields = Array.from({ length: 26 }, (_, n) => ({ name: `member ${n}`, value: 'fronting' }));
    world.bot.onInteraction(chat((i) => i.reply({ embeds: [{ title: 'T'.repeat(300), fields }] })));
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    const error = await firstError();
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    const rejected = world.standIn.rejectedBodies.at(-1);
    expect(rejected?.request.route).toBe('interactionCallback');
    expect(rejected?.issues.map((issue) => issue.path).sort()).toEqual(['data.embeds.0.fields', 'data.embeds.0.title']);
    expect(handle.record.responses).toEqual([]);
    expect(handle.record.problems.join()).toContain('data.embeds.0.title');
  });

  it('refuses a second callback with 40060', async () => {
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('first');
        await i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
          body: { type: 4, data: { content: 'again' } },
          auth: false,
        });
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect(((await firstError()) as DiscordAPIError).code).toBe(40060);
    expect((await handle.reply()).content).toBe('first');
  });

  it('answers a first callback outside the response window with 10062', async () => {
    world.standIn.setInteractionWindow(100);
    world.bot.onInteraction(
      chat(async (i) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await i.reply('too late');
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect(((await firstError()) as DiscordAPIError).code).toBe(10062);
    expect(handle.record.responses).toEqual([]);
  });

  it('has no @original before the first callback (10015)', async () => {
    world.bot.onInteraction(
      chat((i) =>
        i.client.rest.patch(Routes.webhookMessage(i.applicationId, i.token, '@original'), {
          body: { content: 'x' },
          auth: false,
        }),
      ),
    );
    world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect(((await firstError()) as DiscordAPIError).code).toBe(10015);
    expect(world.standIn.requests.at(-1)?.path).toMatch(/\/messages\/@original$/);
  });

  it('records unknown routes with a 404 code 0', async () => {
    const error = await world.bot.client.rest.get(Routes.guildBans(world.standIn.guild.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).rawError).toEqual({ message: '404: Not Found', code: 0 });
    expect(world.standIn.unknownRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v10/guilds/${world.standIn.guild.id}/bans`,
    ]);
  });

  it('refuses a DM to someone who closed their DMs (50007)', async () => {
    world.standIn.closeDms(world.standIn.users.carol);
    const user = await world.bot.client.users.fetch(world.standIn.users.carol.id);
    const error = await user.send('your token is linked').catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50007);
  });
});

describe('fault injection', () => {
  it('a 429 with Retry-After on the callback is retried by discord.js and the reply still lands', async () => {
    world.standIn.faults.rateLimit('interactionCallback', { retryAfter: 0.1 });
    world.bot.onInteraction(chat((i) => i.reply({ content: 'after the 429', flags: MessageFlags.Ephemeral })));
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect((await handle.reply()).content).toBe('after the 429');
    const statuses = world.standIn.requests
      .filter((r) => r.route === 'interactionCallback' && r.path.includes(handle.id))
      .map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
    expect(world.bot.errors).toEqual([]);
  });

  it('a 5xx on a follow-up surfaces as HTTPError when retries are off', async () => {
    world.standIn.faults.serverError('executeWebhook', { status: 503 });
    world.bot.onInteraction(
      chat(async (i) => {
        await i.reply('main');
        await i.followUp('more');
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    const error = await firstError();
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(503);
    expect(handle.followUps).toEqual([]);
  });

  it('a slow answer is just slow: the follow-up still arrives', async () => {
    world.standIn.faults.delay('executeWebhook', 150);
    world.bot.onInteraction(
      chat(async (i) => {
        await i.deferReply();
        await i.followUp('filled the deferred reply');
      }),
    );
    const handle = world.standIn.dispatchInteraction(world.standIn.chatInput('front'));
    expect((await handle.reply()).content).toBe('filled the deferred reply');
    expect(handle.followUps).toEqual([]);
  });
});
