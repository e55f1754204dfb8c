import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { call } from '../../stand-ins/pluralkit/test-client.js';
import { startHarness, type Harness } from './harness.js';

/** Names PluralKit itself lists as fronting, the oracle the card must match. */
async function frontingNames(h: Harness, ref: string, token?: string): Promise<string[]> {
  const response = await call(h.pk.url, `/systems/${ref}/fronters`, token === undefined ? {} : { auth: token });
  return (response.json.members as { name: string; display_name: string | null }[]).map(
    (m) => m.display_name ?? m.name,
  );
}

describe('/fronters', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  for (const where of ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const) {
    it(`shows your own fronters privately (${where})`, async () => {
      const reply = await h.command('fronters', {}, { where }).reply();
      const [embed] = reply.embeds;
      expect(reply.ephemeral).toBe(true);
      expect(embed?.title).toMatch(/^Current fronters?/);
      for (const name of await frontingNames(h, '@me', h.pk.sample.own.token))
        expect(embed?.description).toContain(name);
      expect(embed?.fields?.[0]?.name).toBe('Since');
      expect(embed?.fields?.[0]?.value).toMatch(/<t:\d+:R>/);
      // The sample system asks for ids in capitals (hid_display_caps).
      expect(embed?.footer?.text).toBe(`System ID: ${h.pk.sample.own.systemId.toUpperCase()}`);
      expect(embed?.description).not.toContain('[avatar]');
      assertWithinDiscordLimits(reply);
    });
  }

  it('shares your fronters with the channel when you ask for public', async () => {
    const reply = await h.command('fronters', { public: true }).reply();
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toMatch(/^Current fronters?/);
  });

  it("shows another system's public view by id, in any display form, without sending your token", async () => {
    const { other } = h.pk.sample;
    const display = `${other.systemId.slice(0, 3)}-${other.systemId.slice(3)}`.toUpperCase();
    const reply = await h.command('fronters', { system: display }).reply();
    for (const name of await frontingNames(h, other.systemId)) expect(reply.embeds[0]?.description).toContain(name);
    const lookup = h.pk.requests.filter((r) => r.path.startsWith(`/v2/systems/${other.systemId}`));
    expect(lookup.length).toBeGreaterThan(0);
    expect(lookup.every((r) => r.authorization === 'none')).toBe(true);
  });

  it("shows a Discord user's system", async () => {
    const { bob } = h.discord.users;
    h.pk.state.linkAccount(h.pk.state.systemByHid(h.pk.sample.other.systemId)!, bob.id);
    const reply = await h.command('fronters', { user: bob.id }, { where: 'user-dm' }).reply();
    expect(reply.embeds[0]?.footer?.text).toContain(h.pk.sample.other.systemId);
  });

  it('says when a Discord user has no system', async () => {
    const reply = await h.command('fronters', { user: h.discord.users.carol.id }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/hasn't registered a PluralKit system/);
  });

  it('says when fronters are private', async () => {
    const reply = await h.command('fronters', { system: h.pk.sample.frontPrivate.systemId }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('That system keeps its current fronters private.');
  });

  it('says when a system has no switches yet', async () => {
    const reply = await h.command('fronters', { system: h.pk.sample.noSwitches.systemId }).reply();
    expect(reply.embeds[0]?.title).toBe('No switches yet');
  });

  it('says when a system does not exist, naming what was looked up', async () => {
    const reply = await h.command('fronters', { system: 'zzzzz' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/doesn't know a system `zzzzz`/);
  });

  it('rejects a malformed reference before asking PluralKit', async () => {
    const reply = await h.command('fronters', { system: 'not a system!' }).reply();
    expect(reply.content).toMatch(/^That system id isn't valid/);
    // By path, not by count: an earlier test's request may still be in flight and land meanwhile.
    expect(h.pk.requests.filter((r) => decodeURIComponent(r.path).toLowerCase().includes('not a system'))).toEqual([]);
  });

  it('asks you to pick one of system and user', async () => {
    const reply = await h.command('fronters', { system: 'abcde', user: h.discord.users.bob.id }).reply();
    expect(reply.content).toBe('Use either `system` or `user`, not both.');
  });

  it('shows a switch-out as nobody fronting', async () => {
    const own = h.pk.state.systemByHid(h.pk.sample.own.systemId)!;
    h.pk.state.addSwitch(own, [], Date.now() - 1000);
    h.bot.ctx.pluralkit.invalidateSystem(own.uuid);
    const reply = await h.command('fronters', {}, { where: 'bot-dm' }).reply();
    expect(reply.embeds[0]?.title).toBe('No one is fronting');
  });
});
