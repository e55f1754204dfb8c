import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { selectOf } from './profiles-helpers.js';

/** One lookup rule everywhere: ids, then names, then display names, without case or accents; one answer for a stale control. */
describe('what a user types finds the same member everywhere', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  it('opens a card for a name typed without its accent', async () => {
    const card = await h.command('member', { member: 'EMILE' }).reply();
    expect(card.embeds[0]?.author?.name).toBe('Émile (The Lantern Collective 🏮)');
  });

  it('logs a switch for a name typed without its accent', async () => {
    const reply = await h.command('switch in', { member: 'emile' }).reply();
    expect(reply.content).toMatch(/^✅ Switch logged at /);
    expect(reply.embeds[0]?.description).toContain('Émile');
  });

  it('searches the member list without case or accents', async () => {
    const searched = await h.command('members', { search: 'EMI' }).reply();
    expect(searched.embeds[0]?.description).toContain('**Émile**');
  });

  it('answers a control its menu does not have as not valid, like every other menu', async () => {
    const menu = await h.command('members').reply();
    const session = selectOf(menu).custom_id.split(':')[2] ?? '';
    const handle = h.dispatch(h.discord.forgeClick(`members:no-such-action:${session}:`, menu));
    const record = await handle.waitFor(
      (r) => r.followUps.length > 0 || (r.original !== undefined && !r.original.loading && r.original.content !== ''),
    );
    const said = [record.original?.content ?? '', ...record.followUps.map((m) => m.content)].filter(
      (text) => text !== '',
    );
    expect(said).toEqual([expect.stringMatching(/^That control isn't valid/)]);
  });
});
