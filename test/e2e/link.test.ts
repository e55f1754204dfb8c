import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('linking and unlinking a PluralKit token', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.finish());

  async function submitLinkForm(token: string, ctx?: Parameters<Harness['command']>[2]) {
    const shown = h.command('link', {}, ctx);
    expect((await shown.firstResponse()).type).toBe(9);
    return h.dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token }, ctx)).reply();
  }

  it('opens a private form, checks the token with PluralKit and names the linked system', async () => {
    const shown = h.command('link');
    await shown.firstResponse();
    expect(shown.modal?.title).toBe('Link your PluralKit system');
    const reply = await h
      .dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token: `  ${h.pk.sample.own.token}\n` }))
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`(\`${h.pk.sample.own.systemId}\`)`);
    expect(reply.content).not.toContain(h.pk.sample.own.token);
    expect(await h.bot.vault.has(h.discord.users.alice.id)).toBe(true);
    expect(h.pk.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v2/systems/@me',
      authorization: 'legacy',
      status: 200,
    });
  });

  it('refuses something that is not a token without asking PluralKit, and keeps nothing', async () => {
    const before = h.pk.stats.requests;
    const reply = await submitLinkForm('hunter2 is my password', { user: h.discord.users.bob });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/doesn't look like a PluralKit token/);
    expect(reply.content).not.toContain('hunter2');
    expect(h.pk.stats.requests).toBe(before);
    expect(await h.bot.vault.has(h.discord.users.bob.id)).toBe(false);
  });

  it('says clearly when PluralKit does not accept a well-formed token, and keeps nothing', async () => {
    const wrong = 'A'.repeat(63) + 'B';
    const reply = await submitLinkForm(wrong, { user: h.discord.users.bob, where: 'user-dm' });
    expect(reply.content).toMatch(/PluralKit didn't accept that token/);
    expect(reply.content).not.toContain(wrong);
    expect(await h.bot.vault.has(h.discord.users.bob.id)).toBe(false);
  });

  it('links a token pasted as a plain DM to the bot, and answers in that DM', async () => {
    const { bob } = h.discord.users;
    const { delivered } = await h.discord.directMessage(bob, h.pk.sample.other.token);
    expect(delivered).toBe(true);
    const answer = await h.discord.waitForDm(bob, (message) => message.content.includes('Linked'));
    expect(answer.content).toContain(h.pk.sample.other.systemId);
    expect(await h.bot.vault.has(bob.id)).toBe(true);
  });

  it('answers any other DM with a hint and never echoes it', async () => {
    const { carol } = h.discord.users;
    await h.discord.directMessage(carol, 'hello there, how do I use you?');
    const answer = await h.discord.waitForDm(carol, (message) => message.content.includes('/link'));
    expect(answer.content).not.toContain('hello there');
  });

  it('forgets a token PluralKit no longer accepts and tells the user to link again', async () => {
    const { bob } = h.discord.users;
    const system = h.pk.state.systemByToken(h.pk.sample.other.token)!;
    h.pk.state.refreshToken(system);
    h.bot.ctx.pluralkit.invalidateSystem(system.uuid);
    const fronters = await h.command('fronters', {}, { user: bob }).reply();
    expect(fronters.ephemeral).toBe(true);
    expect(fronters.content).toMatch(/no longer accepts the token you linked/);
    expect(await h.bot.vault.has(bob.id)).toBe(false);
  });

  it('unlinks at once, confirms, and then treats the user as not linked', async () => {
    const { alice } = h.discord.users;
    const done = await h.command('unlink').reply();
    expect(done.ephemeral).toBe(true);
    expect(done.content).toMatch(/forgotten/);
    expect(await h.bot.vault.has(alice.id)).toBe(false);

    const again = await h.command('unlink', {}, { where: 'bot-dm' }).reply();
    expect(again.content).toMatch(/nothing to forget/);
    const fronters = await h.command('fronters').reply();
    expect(fronters.content).toMatch(/haven't linked a PluralKit system/);
  });
});
