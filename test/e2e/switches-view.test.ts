import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { checkLimits, click, control, lines } from './switch-support.js';

describe('/switches', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  for (const where of ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const) {
    it(`shows your own front history privately, newest first, with names and durations (${where})`, async () => {
      const reply = await h.command('switches', {}, { where }).reply();
      checkLimits(reply);
      expect(reply.ephemeral).toBe(true);
      expect(reply.embeds[0]!.title).toBe('Front history of The Lantern Collective 🏮');
      // The latest switch is Ash, the hidden Cipher (the owner sees its display name) and Kai, 25 minutes ago.
      expect(lines(reply)[0]).toMatch(
        /^\*\*\?\?\?\*\*, \*\*Ash 🔥\*\*, \*\*Kai 🌊\*\* · <t:\d+:f> \(<t:\d+:R>\) · ongoing, 25m( \d+s)? so far$/,
      );
      expect(
        lines(reply)
          .slice(1)
          .every((line) => / · for \d+[dhms]/.test(line)),
      ).toBe(true);
      // One PluralKit page (100 switches) is loaded; older ones come when the user pages past it.
      expect(reply.embeds[0]!.footer!.text).toBe('Page 1/10+ · 100+ switches');
    });
  }

  it('pages forward and back on the same message', async () => {
    const first = await h.command('switches').reply();
    const second = await click(h, first, 'next');
    expect(second.id).toBe(first.id);
    expect(second.embeds[0]!.footer!.text).toMatch(/^Page 2\//);
    expect(lines(second)[0]).not.toBe(lines(first)[0]);
    const back = await click(h, second, 'prev');
    // The newest line's "so far" grows with the clock; every finished switch reads the same again.
    expect(lines(back).slice(1)).toEqual(lines(first).slice(1));
    expect(lines(back)[0]!.split(' · ').slice(0, 2)).toEqual(lines(first)[0]!.split(' · ').slice(0, 2));
  });

  it('jumps to the oldest switch, loading the rest of the history', async () => {
    const count = h.pk.sample.own.switchCount;
    const last = await click(h, await h.command('switches').reply(), 'last');
    expect(last.embeds[0]!.footer!.text).toBe(
      `Page ${Math.ceil(count / 10)}/${Math.ceil(count / 10)} · ${count} switches`,
    );
    expect(lines(last)).toHaveLength(count % 10 || 10);
  });

  it('shares the history with the channel when asked', async () => {
    const reply = await h.command('switches', { public: true }).reply();
    expect(reply.ephemeral).toBe(false);
  });

  it("shows another system's public history without your token; hidden members appear as ids", async () => {
    const { other } = h.pk.sample;
    const reply = await h.command('switches', { system: other.systemId.toUpperCase() }, { where: 'user-dm' }).reply();
    checkLimits(reply);
    expect(reply.embeds[0]!.title).toBe('Front history of The Starlight Crew ⭐');
    expect(lines(reply)[0]).toMatch(new RegExp(`^\\*\\*Vega\\*\\*, \`${other.privateMemberIds[0]}\` · `));
    const lookups = h.pk.requests.filter((r) => r.path.startsWith(`/v2/systems/${other.systemId}`));
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((r) => r.authorization === 'none')).toBe(true);
  });

  it('explains private front history, empty histories, unknown systems and unlinked users', async () => {
    const { frontPrivate, noSwitches, unknownSystemId } = h.pk.sample;
    const hidden = await h.command('switches', { system: frontPrivate.systemId }).reply();
    expect(hidden.content).toBe('That system keeps its front history private.');
    const empty = await h.command('switches', { system: noSwitches.systemId }).reply();
    expect(lines(empty)).toEqual(['No switches logged yet.']);
    expect(empty.components).toEqual([]);
    const unknown = await h.command('switches', { system: unknownSystemId }).reply();
    expect(unknown.content).toContain(`PluralKit doesn't know a system \`${unknownSystemId}\``);
    const unlinked = await h.command('switches', {}, { user: h.discord.users.carol, where: 'bot-dm' }).reply();
    expect(unlinked.content).toContain("You haven't linked a PluralKit system yet");
  });

  it("tells another user the buttons aren't theirs, and leaves the message alone", async () => {
    const command = h.command('switches', { public: true });
    const mine = await command.reply();
    const handle = h.dispatch(h.discord.button(control(mine, 'next').custom_id, mine, { user: h.discord.users.bob }));
    const note = await handle.reply();
    expect(note.ephemeral).toBe(true);
    expect(note.content).toBe('These buttons belong to whoever ran `/switches`. Run it yourself to get your own.');
    expect(command.original?.editCount).toBe(0);
    expect(command.original?.embeds).toEqual(mine.embeds);
  });
});
