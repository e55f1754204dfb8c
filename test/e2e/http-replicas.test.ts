/**
 * Three real `--role http` replicas behind a round-robin proxy, as behind a load balancer: the Discord stand-in
 * posts every signed interaction to the proxy, which hands each to the next replica. They share one Redis, so a
 * menu opened on one pages on the others (and still refuses a stranger), and a burst of public lookups spread over
 * all three stays inside PluralKit's one budget (the stand-in runs production's rate limit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { registerCommands } from '../../src/discord/register.js';
import { UserErrorMessages } from '../../src/errors.js';
import { startDiscordStandIn, type DiscordStandIn } from '../../stand-ins/discord/index.js';
import { generateLargeSystem, startPluralKitStandIn, type PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { startHttpReplicas, type HttpReplicas } from '../support/http-replicas.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { bucketOverrun } from '../support/shared-budget.js';
import { answerOf } from './bot-processes.js';
import { buttonOf, pageOf } from './profiles-helpers.js';

let discord: DiscordStandIn;
let pk: PluralKitStandIn;
let redis: PrivateRedis;
let replicas: HttpReplicas;
/** PluralKit tokens linked through the replicas, to look for in their logs. */
const linkedTokens: string[] = [];

beforeAll(async () => {
  [discord, pk, redis] = await Promise.all([startDiscordStandIn(), startPluralKitStandIn(), startPrivateRedis()]);
  await registerCommands(commands, {
    token: discord.botToken,
    applicationId: discord.applicationId,
    apiUrl: discord.apiBase,
  });
  replicas = await startHttpReplicas({ count: 3, discord, pk, redis });
  // Starting three child processes under tsx on a loaded machine can take tens of seconds.
}, 90_000);
afterAll(async () => {
  await replicas?.stop();
  await Promise.all([discord?.close(), pk?.close(), redis?.stop()]);
}, 30_000);

describe('three HTTP replicas behind a round-robin proxy', () => {
  it('a menu opened on one replica pages on the next two, and refuses a stranger on any', async () => {
    const { carol, bob } = discord.users;
    const large = generateLargeSystem(pk.state, { members: 60, switches: 5 });
    linkedTokens.push(large.token);
    const form = discord.dispatchInteraction(discord.chatInput('link', {}, { user: carol }));
    await form.firstResponse(30_000);
    const linked = await discord
      .dispatchInteraction(discord.modalSubmit(form.modal!.custom_id, { token: large.token }, { user: carol }))
      .reply(30_000);
    expect(linked.content).toContain(`(\`${large.systemId}\`)`);

    const from = replicas.proxy.sentTo.length;
    const list = await discord
      .dispatchInteraction(discord.chatInput('members', { public: true }, { user: carol }))
      .reply(30_000);
    expect(pageOf(list)).toEqual({ page: 1, pages: 3 });
    const click = (action: string, message: typeof list, user = carol) =>
      discord.dispatchInteraction(discord.button(buttonOf(message, action).custom_id, message, { user }));
    const next = (message: typeof list) => click('next', message);
    const page2 = await next(list).reply(30_000);
    expect(pageOf(page2).page).toBe(2);
    const page3 = await next(page2).reply(30_000);
    expect(pageOf(page3).page).toBe(3);
    // The command and its two clicks went to three different replicas.
    expect(new Set(replicas.proxy.sentTo.slice(from, from + 3)).size).toBe(3);

    // A stranger's click on the public menu, once on each replica.
    const refusals = await Promise.all([0, 1, 2].map(() => answerOf(click('prev', page3, bob))));
    expect(refusals).toEqual([0, 1, 2].map(() => [UserErrorMessages.NotYourMenu({ command: 'members' })]));
  }, 60_000);

  it('a burst of public lookups over all three gets every answer with no 429 and no window over the bucket', async () => {
    const systems = Array.from({ length: 30 }, () => generateLargeSystem(pk.state, { members: 3, switches: 2 }));
    pk.stats.reset();
    const from = replicas.proxy.sentTo.length;
    const handles = systems.map((system) =>
      discord.dispatchInteraction(discord.chatInput('fronters', { system: system.systemId })),
    );
    const replies = await Promise.all(handles.map((handle) => handle.reply(45_000)));
    replies.forEach((reply, i) => expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${systems[i]!.systemId}`));
    expect(new Set(replicas.proxy.sentTo.slice(from))).toEqual(new Set([0, 1, 2]));
    expect(pk.stats.rateLimited).toBe(0);
    expect(pk.requests.filter((request) => request.status === 429)).toEqual([]);
    expect(pk.requests.length).toBeGreaterThanOrEqual(systems.length);
    expect(bucketOverrun(pk.requests, 10)).toBe(0);
  }, 60_000);

  it('every interaction was answered as Discord expects, and no token reached a log', () => {
    expect(discord.refusedWebhookAnswers).toEqual([]);
    expect(discord.rejectedBodies).toEqual([]);
    const secrets = [discord.botToken, replicas.tokenKey, ...linkedTokens];
    const lines = replicas.children.flatMap((child) => child.lines);
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
