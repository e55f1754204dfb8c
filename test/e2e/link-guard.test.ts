import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** Opens `/link` as `ctx.user` and submits `token` in its form; returns the answer. */
async function submitLinkForm(h: Harness, token: string, ctx?: Parameters<Harness['command']>[2]) {
  const shown = h.command('link', {}, ctx);
  await shown.firstResponse();
  return h.dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token }, ctx)).reply();
}

describe('linking again, too many attempts, and a 401 that arrives late', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.finish());

  it('says what a legacy token allows, and that a relink replaced the previous link, naming both systems', async () => {
    const { own, other } = h.pk.sample;
    const first = await submitLinkForm(h, own.token);
    expect(first.content).toContain(
      'This is your full PluralKit token: it can see and change everything in your system.',
    );
    expect(first.content).not.toMatch(/replaces/);
    const again = await submitLinkForm(h, own.token);
    expect(again.content).toContain('This replaces your earlier link to the same system.');
    const switched = await submitLinkForm(h, other.token);
    expect(switched.content).toContain(`(\`${other.systemId}\`)`);
    expect(switched.content).toMatch(
      new RegExp(`This replaces your earlier link to \\*\\*.+\\*\\* \\(\`${own.systemId}\`\\)`),
    );
    expect((await h.bot.vault.get(h.discord.users.alice.id))?.systemId).toBe(other.systemId);
  });

  it("refuses one user's 30 bogus attempts after five, before PluralKit, and another user's link is not held up", async () => {
    const { bob, carol } = h.discord.users;
    h.pk.stats.reset();
    const replies: string[] = [];
    for (let i = 0; i < 30; i++) {
      const bogus = `${'Q'.repeat(60)}${String(i).padStart(4, '0')}`;
      replies.push((await submitLinkForm(h, bogus, { user: bob })).content ?? '');
    }
    expect(replies.slice(0, 5).every((text) => /didn't accept that token/.test(text))).toBe(true);
    for (const text of replies.slice(5))
      expect(text).toMatch(/Too many `\/link` attempts in a short time\. Try again in \d+ minutes?\./);
    expect(h.pk.stats.requests).toBe(5);

    const linked = await submitLinkForm(h, h.pk.sample.frontPrivate.token, { user: carol });
    expect(linked.content).toContain(`(\`${h.pk.sample.frontPrivate.systemId}\`)`);
    expect(h.pk.stats.requests).toBe(6);
  });

  it('keeps a newer token when a 401 for the older one arrives after the relink', async () => {
    const { carol } = h.discord.users;
    const account = (await h.bot.vault.get(carol.id))!;
    const system = h.pk.state.systemByToken(account.token)!;
    h.pk.setLatency(300);
    const pending = h.command('fronters', {}, { user: carol }).reply();
    await vi.waitFor(() => expect(h.pk.inFlight).toBeGreaterThan(0));
    // While the request with token A waits, A is refreshed and the user links B.
    const tokenB = h.pk.state.refreshToken(system);
    await h.bot.vault.link(carol.id, tokenB, {
      id: account.systemId,
      uuid: account.systemUuid,
      name: account.systemName,
    });
    h.pk.setLatency(0);
    const reply = await pending;
    expect(reply.content).toMatch(/you have linked a newer one since, so I kept it/);
    expect((await h.bot.vault.get(carol.id))?.token).toBe(tokenB);
  });
});
