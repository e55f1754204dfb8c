import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import type { SwitchRecord } from '../../stand-ins/pluralkit/records.js';
import { startHarness, type Harness } from './harness.js';
import { checkLimits, click, control, lines, pick } from './switch-support.js';

describe('/switch edit: moving and changing a switch several pages back', () => {
  let h: Harness;
  let systemId: string;
  const timeline = (): SwitchRecord[] => {
    const uuid = h.pk.state.systemByHid(systemId)!.uuid;
    return [...h.pk.state.switches.values()]
      .filter((sw) => sw.systemUuid === uuid)
      .sort((a, b) => b.timestamp - a.timestamp);
  };
  const memberNames = (sw: SwitchRecord) => sw.memberUuids.map((uuid) => h.pk.state.members.get(uuid)!.name);
  const optionsOf = (message: MessageState) => control(message, 'pick').options!;

  /** Clicks a button that opens a form, submits the form, and returns the answer (a new private message). */
  async function submitForm(message: MessageState, action: string, fields: Record<string, string>) {
    const opened = h.dispatch(h.discord.button(control(message, action).custom_id, message));
    expect((await opened.firstResponse()).type).toBe(9);
    const form = opened.modal!;
    const reply = await h.dispatch(h.discord.modalSubmit(form.custom_id, fields, undefined, message)).reply();
    checkLimits(reply);
    return { form, reply };
  }

  beforeAll(async () => {
    h = await startHarness();
    const large = generateLargeSystem(h.pk.state, { members: 20, switches: 300 });
    systemId = large.systemId;
    await h.link(h.discord.users.alice, large.token);
  });
  afterAll(() => h.finish());

  for (const where of ['guild', 'bot-dm', 'user-dm'] as const) {
    it(`opens a private picker of the switches on the page (${where})`, async () => {
      const reply = await h.command('switch edit', {}, { where }).reply();
      checkLimits(reply);
      expect(reply.ephemeral).toBe(true);
      expect(optionsOf(reply).map((o) => o.value)).toEqual(
        timeline()
          .slice(0, 10)
          .map((sw) => sw.id),
      );
      expect(optionsOf(reply)[1]!.description).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)$/);
    });
  }

  it('moves a switch from the second PluralKit page between its neighbours, and refuses a time outside them', async () => {
    const olderPages = () => h.pk.requests.filter((r) => r.path.includes('/switches?before=')).length;
    const requests = olderPages();
    let page = await h.command('switch edit').reply();
    for (let i = 0; i < 9; i++) page = await click(h, page, 'next');
    expect(olderPages()).toBe(requests); // page 10 (switches 90-99) is all on the first PluralKit page
    for (let i = 0; i < 3; i++) page = await click(h, page, 'next');
    expect(olderPages() - requests).toBe(1);
    const [newer, target, older] = timeline().slice(121, 124) as [SwitchRecord, SwitchRecord, SwitchRecord];
    const picked = await pick(h, page, target.id);
    expect(picked.embeds[0]!.title).toBe('Edit this switch');
    expect(lines(picked)[2]).toBe('for 20m');

    const outside = await submitForm(picked, 'move', { time: new Date(older.timestamp - 60_000).toISOString() });
    expect(outside.form.components).toHaveLength(1);
    const seconds = (ms: number) => Math.floor(ms / 1000);
    expect(outside.reply.content).toBe(
      `A switch can only move between its neighbours: pick a time after <t:${seconds(older.timestamp)}:F> and before <t:${seconds(newer.timestamp)}:F>. To reorder switches, delete one and log it again.`,
    );
    const atNeighbour = await submitForm(picked, 'move', { time: new Date(newer.timestamp).toISOString() });
    expect(atNeighbour.reply.content).toMatch(/^A switch can only move between its neighbours/);
    expect(h.pk.state.switches.get(target.id)!.timestamp).toBe(target.timestamp);

    const to = target.timestamp + 5 * 60_000;
    const { form, reply: confirm } = await submitForm(picked, 'move', { time: new Date(to).toISOString() });
    const prefilled = (form.components[0] as { components: { value?: string }[] }).components[0]!.value;
    expect(prefilled).toBe(`${new Date(target.timestamp).toISOString().slice(0, 19)}Z`);
    expect(confirm.embeds[0]!.title).toBe('Move this switch?');
    const done = await click(h, confirm, 'confirm');
    expect(done.embeds[0]!.description).toMatch(/^✅ Switch moved: \*\*Member \d+\*\*/);
    expect(h.pk.state.switches.get(target.id)!.timestamp).toBe(to);

    const list = await click(h, done, 'back');
    expect(list.embeds[0]!.footer!.text).toMatch(/^Page 13\//);
    expect(
      lines(list)
        .slice(2, 4)
        .map((line) => line.split(' · ').at(-1)),
    ).toEqual(['for 15m', 'for 25m']);
  });

  it('changes who fronted, refusing duplicates and an unchanged list', async () => {
    let page = await h.command('switch edit').reply();
    for (let i = 0; i < 12; i++) page = await click(h, page, 'next');
    const target = timeline()[125]!;
    const picked = await pick(h, page, target.id);

    expect(memberNames(target).length).toBeGreaterThan(1);
    const writes = h.pk.requests.filter((r) => r.method !== 'GET').length;
    const unchanged = await submitForm(picked, 'who', { members: memberNames(target).join(', ') });
    // The switch list gives members in no fixed order; the form still offers them as they were logged.
    const prefilled = (unchanged.form.components[0] as { components: { value?: string }[] }).components[0]!.value;
    expect(prefilled).toBe(memberNames(target).join(', '));
    const sameMessage = 'That switch already has exactly those members (in any order); nothing was changed.';
    expect(unchanged.reply.content).toBe(sameMessage);
    const reordered = await submitForm(picked, 'who', { members: [...memberNames(target)].reverse().join(', ') });
    expect(reordered.reply.content).toBe(sameMessage);
    expect(h.pk.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    const twice = await submitForm(picked, 'who', { members: 'Member 2, member 2' });
    expect(twice.reply.content).toBe('You listed the same member twice. Each member can only be in a switch once.');

    const { reply: confirm } = await submitForm(picked, 'who', { members: 'Member 2;\nMember 13' });
    expect(confirm.embeds[0]!.description).toContain('to **Member 2**, **Member 13**');
    const done = await click(h, confirm, 'confirm');
    expect(done.embeds[0]!.description).toMatch(/^✅ Switch changed: \*\*Member 2\*\*, \*\*Member 13\*\* since /);
    expect(memberNames(h.pk.state.switches.get(target.id)!)).toEqual(['Member 2', 'Member 13']);
  });
});
