import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const footnote =
  'Percentages are of the whole range. Co-fronters each get the full time, so they can add up to more than 100%.';

/** `N. **Name** — P% (…)` lines of a stats section, as [name, percent]. */
function entries(description: string | undefined): [string, number][] {
  return [...(description ?? '').matchAll(/^\d+\. \*\*(.+?)\*\* — ([\d.]+)% /gm)].map((m) => [m[1]!, Number(m[2])]);
}

describe('/frontstats', () => {
  let h: Harness;
  /** A fresh system with a hand-made history, see the first test. */
  let crafted: { id: string; token: string };

  beforeAll(async () => {
    h = await startHarness();
    const { state } = h.pk;
    const system = state.addSystem({ name: 'Crafted' });
    const a = state.addMember(system, { name: 'Alder' });
    const b = state.addMember(system, { name: 'Birch' });
    const c = state.addMember(system, { name: 'Cedar' });
    state.addGroup(system, { name: 'Trees', memberUuids: [a.uuid, b.uuid] });
    // Hours ago. The half hours keep every shown duration off a unit boundary, so the few milliseconds
    // between this clock and the bot's cannot change a figure.
    const now = Date.now();
    const history: [number, string[]][] = [
      [240, [a.uuid]],
      [144, [a.uuid, b.uuid]],
      [119.5, [b.uuid]],
      [95.5, [a.uuid]],
      [35.5, []],
      [23.5, [c.uuid]],
    ];
    for (const [hoursAgo, members] of history) state.addSwitch(system, members, now - hoursAgo * HOUR);
    crafted = { id: system.id, token: system.token };
    await h.link(h.discord.users.alice, system.token);
    await h.link(h.discord.users.bob, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  it('gives hand-checked shares over 7 days, counting the switch in force at the start', async () => {
    // In the last 168 h: Alder 168→119.5 and 95.5→35.5 h ago (48.5 + 60 = 108.5 h = 64.58%, longest 60 h),
    // Birch 144→95.5 (48.5 h = 28.87%), Cedar the last 23.5 h (13.99%), nobody 35.5→23.5 (12 h);
    // the group (Alder or Birch) 168→35.5 without a break (132.5 h = 78.87%).
    const reply = await h.command('frontstats', { range: '7d' }).reply();
    expect(reply.ephemeral).toBe(true);
    const [members, groups] = reply.embeds;
    expect(members?.title).toBe('Front stats of Crafted');
    expect(members?.description?.split('\n').slice(2)).toEqual([
      '1. **Alder** — 64.6% (4d 12h) · fronted 2 times, longest 2d 12h',
      '2. **Birch** — 28.9% (2d) · fronted once',
      '3. **Cedar** — 14% (23h 30m) · fronted once',
    ]);
    expect(groups?.description).toBe('1. **Trees** — 78.9% (5d 12h) · fronted once');
    expect(groups?.footer?.text).toBe(
      `These figures cover the whole 7d. No one was fronting for 12h (7.1%).\n${footnote}`,
    );
    expect(reply.components).toEqual([]);
    assertWithinDiscordLimits(reply);
  });

  it('covers the whole history with `all`, in a DM with the bot', async () => {
    // 240 h from the first switch: Alder 120.5 + 60 = 180.5 h (75.21%), Birch 48.5 h (20.21%), Cedar 23.5 h (9.79%),
    // the group 240→35.5 h ago (204.5 h = 85.21%).
    const reply = await h.command('frontstats', { range: 'all' }, { where: 'bot-dm' }).reply();
    expect(entries(reply.embeds[0]?.description)).toEqual([
      ['Alder', 75.2],
      ['Birch', 20.2],
      ['Cedar', 9.8],
    ]);
    expect(entries(reply.embeds[1]?.description)).toEqual([['Trees', 85.2]]);
    expect(reply.embeds[1]?.footer?.text).toMatch(
      /^These figures cover the whole 10d\. No one was fronting for 12h \(5%\)\.\n/,
    );
    assertWithinDiscordLimits(reply);
  });

  it("offers PluralKit's flat mode, whose shares add up to 100%, and fronters-only", async () => {
    // Over 7 d (see above): Alder 108.5 h, Birch 48.5 h, Cedar 23.5 h, nobody 12 h; together 192.5 h.
    const noFronter = (text: string | undefined) =>
      Number(/No one was fronting for 12h \(([\d.]+)%\)/.exec(text ?? '')?.[1]);
    const flat = await h.command('frontstats', { range: '7d', flat: true }).reply();
    expect(flat.embeds[0]?.description?.split('\n')[1]).toBe('Flat list: the percentages add up to 100%.');
    expect(entries(flat.embeds[0]?.description)).toEqual([
      ['Alder', 56.4],
      ['Birch', 25.2],
      ['Cedar', 12.2],
    ]);
    expect(noFronter(flat.embeds[1]?.footer?.text)).toBe(6.2);
    const shown = entries(flat.embeds[0]?.description).reduce(
      (sum, [, percent]) => sum + percent,
      noFronter(flat.embeds[1]?.footer?.text),
    );
    expect(shown).toBeCloseTo(100, 5);
    expect(flat.embeds[1]?.footer?.text).toContain(
      "Percentages are of all members' times plus the time with no fronter, so together they add up to 100%. Groups overlap, so theirs are of the whole range.",
    );

    // Without the switch-outs: members alone (180.5 h) make 100%; plain shares are of the 156 h someone fronted.
    const both = await h.command('frontstats', { range: '7d', flat: true, 'fronters-only': true }).reply();
    expect(entries(both.embeds[0]?.description)).toEqual([
      ['Alder', 60.1],
      ['Birch', 26.9],
      ['Cedar', 13],
    ]);
    expect(entries(both.embeds[0]?.description).reduce((sum, [, percent]) => sum + percent, 0)).toBeCloseTo(100, 5);
    expect(both.embeds[1]?.footer?.text).toMatch(/No one was fronting for 12h, left out of the percentages\.\n/);
    const frontersOnly = await h.command('frontstats', { range: '7d', 'fronters-only': true }).reply();
    expect(frontersOnly.embeds[0]?.description?.split('\n')[1]).toBe('Fronters only: switch-outs left out.');
    expect(entries(frontersOnly.embeds[0]?.description)).toEqual([
      ['Alder', 69.6],
      ['Birch', 31.1],
      ['Cedar', 15.1],
    ]);
    expect(entries(frontersOnly.embeds[1]?.description)).toEqual([['Trees', 84.9]]);
    for (const reply of [flat, both, frontersOnly]) assertWithinDiscordLimits(reply);
  });

  it('cuts a range reaching back 100,000 years to the first switch, and says so', async () => {
    const first = Math.min(
      ...[...h.pk.state.switches.values()]
        .filter((s) => s.systemUuid === h.pk.state.systemByHid(crafted.id)!.uuid)
        .map((s) => s.timestamp),
    );
    const reply = await h.command('frontstats', { range: '100000y' }).reply();
    const [header, note] = reply.embeds[0]!.description!.split('\n');
    const shownStart = Number(/^<t:(\d+):f> → /.exec(header!)?.[1]);
    expect(Math.abs(shownStart - first / 1000)).toBeLessThanOrEqual(1);
    expect(note).toBe('The range reached back before the first switch, so it starts there.');
    expect(entries(reply.embeds[0]?.description)).toEqual([
      ['Alder', 75.2],
      ['Birch', 20.2],
      ['Cedar', 9.8],
    ]);
    const impossible = await h.command('frontstats', { range: 'since 2025-02-30' }).reply();
    expect(impossible.content).toBe(
      "I couldn't use that range: `2025-02-30` is not a date: February 2025 has 28 days.",
    );
  });

  it('shows a public system by id to someone else, publicly when asked, as a user-installed app', async () => {
    const reply = await h
      .command(
        'frontstats',
        { system: crafted.id, range: '7d', public: true },
        { where: 'user-dm', user: h.discord.users.carol },
      )
      .reply();
    expect(reply.ephemeral).toBe(false);
    expect(entries(reply.embeds[0]?.description).map(([name]) => name)).toEqual(['Alder', 'Birch', 'Cedar']);
    const lookups = h.pk.requests.filter((r) => r.path.startsWith(`/v2/systems/${crafted.id}/`));
    expect(lookups.every((r) => r.authorization === 'none')).toBe(true);
    assertWithinDiscordLimits(reply);
  });

  it('matches a plain recomputation of the sample history over `all` (group DM)', async () => {
    const { state, sample } = h.pk;
    const system = state.systemByHid(sample.own.systemId)!;
    const switches = [...state.switches.values()]
      .filter((s) => s.systemUuid === system.uuid)
      .sort((x, y) => x.timestamp - y.timestamp);
    const reply = await h
      .command('frontstats', { range: 'all' }, { where: 'group-dm', user: h.discord.users.bob })
      .reply();

    // The oracle: each switch lasts until the next one (the last until now), every member gets the full span.
    const end = Date.now();
    const totals = new Map<string, number>();
    switches.forEach((sw, i) => {
      const span = (switches[i + 1]?.timestamp ?? end) - sw.timestamp;
      for (const uuid of sw.memberUuids) totals.set(uuid, (totals.get(uuid) ?? 0) + span);
    });
    const known = end - switches[0]!.timestamp;
    const expected = [...totals].map(([uuid, ms]) => {
      const member = state.members.get(uuid)!;
      return [member.display_name ?? member.name, (ms / known) * 100] as const;
    });
    const shown = entries(reply.embeds[0]?.description);
    expect(shown.length).toBe(expected.length);
    for (const [name, percent] of shown) {
      const want = expected.find(([n]) => n === name);
      expect(want, name).toBeDefined();
      expect(Math.abs(percent - want![1])).toBeLessThanOrEqual(0.06);
    }
    expect(reply.embeds[0]?.title).toBe('Front stats of The Lantern Collective 🏮');
    expect(reply.embeds.length).toBe(2); // the sample has groups
    assertWithinDiscordLimits(reply);
  });

  it('pages through many members with buttons only its owner can use', async () => {
    const { state } = h.pk;
    const system = state.addSystem({ name: 'Many' });
    const members = Array.from({ length: 30 }, (_, i) =>
      state.addMember(system, { name: `Member ${String(i).padStart(2, '0')}` }),
    );
    const now = Date.now();
    members.forEach((m, i) => state.addSwitch(system, [m.uuid], now - (30 - i) * 3_600_000));
    const reply = await h.command('frontstats', { system: system.id, range: '2d', public: true }).reply();
    expect(entries(reply.embeds[0]?.description)).toHaveLength(24);
    expect(reply.embeds[0]?.footer?.text).toContain('Page 1 of 2.');
    const next = (reply.components[0] as { components: { custom_id: string; label: string }[] }).components.find(
      (c) => c.label === 'Next',
    )!;

    const stranger = await h.dispatch(h.discord.button(next.custom_id, reply, { user: h.discord.users.bob })).reply();
    expect(stranger.content).toMatch(/^These buttons belong to whoever ran `\/frontstats`/);

    const second = await h.dispatch(h.discord.button(next.custom_id, reply)).reply();
    expect(entries(second.embeds[0]?.description)).toHaveLength(6);
    expect(second.embeds[0]?.footer?.text).toContain('Page 2 of 2.');
    assertWithinDiscordLimits(second);
  });

  it('explains a private front history, a bad range and an unlinked caller', async () => {
    const hidden = await h.command('frontstats', { system: h.pk.sample.frontPrivate.systemId }).reply();
    expect(hidden.content).toBe('That system keeps its front history private.');
    const bad = await h.command('frontstats', { range: 'forever and a day' }).reply();
    expect(bad.content).toMatch(/^I couldn't use that range: /);
    const unlinked = await h.command('frontstats', {}, { user: h.discord.users.carol }).reply();
    expect(unlinked.content).toMatch(/^You haven't linked a PluralKit system yet/);
  });
});
