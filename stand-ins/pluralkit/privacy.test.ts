import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberSchema, SystemSchema } from '../../src/pluralkit/schemas.js';
import { startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call } from './test-client.js';

let pk: PluralKitStandIn;
beforeAll(async () => {
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
});
afterAll(async () => {
  await pk.close();
});

const MEMBER_KEYS = [
  'id',
  'uuid',
  'system',
  'name',
  'display_name',
  'color',
  'birthday',
  'pronouns',
  'avatar_url',
  'webhook_avatar_url',
  'banner',
  'description',
  'created',
  'keep_proxy',
  'tts',
  'autoproxy_enabled',
  'message_count',
  'last_message_timestamp',
  'proxy_tags',
  'privacy',
];
const forbidden = (code: number, message: string) => ({ status: 403, json: { message, code } });

describe('member privacy', () => {
  it('nulls private fields for others and keeps every key in order', async () => {
    const anon = await call(pk.url, `/members/${pk.sample.own.privateMemberId}`);
    expect(anon.status).toBe(200);
    expect(Object.keys(anon.json)).toEqual(MEMBER_KEYS);
    expect(anon.json).toMatchObject({
      avatar_url: null,
      created: null,
      message_count: null,
      proxy_tags: [],
      privacy: null,
      autoproxy_enabled: null,
    });
    expect(MemberSchema.safeParse(anon.json).success).toBe(true);

    const owner = await call(pk.url, `/members/${pk.sample.own.privateMemberId}`, { auth: pk.sample.own.token });
    expect(owner.json.avatar_url).toMatch(/^https:\/\//);
    expect(owner.json.proxy_tags).not.toEqual([]);
    expect(owner.json.privacy.visibility).toBe('private');
    expect(owner.json.autoproxy_enabled).toBe(true);
  });

  it('shows the display name as the name when name_privacy is private', async () => {
    const id = pk.sample.own.namePrivateMemberId;
    const anon = await call(pk.url, `/members/${id}`);
    expect(anon.json).toMatchObject({ name: 'Ro 🌿', display_name: null });
    const owner = await call(pk.url, `/members/${id}`, { auth: pk.sample.own.token });
    expect(owner.json).toMatchObject({ name: 'Rowan', display_name: 'Ro 🌿' });
  });

  it('leaves hidden members out of lists for others but returns them by id and in fronters', async () => {
    const { other } = pk.sample;
    const list = await call(pk.url, `/systems/${other.systemId}/members`);
    expect(list.json.map((m: { id: string }) => m.id)).toEqual(other.publicMemberIds);
    const ownList = await call(pk.url, `/systems/${other.systemId}/members`, { auth: other.token });
    expect(ownList.json).toHaveLength(other.memberIds.length);

    const byId = await call(pk.url, `/members/${other.privateMemberIds[0]}`);
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({ name: 'Deb', display_name: null, pronouns: null, created: null });

    const fronters = await call(pk.url, `/systems/${other.systemId}/fronters`);
    expect(fronters.json.members.map((m: { id: string }) => m.id)).toEqual([
      other.publicMemberIds[0],
      other.privateMemberIds[0],
    ]);
    expect(fronters.json.members[1]).toMatchObject({ name: 'Deb', privacy: null, system: other.systemId });
  });

  it('leaves hidden members out of group member lists for others', async () => {
    const group = await call(pk.url, `/groups/${pk.sample.other.groupIds[0]}/members`);
    expect(group.json.map((m: { id: string }) => m.id)).not.toContain(pk.sample.other.privateMemberIds[0]);
  });
});

describe('privacy-gated endpoints', () => {
  it('refuses private lists with their 403 codes', async () => {
    const locked = pk.sample.frontPrivate.systemId;
    const cases: Array<[string, number, string]> = [
      [`/systems/${locked}/members`, 30001, 'Unauthorized to view member list'],
      [`/systems/${locked}/groups`, 30002, 'Unauthorized to view group list'],
      [`/members/${pk.sample.frontPrivate.memberIds[0]}/groups`, 30002, 'Unauthorized to view group list'],
      [`/groups/${pk.sample.other.privateListGroupId}/members`, 30003, 'Unauthorized to view group member list'],
      [`/systems/${locked}/fronters`, 30004, 'Unauthorized to view current fronters.'],
      [`/systems/${locked}/switches`, 30005, 'Unauthorized to view front history.'],
    ];
    for (const [path, code, message] of cases) {
      const res = await call(pk.url, path, { auth: pk.sample.own.token });
      expect({ status: res.status, json: res.json }, path).toEqual(forbidden(code, message));
    }
  });

  it('lets the owner through the same endpoints', async () => {
    const { systemId, token } = pk.sample.frontPrivate;
    for (const path of ['members', 'groups', 'fronters', 'switches']) {
      const res = await call(pk.url, `/systems/${systemId}/${path}`, { auth: token });
      expect(res.status, path).toBe(200);
    }
  });

  it('hides a single switch of a private history as 20008', async () => {
    const { systemId, token } = pk.sample.frontPrivate;
    const [latest] = (await call(pk.url, `/systems/${systemId}/switches?limit=1`, { auth: token })).json;
    const res = await call(pk.url, `/systems/${systemId}/switches/${latest.id}`);
    expect(res.status).toBe(404);
    expect(res.json.code).toBe(20008);
  });

  it('nulls private system fields for others', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.frontPrivate.systemId}`);
    expect(res.json).toMatchObject({ name: 'Quiet Harbor', description: null, privacy: null });
    expect(SystemSchema.safeParse(res.json).success).toBe(true);
  });

  it('answers fronters with an empty 204 when there are no switches', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.noSwitches.systemId}/fronters`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });
});

describe('groups, settings and messages', () => {
  it('lists groups with member UUIDs, leaving out hidden groups, hidden members and private lists', async () => {
    const { other } = pk.sample;
    const res = await call(pk.url, `/systems/${other.systemId}/groups?with_members=true`);
    expect(res.json).toHaveLength(2);
    const [navigators, inner] = res.json;
    expect(navigators.members).toEqual([other.memberUuids[0], other.memberUuids[2]]);
    expect(inner.members).toEqual([]);
    const own = await call(pk.url, '/systems/@me/groups', { auth: pk.sample.own.token });
    expect(own.json.map((g: { id: string }) => g.id)).toContain(pk.sample.own.hiddenGroupId);
    expect(own.json[0]).not.toHaveProperty('members');
    const anon = await call(pk.url, `/systems/${pk.sample.own.systemId}/groups`);
    expect(anon.json.map((g: { id: string }) => g.id)).not.toContain(pk.sample.own.hiddenGroupId);
  });

  it('rejects a with_members value that is not a bool', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.other.systemId}/groups?with_members=yes`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: '400: Bad Request', code: 0 });
  });

  it('returns full settings to the owner and the public subset to others', async () => {
    const owner = await call(pk.url, '/systems/@me/settings', { auth: pk.sample.own.token });
    expect(owner.json).toMatchObject({ timezone: 'Europe/Berlin', member_limit: 1000, name_format: '{name} {tag}' });
    const other = await call(pk.url, `/systems/${pk.sample.own.systemId}/settings`);
    expect(other.status).toBe(200);
    expect(Object.keys(other.json)).toEqual([
      'pings_enabled',
      'latch_timeout',
      'case_sensitive_proxy_tags',
      'proxy_error_message_enabled',
      'hid_display_split',
      'hid_display_caps',
      'hid_list_padding',
      'proxy_switch',
      'name_format',
    ]);
  });

  it('shows a message with its system and a member without a system key', async () => {
    const [oldest, , , , newest] = pk.sample.own.messageIds;
    const old = await call(pk.url, `/messages/${oldest}`);
    expect(old.json).toMatchObject({ id: oldest, original: '', guild: null });
    expect(old.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(old.json.system.privacy).toBeNull();
    expect(old.json.member).not.toHaveProperty('system');
    const owner = await call(pk.url, `/messages/${newest}`, { auth: pk.sample.own.token });
    expect(owner.json.system.privacy).not.toBeNull();
    const byOriginal = await call(pk.url, `/messages/${owner.json.original}`);
    expect(byOriginal.json.id).toBe(newest);
  });
});
