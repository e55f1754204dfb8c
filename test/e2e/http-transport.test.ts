/**
 * The bot with interactions over HTTP (`--role http`, no gateway connection): Discord's stand-in signs each
 * interaction and POSTs it to `/interactions`, and the bot answers through the same router, commands, renderers
 * and responder as over the gateway. One of every kind of interaction, each checked for what the user sees, and
 * for the webhook answer Discord expects (202 after the callback; `finish` fails on any it would refuse).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import { postedMessage } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { buttonOf, pageOf, selectOf } from './profiles-helpers.js';

describe('every kind of interaction over HTTP webhooks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ transport: 'http' });
  });
  afterAll(() => h.finish());

  it('never connects to the gateway', () => {
    expect(h.discord.gateway.identifyCount).toBe(0);
    expect(h.discord.requests.filter((r) => r.route === 'getGatewayBot' || r.route === 'getGateway')).toEqual([]);
  });

  it('slash command, then modal submit: /link shows the form and the submitted token links the system', async () => {
    const shown = h.command('link');
    expect((await shown.firstResponse()).type).toBe(9);
    const reply = await h
      .dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token: h.pk.sample.own.token }))
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`(\`${h.pk.sample.own.systemId}\`)`);
    expect(await h.bot.vault.has(h.discord.users.alice.id)).toBe(true);
  });

  it('autocomplete: suggests your own members by name', async () => {
    const typing = h.dispatch(h.discord.autocomplete('member', { member: 'émi' }, 'member'));
    await typing.waitFor((r) => r.choices !== undefined);
    expect(typing.choices?.map((c) => c.value)).toContain(h.pk.sample.own.memberIds[1]);
  });

  it('button and select menu: pages a member list in place, then opens a card from it', async () => {
    const large = generateLargeSystem(h.pk.state, { members: 60, switches: 5 });
    const { carol } = h.discord.users;
    await h.link(carol, large.token);
    const list = await h.command('members', {}, { user: carol }).reply();
    expect(pageOf(list)).toEqual({ page: 1, pages: 3 });
    const turned = h.dispatch(h.discord.button(buttonOf(list, 'next').custom_id, list, { user: carol }));
    const page2 = await turned.reply();
    expect((await turned.firstResponse()).type).toBe(7);
    expect(page2.id).toBe(list.id);
    expect(pageOf(page2).page).toBe(2);
    const option = selectOf(page2).options[0]!;
    const card = await h
      .dispatch(h.discord.select(selectOf(page2).custom_id, [option.value], page2, { user: carol }))
      .reply();
    expect(card.embeds[0]?.footer?.text).toContain(`Member ID: ${option.value}`);
    assertWithinDiscordLimits(card);
  });

  it("user context menu: shows another user's system's fronters", async () => {
    const { other } = h.pk.sample;
    const target = {
      id: other.discordUserId,
      username: 'someone',
      global_name: null,
      discriminator: '0',
      avatar: null,
    };
    const reply = await h.dispatch(h.discord.userContext('Fronters', target)).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${other.systemId}`);
  });

  it('message context menu: names the system behind a message', async () => {
    const { other } = h.pk.sample;
    const author = {
      id: other.discordUserId,
      username: 'someone',
      global_name: null,
      discriminator: '0',
      avatar: null,
    };
    const sentAtMs = Date.now() - 3 * 86_400_000;
    const id = (((BigInt(sentAtMs) - 1_420_070_400_000n) << 22n) + 1n).toString();
    const sentAt = new Date(sentAtMs);
    const message = postedMessage({ id, channelId: h.discord.channel.id, author, content: 'hello', sentAt });
    const reply = await h
      .dispatch(h.discord.messageContext('Who was fronting?', message, { user: h.discord.users.carol }))
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${other.systemId}`);
    expect(reply.embeds[0]?.description).toContain('Sent from the system’s own account (not proxied).');
  });

  it('deferral and edit: a slow answer is deferred inside 3 s, then edited in', async () => {
    h.pk.setLatency(1_800);
    try {
      const handle = h.command('fronters');
      expect((await handle.firstResponse()).type).toBe(5);
      const reply = await handle.reply(15_000);
      expect(reply.embeds[0]?.title).toMatch(/^Current fronters?|No one is fronting/);
    } finally {
      h.pk.setLatency(0);
    }
  });

  it('update and follow-up: a control of a menu that no longer exists clears it and says so privately', async () => {
    const menu = await h.command('members').reply();
    const handle = h.dispatch(h.discord.forgeClick('members:next:nosuchsess0:2', menu));
    const record = await handle.waitFor((r) => r.followUps.length > 0);
    expect(record.responses[0]?.type).toBe(7);
    expect(record.original?.components).toEqual([]);
    expect(record.followUps[0]?.content).toBe('This menu has expired. Run `/members` again.');
    expect(record.followUps[0]?.ephemeral).toBe(true);
  });
});
