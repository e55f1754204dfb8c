import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** Opens `/link` as `ctx.user` and submits `token` in its form; returns the answer. */
async function submitLinkForm(h: Harness, token: string, ctx?: Parameters<Harness['command']>[2]) {
  const shown = h.command('link', {}, ctx);
  expect((await shown.firstResponse()).type).toBe(9);
  return h.dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token }, ctx)).reply();
}

const notYet = /PluralKit doesn't accept API keys yet.*`pk;token` for a token that works/;

describe("API keys against production PluralKit's main (keys are anonymous there)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.finish());

  it('says at /link that PluralKit does not accept API keys yet, never that the token was refreshed', async () => {
    const { bob } = h.discord.users;
    const reply = await submitLinkForm(h, h.pk.sample.own.apiKey, { user: bob });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(notYet);
    expect(reply.content).not.toMatch(/refreshed|rejected/);
    expect(h.pk.requests.at(-1)).toMatchObject({ path: '/v2/systems/@me', authorization: 'bearer', status: 401 });
    expect(await h.bot.vault.has(bob.id)).toBe(false);
  });

  it('says the same to a key pasted as a DM', async () => {
    const { carol } = h.discord.users;
    await h.discord.directMessage(carol, h.pk.sample.own.apiKey);
    const answer = await h.discord.waitForDm(carol, (message) => message.content.includes('API keys'));
    expect(answer.content).toMatch(notYet);
    expect(await h.bot.vault.has(carol.id)).toBe(false);
  });

  it('refuses a malformed key before any request, saying what is wrong', async () => {
    const before = h.pk.stats.requests;
    const cut = h.pk.sample.own.apiKey.split(':').slice(0, 2).join(':');
    const reply = await submitLinkForm(h, cut, { user: h.discord.users.bob });
    expect(reply.content).toMatch(/That API key can't be used: it doesn't have the three parts/);
    const garbled = `pkapi:${Buffer.from('{"tid":1}').toString('base64')}:c2ln`;
    const second = await submitLinkForm(h, garbled, { user: h.discord.users.bob });
    expect(second.content).toMatch(/its `tid` \(the key id\) is missing or not a UUID/);
    expect(second.content).not.toContain(garbled);
    expect(h.pk.stats.requests).toBe(before);
  });
});

describe("API keys against PluralKit's unmerged key branch (scopes enforced)", () => {
  let h: Harness;
  const key = (scopes: string[]): string =>
    h.pk.state.issueApiKey(h.pk.state.systemByHid(h.pk.sample.own.systemId)!, scopes);
  beforeAll(async () => {
    h = await startHarness({ pluralkit: { apiKeys: 'branch' } });
  });
  afterAll(() => h.finish());

  it('links a write:all key, sent as Bearer, and says what it allows', async () => {
    const reply = await submitLinkForm(h, h.pk.sample.own.apiKey, { user: h.discord.users.carol, where: 'bot-dm' });
    expect(reply.content).toContain(h.pk.sample.own.systemId);
    expect(reply.content).toContain(
      'This API key can log, edit and delete switches, and see everything private in your system.',
    );
    expect(h.pk.requests.at(-1)).toMatchObject({ path: '/v2/systems/@me', authorization: 'bearer', status: 200 });
  });

  it('links a read-only key, says so, and refuses /switch out and /switch edit before sending anything', async () => {
    const reply = await submitLinkForm(h, key(['read:all']));
    expect(reply.content).toContain('read-only: you can look, not log switches');
    h.pk.stats.reset();
    const out = await h.command('switch out').reply();
    expect(out.ephemeral).toBe(true);
    expect(out.content).toMatch(
      /linked API key can't log a switch-out: that needs the `write:switches` scope, and nothing was sent/,
    );
    const edit = await h.command('switch edit').reply();
    expect(edit.content).toMatch(/can't edit switches: that needs the `write:switches` scope/);
    expect(h.pk.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it("does not present the public view a members-only key gets as the owner's view", async () => {
    const { carol } = h.discord.users;
    await submitLinkForm(h, key(['read:members']), { user: carol });
    const card = await h.command('system', {}, { user: carol }).reply();
    expect(card.content).toMatch(
      /lacks the `read:system` scope, so this is what anyone can see of your system profile, not your own view/,
    );
    const front = await h.command('fronters', {}, { user: carol }).reply();
    expect(front.content).toMatch(/lacks the `read:fronters` scope/);
    // A members-only key reads members as the owner, but groups only as anyone would.
    const members = await h.command('members', {}, { user: carol }).reply();
    expect(members.content ?? '').not.toMatch(/lacks the/);
    const groups = await h.command('groups', {}, { user: carol }).reply();
    expect(groups.content).toMatch(/lacks the `read:groups` scope, so this is what anyone can see of your groups/);
  });

  it('says so on member cards and lists when the key cannot read members', async () => {
    await submitLinkForm(h, key(['read:groups']));
    const list = await h.command('members').reply();
    expect(list.content).toMatch(/lacks the `read:members` scope, so this is what anyone can see of your members/);
    const card = await h.command('member', { member: h.pk.sample.own.memberIds[0]! }).reply();
    expect(card.content).toMatch(/lacks the `read:members` scope/);
    const history = await h.command('switches').reply();
    expect(history.content).toMatch(
      /lacks the `read:switches` scope, so this is what anyone can see of your front history/,
    );
    const stats = await h.command('frontstats').reply();
    expect(stats.content).toMatch(/lacks the `read:switches` scope/);
  });

  it('never reads a typed switch time in UTC because the key hid the time zone', async () => {
    await submitLinkForm(h, key(['write:switches']), { user: h.discord.users.bob });
    h.pk.stats.reset();
    const at = await h.command('switch out', { time: '2025-03-01 10:00' }, { user: h.discord.users.bob }).reply();
    expect(at.content).toMatch(/doesn't let me see your system's time zone \(that needs the `read:system` scope\)/);
    expect(h.pk.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
