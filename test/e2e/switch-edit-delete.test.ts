import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import type { SwitchRecord } from '../../stand-ins/pluralkit/records.js';
import { startHarness, type Harness } from './harness.js';
import { click, control, lines, pick } from './switch-support.js';

describe('/switch edit: deleting, cancelling, whose menu, and what other views show after', () => {
  let h: Harness;
  let systemId: string;
  const timeline = (): SwitchRecord[] => {
    const uuid = h.pk.state.systemByHid(systemId)!.uuid;
    return [...h.pk.state.switches.values()]
      .filter((sw) => sw.systemUuid === uuid)
      .sort((a, b) => b.timestamp - a.timestamp);
  };

  async function pageOf(index: number, where: 'guild' | 'group-dm' = 'guild'): Promise<MessageState> {
    let page = await h.command('switch edit', {}, { where }).reply();
    for (let i = 0; i < Math.floor(index / 10); i++) page = await click(h, page, 'next');
    return page;
  }

  beforeAll(async () => {
    h = await startHarness();
    const large = generateLargeSystem(h.pk.state, { members: 20, switches: 250 });
    systemId = large.systemId;
    await h.link(h.discord.users.alice, large.token);
  });
  afterAll(() => h.finish());

  it('cancels a delete without touching the switch, then deletes it on confirm (group DM, user-installed)', async () => {
    const target = timeline()[157]!;
    const picked = await pick(h, await pageOf(157, 'group-dm'), target.id, { where: 'group-dm' });
    const asked = await click(h, picked, 'delete', { where: 'group-dm' });
    expect(asked.id).toBe(picked.id);
    expect(asked.embeds[0]!.title).toBe('Delete this switch?');
    expect(asked.embeds[0]!.description).toContain('This cannot be undone.');
    const cancelled = await click(h, asked, 'cancel', { where: 'group-dm' });
    expect(cancelled.embeds[0]!.description).toBe('Cancelled; the switch was not changed.');
    expect(h.pk.state.switches.has(target.id)).toBe(true);

    const again = await pick(h, await click(h, cancelled, 'back', { where: 'group-dm' }), target.id, {
      where: 'group-dm',
    });
    const confirm = await click(h, again, 'delete', { where: 'group-dm' });
    const deleted = await click(h, confirm, 'confirm', { where: 'group-dm' });
    expect(deleted.embeds[0]!.description).toBe('🗑️ Switch deleted.');
    expect(h.pk.state.switches.has(target.id)).toBe(false);
    const list = await click(h, deleted, 'back', { where: 'group-dm' });
    expect(control(list, 'pick').options!.map((o) => o.value)).not.toContain(target.id);
    expect(list.embeds[0]!.footer!.text).toMatch(/^Page 16\//);
  });

  it('says a switch changed elsewhere no longer exists', async () => {
    const target = timeline()[42]!;
    const confirm = await click(h, await pick(h, await pageOf(42), target.id), 'delete');
    h.pk.state.deleteSwitch(h.pk.state.switches.get(target.id)!);
    const answer = await h.dispatch(h.discord.button(control(confirm, 'confirm').custom_id, confirm)).reply();
    expect(answer.content).toBe(
      "That switch doesn't exist any more (it may have been edited or deleted). Run the command again.",
    );
  });

  it("tells another user the menu isn't theirs, whatever they click", async () => {
    const page = await pageOf(0);
    const bob = { user: h.discord.users.bob };
    // The menu is ephemeral, so Discord never shows it to bob: only a forged click reaches the bot's owner check.
    expect(() => h.discord.button(control(page, 'next').custom_id, page, bob)).toThrow(/ephemeral/);
    const viaSelect = await h
      .dispatch(h.discord.forgeClick(control(page, 'pick').custom_id, page, bob, { values: [timeline()[0]!.id] }))
      .reply();
    expect(viaSelect.content).toBe('These buttons belong to whoever ran `/switch`. Run it yourself to get your own.');
    const viaButton = await h.dispatch(h.discord.forgeClick(control(page, 'next').custom_id, page, bob)).reply();
    expect(viaButton.content).toBe(viaSelect.content);
  });

  it('shows the change in /fronters and /switches after editing the latest switch', async () => {
    const latest = timeline()[0]!;
    await h.command('fronters').reply(); // warm the cache, which the write must drop
    await h.command('switches').reply();
    const picked = await pick(h, await pageOf(0), latest.id);
    const opened = h.dispatch(h.discord.button(control(picked, 'who').custom_id, picked));
    await opened.firstResponse();
    const confirm = await h
      .dispatch(h.discord.modalSubmit(opened.modal!.custom_id, { members: 'Member 7, Member 4' }, undefined, picked))
      .reply();
    await click(h, confirm, 'confirm');

    const fronters = await h.command('fronters').reply();
    expect(fronters.embeds[0]!.description!.split('\n').map((line) => line.split(' · ')[0])).toEqual([
      '**Member 4**',
      '**Member 7**',
    ]);
    const history = await h.command('switches').reply();
    expect(lines(history)[0]).toMatch(/^\*\*Member 4\*\*, \*\*Member 7\*\* · .* · ongoing/);
  });
});
