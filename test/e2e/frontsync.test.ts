import { PermissionFlagsBits, type APIRole } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontNickname } from '../../src/front/nickname.js';
import { memberName, sortedMembers } from '../../src/render/names.js';
import type { FrontChange } from '../../src/live/front-change.js';
import { startHarness, type Harness } from './harness.js';
import { readFrontChange } from './front-change-reads.js';

/** The nickname PluralKit's style gives this change. */
const expectedNick = (change: FrontChange) =>
  frontNickname(sortedMembers(change.current?.members ?? []).map(memberName), change.system.tag) ?? null;

describe('/frontsync: names and roles that follow the front', () => {
  let h: Harness;
  let fronting: APIRole;
  beforeAll(async () => {
    h = await startHarness();
    const { alice, bob, carol } = h.discord.users;
    await h.link(alice, h.pk.sample.own.token);
    await h.link(bob, h.pk.sample.other.token);
    await h.link(carol, h.pk.sample.frontPrivate.token);
    fronting = h.discord.addRole({ name: 'Fronting', position: 1 });
  });
  afterAll(() => h.finish());

  const run = (name: string, options: Record<string, string> = {}, user = h.discord.users.alice) =>
    h.command(`frontsync ${name}`, options, { user }).reply();
  const otherChange = () => readFrontChange(h, h.discord.users.bob.id, h.pk.sample.other.token);

  it('says which permission the bot lacks when an admin turns it on', async () => {
    const nick = await run('server', { nickname: 'on' });
    expect(nick.ephemeral).toBe(true);
    expect(nick.content).toContain("I don't have the **Manage Nicknames** permission");
    expect((await run('server', { roles: 'on' })).content).toContain('**Manage Roles**');
    expect((await run('me', { nickname: 'on' }, h.discord.users.bob)).content).toMatch(/haven't turned on nicknames/);
  });

  it('lets only Manage Server members change the server', async () => {
    expect((await run('server', { nickname: 'on' }, h.discord.users.bob)).content).toMatch(/Manage Server/);
    expect((await run('role-allow', { role: fronting.id }, h.discord.users.bob)).content).toMatch(/Manage Server/);
  });

  it('turns on once the bot has the permissions', async () => {
    const botRole = h.discord.addRole({
      name: 'pk-companion',
      position: 10,
      permissions: PermissionFlagsBits.ManageNicknames | PermissionFlagsBits.ManageRoles,
    });
    h.discord.giveRole(h.discord.botUser, botRole.id);
    const reply = await run('server', { nickname: 'on', roles: 'on' });
    expect(reply.content).toContain('Nicknames that follow the front: **on**. Roles that follow the front: **on**.');
  });

  it('refuses @everyone, managed roles and roles not below its own', async () => {
    const booster = h.discord.addRole({ name: 'Booster', position: 2, managed: true });
    const above = h.discord.addRole({ name: 'Mods', position: 20 });
    expect((await run('role-allow', { role: h.discord.guild.id })).content).toMatch(/@everyone belongs to everyone/);
    expect((await run('role-allow', { role: booster.id })).content).toMatch(/an integration manages it/);
    expect((await run('role-allow', { role: above.id })).content).toMatch(/not below my highest role/);
    expect((await run('role-allow', { role: fronting.id })).content).toContain(`<@&${fronting.id}> may now follow`);
  });

  it('maps an allowed role to a member, offering the member by autocomplete', async () => {
    const { bob } = h.discord.users;
    const typing = h.dispatch(h.discord.autocomplete('frontsync role', { member: '' }, 'member', { user: bob }));
    await typing.waitFor((r) => r.choices !== undefined);
    const change = await otherChange();
    const first = sortedMembers(change.current!.members)[0]!;
    expect(typing.choices?.map((c) => c.value)).toContain(first.id);
    const unlisted = h.discord.addRole({ name: 'Unlisted', position: 3 });
    expect((await run('role', { role: unlisted.id, member: first.id }, bob)).content).toMatch(/isn't one of the roles/);
    expect((await run('role', { role: fronting.id }, bob)).content).toMatch(/either a `member` or a `group`/);
    expect((await run('role', { role: fronting.id, member: first.id }, bob)).content).toContain(
      `You'll have <@&${fronting.id}> while`,
    );
  });

  it('sets the nickname and adds the role of a fronting member on a front change', async () => {
    const { bob } = h.discord.users;
    expect((await run('me', { nickname: 'on', roles: 'on' }, bob)).content).toContain(
      'Your nickname follows the front: **on**. Your roles follow it: **on**.',
    );
    const change = await otherChange();
    await h.bot.frontChanges.publish(change);
    const member = h.discord.member(bob);
    expect(member.nick).toBe(expectedNick(change));
    expect(member.nick).toContain(memberName(sortedMembers(change.current!.members)[0]!));
    expect(member.roles).toContain(fronting.id);
  });

  it('changes the nickname and takes the role away when that member stops fronting', async () => {
    const { bob } = h.discord.users;
    const other = h.pk.state.systemByHid(h.pk.sample.other.systemId)!;
    const before = await otherChange();
    const mapped = sortedMembers(before.current!.members)[0]!;
    const rest = h.pk.state.membersOf(other).filter((m) => m.uuid !== mapped.uuid && m.privacy.visibility === 'public');
    h.pk.state.addSwitch(other, [rest[0]!.uuid]);
    const change = await otherChange();
    await h.bot.frontChanges.publish(change);
    expect(h.discord.member(bob).nick).toBe(expectedNick(change));
    expect(h.discord.member(bob).roles).not.toContain(fronting.id);
  });

  it("never changes the server owner's nickname, and says so", async () => {
    const { alice } = h.discord.users;
    expect((await run('me', { nickname: 'on' })).content).toMatch(
      /never lets a bot change the server owner’s nickname/,
    );
    await h.bot.frontChanges.publish(await readFrontChange(h, alice.id, h.pk.sample.own.token));
    expect(h.discord.member(alice).nick).toBeNull();
    const edits = h.discord.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/members/${alice.id}`));
    expect(edits).toEqual([]);
  });

  it('shows nothing of a private front list, and says so', async () => {
    const { carol } = h.discord.users;
    expect((await run('me', { nickname: 'on' }, carol)).content).toMatch(/front list is private/);
    const change = await readFrontChange(h, carol.id, h.pk.sample.frontPrivate.token);
    expect(change.frontIsPrivate).toBe(true);
    await h.bot.frontChanges.publish(change);
    expect(h.discord.member(carol).nick).toBeNull();
  });
});
