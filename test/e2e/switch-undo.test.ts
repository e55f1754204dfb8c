import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImpossibleClickError, type MessageState } from '../../stand-ins/discord/index.js';
import type { SwitchRecord } from '../../stand-ins/pluralkit/records.js';
import { startHarness, type Harness } from './harness.js';
import { click, control, controlsOf } from './switch-support.js';

describe('Undo under /switch in and /switch out', () => {
  let h: Harness;
  let ids: string[];
  const own = () => h.pk.state.systemByHid(h.pk.sample.own.systemId)!;
  const history = (): SwitchRecord[] =>
    [...h.pk.state.switches.values()]
      .filter((sw) => sw.systemUuid === own().uuid)
      .sort((a, b) => b.timestamp - a.timestamp);
  const deletes = () => h.pk.requests.filter((r) => r.method === 'DELETE').length;
  const logged = async (
    member: string,
    extra: Record<string, string> = {},
  ): Promise<{ reply: MessageState; sw: SwitchRecord }> => {
    const reply = await h.command('switch in', { member, ...extra }).reply();
    expect(reply.content).toMatch(/^✅ Switch logged/);
    const sw =
      extra.time === undefined ? history()[0]! : history().find((s) => s.timestamp === Date.parse(extra.time!))!;
    return { reply, sw };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    ids = h.pk.sample.own.memberIds;
  });
  afterAll(() => h.finish());

  it('offers Undo, asks the same confirm as /switch edit, and deletes only that switch', async () => {
    const before = history()[0]!;
    const { reply, sw } = await logged(ids[2]!);
    expect(controlsOf(reply).map((c) => (c as { label?: string }).label)).toEqual(['Undo']);

    const asked = await click(h, reply, 'undo');
    expect(asked.id).toBe(reply.id);
    expect(asked.embeds[0]!.title).toBe('Delete this switch?');
    expect(asked.embeds[0]!.description).toContain('This cannot be undone.');
    expect(controlsOf(asked).map((c) => c.custom_id.split(':')[1])).toEqual(['confirm', 'cancel']);
    const cancelled = await click(h, asked, 'cancel');
    expect(cancelled.embeds[0]!.description).toBe('Cancelled; the switch was not changed.');
    expect(controlsOf(cancelled)).toEqual([]);
    expect(h.pk.state.switches.has(sw.id)).toBe(true);

    const again = await logged(ids[3]!);
    const done = await click(h, await click(h, again.reply, 'undo'), 'confirm');
    expect(done.embeds[0]!.description).toBe('🗑️ Switch deleted.');
    expect(controlsOf(done)).toEqual([]);
    expect(h.pk.state.switches.has(again.sw.id)).toBe(false);
    expect(history()[0]!.id).toBe(sw.id);
    expect(h.pk.state.switches.has(before.id)).toBe(true);
    const fronters = await h.command('fronters').reply();
    expect(fronters.embeds[0]!.title).toBe('Current fronter');
  });

  it('undoes a switch-out too', async () => {
    const out = await h.command('switch out', {}, { where: 'user-dm' }).reply();
    expect(out.content).toMatch(/^✅ Switched out/);
    const sw = history()[0]!;
    const asked = await click(h, out, 'undo', { where: 'user-dm' });
    expect(asked.embeds[0]!.description).toMatch(/^\*no fronter\* at /);
    await click(h, asked, 'confirm', { where: 'user-dm' });
    expect(h.pk.state.switches.has(sw.id)).toBe(false);
  });

  it('says so, and deletes nothing, when the switch was deleted meanwhile', async () => {
    const { reply, sw } = await logged(ids[4]!);
    const asked = await click(h, reply, 'undo');
    h.pk.state.deleteSwitch(h.pk.state.switches.get(sw.id)!);
    const before = deletes();
    const answer = await h.dispatch(h.discord.button(control(asked, 'confirm').custom_id, asked)).reply();
    expect(answer.content).toBe('That switch was already deleted, so there is nothing to undo.');
    expect(deletes()).toBe(before);
  });

  it('refuses when a newer switch was logged since, at the button and at the confirm', async () => {
    const first = await logged(ids[5]!);
    const asked = await click(h, first.reply, 'undo');
    await logged(ids[0]!);
    const before = deletes();
    const notLatest =
      "That switch is no longer your latest one (a newer switch was logged, or it was moved), so I didn't undo it. To delete it anyway, use `/switch edit`.";
    const atConfirm = await h.dispatch(h.discord.button(control(asked, 'confirm').custom_id, asked)).reply();
    expect(atConfirm.content).toBe(notLatest);
    const second = await logged(ids[2]!);
    await logged(ids[3]!);
    const atButton = await h.dispatch(h.discord.button(control(second.reply, 'undo').custom_id, second.reply)).reply();
    expect(atButton.content).toBe(notLatest);
    expect(deletes()).toBe(before);
    expect(h.pk.state.switches.has(first.sw.id) && h.pk.state.switches.has(second.sw.id)).toBe(true);
  });

  it('undoes a back-dated switch, which was never the latest', async () => {
    const { reply, sw } = await logged(ids[1]!, { time: '2025-03-01T12:00:00Z' });
    expect(reply.content).toContain('It is older than your latest switch');
    await click(h, await click(h, reply, 'undo'), 'confirm');
    expect(h.pk.state.switches.has(sw.id)).toBe(false);
  });

  it('answers only the person who logged the switch', async () => {
    const { reply, sw } = await logged(ids[4]!);
    const bob = { user: h.discord.users.bob };
    // Bob cannot see an ephemeral answer on Discord; a forged click still reaches the bot's owner check.
    expect(() => h.discord.button(control(reply, 'undo').custom_id, reply, bob)).toThrow(ImpossibleClickError);
    const answer = await h.dispatch(h.discord.forgeClick(control(reply, 'undo').custom_id, reply, bob)).reply();
    expect(answer.content).toBe('These buttons belong to whoever ran `/switch`. Run it yourself to get your own.');
    expect(h.pk.state.switches.has(sw.id)).toBe(true);
  });
});
