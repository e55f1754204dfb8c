import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchRecord } from '../../stand-ins/pluralkit/records.js';
import { startHarness, type Harness } from './harness.js';
import { checkLimits } from './switch-support.js';

describe('/switch in and /switch out', () => {
  let h: Harness;
  let secondTheo: string;
  let ids: Record<'ash' | 'emile' | 'kai' | 'juniper' | 'theo', string>;
  const own = () => h.pk.state.systemByHid(h.pk.sample.own.systemId)!;
  const history = (): SwitchRecord[] =>
    [...h.pk.state.switches.values()]
      .filter((sw) => sw.systemUuid === own().uuid)
      .sort((a, b) => b.timestamp - a.timestamp);
  const shortIds = (sw: SwitchRecord | undefined) => sw!.memberUuids.map((uuid) => h.pk.state.members.get(uuid)!.id);
  const writes = () => h.pk.requests.filter((r) => r.method !== 'GET').length;

  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    const m = h.pk.sample.own.memberIds;
    ids = { ash: m[0]!, emile: m[1]!, kai: m[2]!, juniper: m[6]!, theo: m[7]! };
    secondTheo = h.pk.state.addMember(own(), { name: 'theo' }).id;
  });
  afterAll(() => h.finish());

  it('logs a switch by id and exact name, and answers with the new fronters card (guild)', async () => {
    const reply = await h.command('switch in', { member: ids.emile, member2: 'juniper' }).reply();
    checkLimits(reply);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^✅ Switch logged at <t:\d+:f> \(<t:\d+:R>\)\.$/);
    expect(reply.embeds[0]!.title).toBe('Current fronters (2)');
    expect(reply.embeds[0]!.description!.split('\n').map((line) => line.split(' (')[0])).toEqual([
      '**Émile**',
      '**Juniper**',
    ]);
    expect(shortIds(history()[0])).toEqual([ids.emile, ids.juniper]);
    expect(Date.now() - history()[0]!.timestamp).toBeLessThan(60_000);
  });

  it('refuses the same members in any order before asking PluralKit, but takes a changed set', async () => {
    const before = writes();
    const same = await h.command('switch in', { member: 'Émile', member2: ids.juniper }, { where: 'group-dm' }).reply();
    expect(same.content).toBe('Those members are already fronting (in any order); no new switch was logged.');
    const swapped = await h
      .command('switch in', { member: ids.juniper, member2: ids.emile }, { where: 'group-dm' })
      .reply();
    expect(swapped.content).toBe(same.content);
    expect(writes()).toBe(before);
    const changed = await h
      .command('switch in', { member: ids.juniper, member2: ids.emile, member3: ids.kai }, { where: 'group-dm' })
      .reply();
    expect(changed.embeds[0]!.title).toBe('Current fronters (3)');
    expect(shortIds(history()[0])).toEqual([ids.juniper, ids.emile, ids.kai]);
  });

  it('refuses a member listed twice (by id and by display name), unknown members and names two members share', async () => {
    const before = writes();
    const twice = await h.command('switch in', { member: ids.ash, member2: 'ASH 🔥' }).reply();
    expect(twice.content).toBe('You listed the same member twice. Each member can only be in a switch once.');
    const unknown = await h.command('switch in', { member: 'Nobody' }).reply();
    expect(unknown.content).toBe('No member “Nobody” found.');
    const shared = await h.command('switch in', { member: 'Theo' }).reply();
    expect(shared.content).toBe(
      `Several members are called “Theo” (\`${ids.theo}\`, \`${secondTheo}\`). Use the id of the one you mean.`,
    );
    expect(writes()).toBe(before);
  });

  it("reads a time without an offset in the system's zone (Europe/Berlin), and relative times (bot DM)", async () => {
    const zoned = await h
      .command('switch in', { member: ids.theo, time: '2025-06-01 21:30' }, { where: 'bot-dm' })
      .reply();
    expect(zoned.content).toContain('It is older than your latest switch, so the current fronters stay as they are.');
    const stored = history().find((sw) => sw.timestamp === Date.UTC(2025, 5, 1, 19, 30));
    expect(shortIds(stored)).toEqual([ids.theo]);

    const relative = await h
      .command('switch in', { member: ids.kai, time: '10 minutes ago' }, { where: 'bot-dm' })
      .reply();
    checkLimits(relative);
    const tenAgo = history().find(
      (sw) =>
        sw.memberUuids.length === 1 &&
        shortIds(sw)[0] === ids.kai &&
        Math.abs(Date.now() - 600_000 - sw.timestamp) < 60_000,
    );
    expect(tenAgo).toBeDefined();
  });

  it('explains a time PluralKit already has, a future time, a date that does not exist and unreadable text', async () => {
    const taken = await h.command('switch in', { member: ids.ash, time: '2025-06-01T19:30:00Z' }).reply();
    expect(taken.content).toBe('There is already a switch at exactly that time. Pick a slightly different time.');
    const future = await h.command('switch in', { member: ids.ash, time: 'in 2 hours' }).reply();
    expect(future.content).toMatch(/^I couldn't use that time: That time is in the future/);
    const before = writes();
    const february = await h.command('switch out', { time: '2025-02-30T10:00:00Z' }).reply();
    expect(february.content).toBe("I couldn't use that time: `2025-02-30` is not a date: February 2025 has 28 days.");
    const month = await h.command('switch in', { member: ids.ash, time: '2025-13-01 10:00' }).reply();
    expect(month.content).toBe("I couldn't use that time: `2025-13-01` is not a date: there is no month 13.");
    expect(writes()).toBe(before);
    const nonsense = await h.command('switch in', { member: ids.ash, time: 'banana o clock' }).reply();
    expect(nonsense.content).toMatch(/^I couldn't use that time: I couldn't read `banana o clock` as a time/);
  });

  it('switches out, and says so when nobody is fronting already (user-installed app)', async () => {
    const out = await h.command('switch out', {}, { where: 'user-dm' }).reply();
    checkLimits(out);
    expect(out.content).toMatch(/^✅ Switched out at /);
    expect(out.embeds[0]!.title).toBe('No one is fronting');
    expect(history()[0]!.memberUuids).toEqual([]);
    const again = await h.command('switch out', {}, { where: 'user-dm' }).reply();
    expect(again.content).toBe(
      'Nobody is fronting already (the latest switch is a switch-out); no new switch was logged.',
    );
    const fronters = await h.command('fronters', {}, { where: 'user-dm' }).reply();
    expect(fronters.embeds[0]!.title).toBe('No one is fronting');
  });

  it('suggests your members while you type, and asks unlinked users to link first', async () => {
    const typing = h.dispatch(h.discord.autocomplete('switch in', { member: 'jun' }, 'member'));
    const choices = (await typing.waitFor((r) => r.choices !== undefined)).choices!;
    expect(choices).toEqual([{ name: `Juniper (${ids.juniper})`, value: ids.juniper }]);
    const unlinked = await h.command('switch out', {}, { user: h.discord.users.carol }).reply();
    expect(unlinked.content).toContain("You haven't linked a PluralKit system yet");
  });
});
