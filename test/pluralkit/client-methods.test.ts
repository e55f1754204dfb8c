import { describe, expect, it } from 'vitest';
import type { Switch } from '../../src/pluralkit/index.js';
import { setup } from './helpers.js';

describe('PluralKitClient against the stand-in', () => {
  it('reads the own system with a token, and others by id, uuid, any-case dashed id and Discord id', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const me = await client.getOwnSystem(own.token);
    expect(me.id).toBe(own.systemId);
    expect(me.uuid).toBe(own.systemUuid);
    expect(me.privacy).not.toBeNull();

    const other = pk.sample.other;
    const dashed = `${other.systemId.slice(0, 3)}-${other.systemId.slice(3)}`.toUpperCase();
    for (const ref of [other.systemId, other.systemUuid, dashed, other.discordUserId]) {
      const system = await client.getSystem(ref);
      expect(system.id).toBe(other.systemId);
      expect(system.privacy).toBeNull();
    }
  });

  it('reads settings, members (hidden ones only for the owner), a member, groups and group members', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    expect((await client.getSystemSettings('@me', { token: own.token })).timezone).toEqual(expect.any(String));

    const ownMembers = await client.getMembers('@me', { token: own.token });
    expect(ownMembers.map((m) => m.id)).toEqual(expect.arrayContaining([own.privateMemberId]));
    const publicMembers = await client.getMembers(own.systemId);
    expect(publicMembers.map((m) => m.id)).not.toContain(own.privateMemberId);

    const member = await client.getMember(own.memberIds[0]!.toUpperCase());
    expect(member.id).toBe(own.memberIds[0]);
    expect(member.system).toBe(own.systemId);

    const groups = await client.getGroups('@me', { withMembers: true }, { token: own.token });
    expect(groups.map((g) => g.id).sort()).toEqual([...own.groupIds].sort());
    expect(groups.some((g) => (g.members ?? []).length > 0)).toBe(true);
    const group = await client.getGroup(own.groupIds[0]!);
    expect(group.id).toBe(own.groupIds[0]);
    const groupMembers = await client.getGroupMembers(own.groupIds[0]!, { token: own.token });
    expect(groupMembers.every((m) => m.system === own.systemId)).toBe(true);
  });

  it('reads fronters (null when a system has no switches), switch pages, one switch, and a message', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const front = await client.getFronters('@me', { token: own.token });
    expect(front?.members.length).toBeGreaterThan(0);
    expect(await client.getFronters(pk.sample.noSwitches.systemId)).toBeNull();

    const page = await client.getSwitches('@me', { limit: 5 }, { token: own.token });
    expect(page).toHaveLength(5);
    const older = await client.getSwitches(
      '@me',
      { before: new Date(page[4]!.timestamp), limit: 5 },
      { token: own.token },
    );
    expect(Date.parse(older[0]!.timestamp)).toBeLessThan(Date.parse(page[4]!.timestamp));

    const one = await client.getSwitch('@me', page[0]!.id, { token: own.token });
    expect(one.id).toBe(page[0]!.id);
    expect(one.members.map((m) => m.id).sort()).toEqual([...page[0]!.members].sort());

    const message = await client.getMessage(own.messageIds.at(-1)!);
    expect(message.id).toBe(own.messageIds.at(-1));
  });

  it('iterates every switch newest first across pages, and stops at `until`', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const all: Switch[] = [];
    for await (const entry of client.iterateSwitches('@me', {}, { token: own.token })) all.push(entry);
    expect(all).toHaveLength(own.switchCount);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    const times = all.map((s) => Date.parse(s.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(pk.requests.filter((r) => r.path.includes('/switches')).length).toBe(Math.ceil((own.switchCount + 1) / 100));

    const until = new Date(all[9]!.timestamp);
    const recent: Switch[] = [];
    for await (const entry of client.iterateSwitches('@me', { until }, { token: own.token })) recent.push(entry);
    expect(recent.map((s) => s.id)).toEqual(all.slice(0, 10).map((s) => s.id));
  });

  it('creates, moves, re-members and deletes a switch', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const o = { token: own.token };
    const members = [own.memberIds[1]!, own.memberIds[2]!];
    const created = await client.createSwitch('@me', { members }, o);
    expect(created.members.map((m) => m.id)).toEqual(members);
    expect((await client.getFronters('@me', o))?.id).toBe(created.id);

    const when = new Date(Date.now() - 60_000);
    const moved = await client.editSwitchTime('@me', created.id, when, o);
    expect(Date.parse(moved.timestamp)).toBe(when.getTime());

    const renamed = await client.editSwitchMembers('@me', created.id, [own.memberIds[3]!.toUpperCase()], o);
    expect(renamed.members.map((m) => m.id)).toEqual([own.memberIds[3]]);

    await client.deleteSwitch('@me', created.id, o);
    expect((await client.getFronters('@me', o))?.id).not.toBe(created.id);
  });
});
