import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { postedMessage } from '../../stand-ins/discord/index.js';
import { snowflakeTime } from '../../stand-ins/pluralkit/ids.js';
import { startHarness, type Harness } from './harness.js';

const places = ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const;
const DAY = 86_400_000;

/** A Discord user object for any id (e.g. an account PluralKit links to a sample system). */
const person = (id: string, username = 'someone', bot = false): APIUser => ({
  id,
  username,
  global_name: null,
  discriminator: '0',
  avatar: null,
  ...(bot && { bot }),
});

describe('context menus', () => {
  let h: Harness;
  let seq = 0n;
  /** A message as Discord hands it to a message menu: `id` given, or a fresh snowflake sent at `sentAtMs`. */
  const message = (author: APIUser, sentAtMs: number, id?: string, webhookId?: string): APIMessage =>
    postedMessage({
      id: id ?? (((BigInt(sentAtMs) - 1_420_070_400_000n) << 22n) + (seq += 1n)).toString(),
      channelId: h.discord.channel.id,
      author,
      content: 'hello',
      sentAt: new Date(sentAtMs),
      webhookId,
    });

  /**
   * The switch in force at `atMs` as the stand-in stores it (the oracle): how each member should show to
   * someone other than the owner, by name, or by id when the member is hidden.
   */
  const frontAt = (systemId: string, atMs: number): string[] => {
    const system = h.pk.state.systemByHid(systemId)!;
    const inForce = [...h.pk.state.switches.values()]
      .filter((s) => s.systemUuid === system.uuid && s.timestamp <= atMs)
      .sort((a, b) => b.timestamp - a.timestamp)[0]!;
    // Shown in one order: visible members by name, then hidden ones (as ids) by id.
    const shown = h.pk.state
      .membersByUuid(inForce.memberUuids)
      .map((m) => (m.privacy.visibility === 'private' ? `\`${m.id}\`` : (m.display_name ?? m.name)));
    const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
    return [...shown.filter((n) => !n.startsWith('`')).sort(byName), ...shown.filter((n) => n.startsWith('`')).sort()];
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  describe('Fronters (on a user)', () => {
    for (const where of places) {
      it(`shows that user's system's fronters privately (${where})`, async () => {
        const { other } = h.pk.sample;
        const reply = await h
          .dispatch(h.discord.userContext('Fronters', person(other.discordUserId), { where }))
          .reply();
        expect(reply.ephemeral).toBe(true);
        expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${other.systemId}`);
        expect(reply.embeds[0]?.title).toMatch(/^(Current fronters?|No one is fronting)/);
        assertWithinDiscordLimits(reply);
      });
    }

    it('on yourself shows your own linked system, with your token', async () => {
      const { alice } = h.discord.users;
      const reply = await h.dispatch(h.discord.userContext('Fronters', alice, { where: 'user-dm' })).reply();
      expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${h.pk.sample.own.systemId.toUpperCase()}`);
      // The owner view names the hidden member that shares the front.
      expect(reply.embeds[0]?.description).toContain('???');
    });

    it('explains a user without a system, and a private front', async () => {
      const none = await h.dispatch(h.discord.userContext('Fronters', h.discord.users.bob)).reply();
      expect(none.content).toBe("That Discord user hasn't registered a PluralKit system (or keeps it private).");
      const hidden = await h
        .dispatch(h.discord.userContext('Fronters', person(h.pk.sample.frontPrivate.discordUserId)))
        .reply();
      expect(hidden.content).toBe('That system keeps its current fronters private.');
    });
  });

  describe('Who was fronting? (on a message)', () => {
    for (const where of places) {
      it(`names the system, the proxied member and the front when a proxied message was sent (${where})`, async () => {
        const { own } = h.pk.sample;
        const id = own.messageIds.at(-1)!;
        const proxy = person('1200000000000000001', 'Ash 🔥 | 🏮 Lantern', true);
        const target = message(proxy, snowflakeTime(id), id, proxy.id);
        const reply = await h
          .dispatch(h.discord.messageContext('Who was fronting?', target, { where, user: h.discord.users.carol }))
          .reply();
        expect(reply.ephemeral).toBe(true);
        const [embed] = reply.embeds;
        expect(embed?.author?.name).toBe('The Lantern Collective 🏮');
        expect(embed?.footer?.text).toBe(`System ID: ${own.systemId}`);
        const lines = embed?.description?.split('\n') ?? [];
        expect(lines[0]).toBe(
          `Sent <t:${Math.floor(snowflakeTime(id) / 1000)}:f> (<t:${Math.floor(snowflakeTime(id) / 1000)}:R>)`,
        );
        expect(lines[1]).toBe('Proxied by PluralKit as **Ash 🔥**.');
        // Carol is not the owner: the public view names visible members; the hidden one shows as its id.
        const names = frontAt(own.systemId, snowflakeTime(id));
        expect(names).toContain(`\`${own.privateMemberId}\``);
        expect(lines[3]).toBe(`**Fronting then (${names.length}):**`);
        expect(lines.slice(4, 4 + names.length).join('\n')).toBe(
          names.map((n) => (n.startsWith('`') ? n : `**${n}**`)).join('\n'),
        );
        expect(lines[4 + names.length]).toMatch(/^Since <t:\d+:f> \(<t:\d+:R>\)$/);
        assertWithinDiscordLimits(reply);
      });
    }

    it("shows the owner their own hidden member's name", async () => {
      const id = h.pk.sample.own.messageIds.at(-1)!;
      const proxy = person('1200000000000000001', 'Ash', true);
      const reply = await h
        .dispatch(h.discord.messageContext('Who was fronting?', message(proxy, snowflakeTime(id), id, proxy.id)))
        .reply();
      expect(reply.embeds[0]?.description).toContain('**???**');
    });

    it('says when no switch was logged before an old proxied message', async () => {
      const id = h.pk.sample.own.messageIds[0]!;
      const proxy = person('1200000000000000002', 'Émile', true);
      const reply = await h
        .dispatch(
          h.discord.messageContext('Who was fronting?', message(proxy, snowflakeTime(id), id, proxy.id), {
            where: 'bot-dm',
          }),
        )
        .reply();
      expect(reply.embeds[0]?.description).toContain('Proxied by PluralKit as **Émile**.');
      expect(reply.embeds[0]?.description).toContain('No switch was logged before this message');
    });

    for (const where of places) {
      it(`finds the front of a plain message through its author's system (${where})`, async () => {
        const { other } = h.pk.sample;
        const sentAt = Date.now() - 3 * DAY;
        const reply = await h
          .dispatch(
            h.discord.messageContext('Who was fronting?', message(person(other.discordUserId), sentAt), { where }),
          )
          .reply();
        const description = reply.embeds[0]?.description ?? '';
        expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${other.systemId}`);
        expect(description).toContain('Sent from the system’s own account (not proxied).');
        const names = frontAt(other.systemId, sentAt);
        if (names.length === 0) expect(description).toContain('**No one** was fronting');
        for (const name of names) expect(description).toContain(name);
        assertWithinDiscordLimits(reply);
      });
    }

    it('asks PluralKit for the switch in force at the exact send time', async () => {
      const { own } = h.pk.sample;
      const system = h.pk.state.systemByHid(own.systemId)!;
      const theo = h.pk.state.membersOf(system).find((m) => m.name === 'Theo')!;
      const at = Date.now() - 5 * 60_000;
      h.pk.state.addSwitch(system, [theo.uuid], at);
      const reply = await h
        .dispatch(
          h.discord.messageContext('Who was fronting?', message(h.discord.users.alice, at), { where: 'group-dm' }),
        )
        .reply();
      // The caller's own plain message: their system, through their token, a switch exactly at the send time.
      expect(reply.embeds[0]?.description).toContain('**Fronting then:**\n**Theo**\n');
      const lookup = h.pk.requests.filter((r) => r.path.includes('/switches?') && r.path.includes('limit=1')).at(-1);
      expect(lookup?.path).toContain(`before=${encodeURIComponent(new Date(at + 1).toISOString())}`);
      h.pk.state.deleteSwitch([...h.pk.state.switches.values()].find((s) => s.timestamp === at)!);
    });

    it('respects a private front history and still says whose message it is', async () => {
      const { frontPrivate } = h.pk.sample;
      const reply = await h
        .dispatch(
          h.discord.messageContext('Who was fronting?', message(person(frontPrivate.discordUserId), Date.now() - DAY)),
        )
        .reply();
      expect(reply.embeds[0]?.footer?.text).toBe(`System ID: ${frontPrivate.systemId}`);
      expect(reply.embeds[0]?.description).toContain(
        'This system keeps its front history private, so I can’t tell who was fronting then.',
      );
    });

    it('explains a message from someone without a system, and from a bot', async () => {
      const none = await h
        .dispatch(h.discord.messageContext('Who was fronting?', message(h.discord.users.bob, Date.now() - DAY)))
        .reply();
      expect(none.ephemeral).toBe(true);
      expect(none.content).toBe(
        "That message wasn't proxied by PluralKit, and its author has no PluralKit system (or keeps it private), so there is no front to look up.",
      );
      const bot = await h
        .dispatch(
          h.discord.messageContext(
            'Who was fronting?',
            message(person('1300000000000000000', 'somebot', true), Date.now() - DAY),
          ),
        )
        .reply();
      expect(bot.content).toBe(
        "That message was sent by a bot or a webhook that PluralKit didn't proxy, so no system's front applies to it.",
      );
    });
  });
});
