import { DiscordAPIError, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyValidator } from './body-validation.js';
import { startDiscordStandIn, type DiscordStandIn } from './index.js';
import { connectTestClient, type TestClient } from './test-client.js';

let standIn: DiscordStandIn;
let bot: TestClient;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ heartbeatIntervalMs: 200, rateLimits: { limit: 2, windowMs: 60_000 } });
  bot = await connectTestClient(standIn, { rest: { retries: 1 } });
});

afterAll(async () => {
  await bot.destroy();
  await standIn.close();
});

function chat(handler: (i: ChatInputCommandInteraction) => Promise<unknown>): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

describe('rate limits, as Discord sends and enforces them', () => {
  it('puts X-RateLimit-* headers on every answer and refuses a request beyond the bucket with 429, counted as invalid', async () => {
    const get = () =>
      fetch(`${standIn.apiBase}/v10/users/@me`, { headers: { authorization: `Bot ${standIn.botToken}` } });
    const before = standIn.invalidRequests.length;
    const answers = [];
    for (let n = 0; n < 4; n += 1) answers.push(await get());
    const rest = standIn.requests.filter((r) => r.route === 'getCurrentUser').slice(-4);
    expect(
      rest.every(
        (r) =>
          r.responseHeaders['x-ratelimit-bucket'] !== undefined &&
          r.responseHeaders['x-ratelimit-reset-after'] !== undefined,
      ),
    ).toBe(true);
    expect(answers.map((a) => a.status).slice(-2)).toEqual([429, 429]);
    expect(answers.at(-1)?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(standIn.invalidRequests.length - before).toBe(2);
  });

  it('"committed, then 5xx": the callback took effect, so discord.js\'s retry meets 40060', async () => {
    bot.onInteraction(chat((i) => i.reply('hello')));
    standIn.faults.committedServerError('interactionCallback');
    const handle = standIn.dispatchInteraction(standIn.chatInput('front'));
    expect((await handle.reply()).content).toBe('hello');
    await standIn.waitFor(() => bot.errors.find((e) => e instanceof DiscordAPIError && e.code === 40060));
    expect(
      standIn.requests
        .filter((r) => r.route === 'interactionCallback' && r.path.includes(handle.id))
        .map((r) => r.status),
    ).toEqual([500, 400]);
  });

  it('refuses parse: ["users"] next to a users list in allowed_mentions', () => {
    const body = { content: 'hi <@1>', allowed_mentions: { parse: ['users'], users: ['1'] } };
    expect(new BodyValidator().check('execute_webhook', body)?.issues).toEqual([
      {
        path: 'allowed_mentions',
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: 'parse:["users"] and users: [ids] are mutually exclusive.',
      },
    ]);
  });
});
