import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('/remind add, list and remove', () => {
  let h: Harness;
  let ids: Record<'ash' | 'emile' | 'juniper', string>;
  const memberRecord = (id: string) => [...h.pk.state.members.values()].find((m) => m.id === id)!;

  beforeAll(async () => {
    // Uncached reads, so a member renamed in PluralKit shows by its new name at once.
    h = await startHarness({ env: { PLURALKIT_CACHE_TTL_MS: '0' } });
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    await h.link(h.discord.users.bob, h.pk.sample.other.token);
    const m = h.pk.sample.own.memberIds;
    ids = { ash: m[0]!, emile: m[1]!, juniper: m[6]! };
  });
  afterAll(() => h.finish());

  it('adds reminders by name and by id, privately, and lists them under the members as PluralKit names them now', async () => {
    const empty = await h.command('remind list').reply();
    expect(empty.ephemeral).toBe(true);
    expect(empty.content).toContain('Your system has no reminders yet.');

    const added = await h.command('remind add', { member: 'juniper', note: 'Take the **blue** pill 💊' }).reply();
    expect(added.ephemeral).toBe(true);
    expect(added.content).toMatch(
      /^✅ When \*\*Juniper\*\* switches in, I'll DM you this \(reminder `[a-z2-9]{5}`\):\nTake the \*\*blue\*\* pill 💊$/,
    );
    await h.command('remind add', { member: ids.ash, note: 'Water the plants' }, { where: 'bot-dm' }).reply();
    await h.command('remind add', { member: 'Émile', note: 'Call @everyone <@123> back' }).reply();
    memberRecord(ids.juniper).display_name = 'June 🌲';

    const list = await h.command('remind list', {}, { where: 'user-dm' }).reply();
    expect(list.ephemeral).toBe(true);
    const description = list.embeds[0]!.description!;
    expect(description.split('\n').filter((line) => line.startsWith('**'))).toEqual([
      '**Ash 🔥**',
      '**Émile**',
      '**June 🌲**',
    ]);
    expect(description).toMatch(/\n`[a-z2-9]{5}` Take the \*\*blue\*\* pill 💊/);
    expect(description).toContain('Call @everyone <@123> back');
    expect(list.embeds[0]!.footer!.text).toMatch(/^3 of 25 reminders/);
  });

  it('refuses an unknown member, an empty or too long note and callers without a link, saving nothing', async () => {
    const unknown = await h.command('remind add', { member: 'Nobody', note: 'hi' }).reply();
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toBe('No member “Nobody” found.');
    const long = await h.command('remind add', { member: ids.ash, note: 'Drink water. '.repeat(78) }).reply();
    expect(long.content).toBe(
      "That note is 1013 characters long; a reminder's note can be at most 1000. Nothing was saved.",
    );
    const blank = await h.command('remind add', { member: ids.ash, note: '   ' }).reply();
    expect(blank.content).toContain('A reminder needs a note');
    const carol = { user: h.discord.users.carol };
    for (const [name, options] of [
      ['remind add', { member: 'Ash', note: 'hi' }],
      ['remind list', {}],
      ['remind remove', { reminder: 'abcde' }],
    ] as const) {
      const unlinked = await h.command(name, options, carol).reply();
      expect(unlinked.ephemeral).toBe(true);
      expect(unlinked.content).toContain("You haven't linked a PluralKit system yet");
    }
    const list = await h.command('remind list').reply();
    expect(list.embeds[0]!.footer!.text).toMatch(/^3 of 25 reminders/);
  });

  it("suggests the caller's own members, and the caller's own reminders to remove", async () => {
    const members = h.dispatch(h.discord.autocomplete('remind add', { member: 'jun' }, 'member'));
    expect((await members.waitFor((r) => r.choices !== undefined)).choices).toEqual([
      { name: `June 🌲 (${ids.juniper})`, value: ids.juniper },
    ]);
    const mine = h.dispatch(h.discord.autocomplete('remind remove', { reminder: 'plants' }, 'reminder'));
    const choices = (await mine.waitFor((r) => r.choices !== undefined)).choices!;
    expect(choices.map((c) => c.name)).toEqual(['Ash 🔥: Water the plants']);
    const bobs = h.dispatch(
      h.discord.autocomplete('remind remove', { reminder: '' }, 'reminder', { user: h.discord.users.bob }),
    );
    expect((await bobs.waitFor((r) => r.choices !== undefined)).choices).toEqual([]);
  });

  it('removes a reminder by what autocomplete offered; another system cannot remove it', async () => {
    const typing = h.dispatch(h.discord.autocomplete('remind remove', { reminder: 'pill' }, 'reminder'));
    const id = (await typing.waitFor((r) => r.choices !== undefined)).choices![0]!.value as string;
    const foreign = await h.command('remind remove', { reminder: id }, { user: h.discord.users.bob }).reply();
    expect(foreign.content).toBe(
      'Your system has no such reminder (it may have been removed already). Pick one from the list while you type, or see `/remind list`.',
    );
    const removed = await h.command('remind remove', { reminder: id }).reply();
    expect(removed.ephemeral).toBe(true);
    expect(removed.content).toBe('🗑️ Removed the reminder for **Juniper**: Take the **blue** pill 💊');
    const again = await h.command('remind remove', { reminder: id }).reply();
    expect(again.content).toBe(foreign.content);
    const list = await h.command('remind list').reply();
    expect(list.embeds[0]!.description).not.toContain('pill');
    expect(list.embeds[0]!.footer!.text).toMatch(/^2 of 25 reminders/);
  });

  it('keeps at most 25 reminders per system and says so on the 26th', async () => {
    for (let i = 3; i <= 25; i++) {
      const reply = await h.command('remind add', { member: ids.emile, note: `note ${i}` }).reply();
      expect(reply.content).toMatch(/^✅/);
    }
    const over = await h.command('remind add', { member: ids.emile, note: 'one too many' }).reply();
    expect(over.ephemeral).toBe(true);
    expect(over.content).toBe(
      'Your system already has 25 reminders, the most it can keep. Remove one with `/remind remove` first; nothing was saved.',
    );
    const list = await h.command('remind list').reply();
    expect(list.embeds[0]!.footer!.text).toMatch(/^25 of 25 reminders/);
    expect(list.embeds[0]!.description).not.toContain('one too many');
  });

  it('keeps reminders with the system: relinking the same system by another user finds them', async () => {
    await h.link(h.discord.users.carol, h.pk.sample.own.token);
    const list = await h.command('remind list', {}, { user: h.discord.users.carol }).reply();
    expect(list.embeds[0]!.footer!.text).toMatch(/^25 of 25 reminders/);
  });
});
