import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call, rawCall, TEST_USER_AGENT } from './test-client.js';

let pk: PluralKitStandIn;
beforeAll(async () => {
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
});
afterAll(async () => {
  await pk.close();
});

const UNAUTHORIZED = '{"message":"401: Missing or invalid Authorization header","code": 0}';

describe('authentication', () => {
  it('accepts the raw legacy token and shows the owner view', async () => {
    const res = await call(pk.url, '/systems/@me', { auth: pk.sample.own.token });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(pk.sample.own.systemId);
    expect(res.json.privacy).not.toBeNull();
    expect(Object.keys(res.json)).toEqual([
      'id',
      'uuid',
      'name',
      'description',
      'tag',
      'pronouns',
      'avatar_url',
      'banner',
      'color',
      'created',
      'webhook_url',
      'privacy',
    ]);
    expect(pk.sample.own.token).toMatch(/^[A-Za-z0-9+/]{64}$/);
  });

  it('treats Bearer <legacy token> as anonymous: 401 on @me, public view elsewhere', async () => {
    const me = await call(pk.url, '/systems/@me', { auth: `Bearer ${pk.sample.own.token}` });
    expect(me.status).toBe(401);
    expect(me.text).toBe(UNAUTHORIZED);
    const byId = await call(pk.url, `/systems/${pk.sample.own.systemId}`, { auth: `Bearer ${pk.sample.own.token}` });
    expect(byId.status).toBe(200);
    expect(byId.json.privacy).toBeNull();
    expect(byId.json).not.toHaveProperty('webhook_url');
  });

  it('answers @me without a token with the exact 401 body', async () => {
    const res = await call(pk.url, '/systems/@me/fronters');
    expect(res.status).toBe(401);
    expect(res.text).toBe(UNAUTHORIZED);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('answers writes to another system with the exact 403 body', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.other.systemId}/switches`, {
      method: 'POST',
      auth: pk.sample.own.token,
      body: { members: [] },
    });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ message: '403: Missing permissions to access this resource', code: 0 });
  });

  it('records how credentials were sent, never the token', async () => {
    pk.stats.reset();
    await call(pk.url, '/systems/@me', { auth: pk.sample.own.token });
    await call(pk.url, '/systems/@me', { auth: `Bearer ${pk.sample.own.token}` });
    await call(pk.url, `/systems/${pk.sample.own.systemId}`);
    expect(pk.requests.map((r) => [r.authorization, r.authenticated, r.status, r.userAgent])).toEqual([
      ['legacy', true, 200, true],
      ['bearer', false, 401, true],
      ['none', false, 200, true],
    ]);
    expect(JSON.stringify(pk.requests)).not.toContain(pk.sample.own.token);
    expect(pk.requests[0]?.userAgentValue).toBe(TEST_USER_AGENT);
  });
});

describe('gateway rejections', () => {
  it('answers a missing User-Agent with an empty 400 (an empty one gets through)', async () => {
    const missing = await rawCall(`${pk.url}/systems/${pk.sample.own.systemId}`);
    expect(missing.status).toBe(400);
    expect(missing.text).toBe('');
    const empty = await rawCall(`${pk.url}/systems/${pk.sample.own.systemId}`, { 'User-Agent': '' });
    expect(empty.status).toBe(200);
  });

  it('resolves ids before the UA check: unknown system is 404 even without a UA', async () => {
    const res = await rawCall(`${pk.url}/systems/${pk.sample.unknownSystemId}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toEqual({ message: 'System not found.', code: 20001 });
  });

  it('answers unknown routes and trailing slashes with an empty 404', async () => {
    for (const path of ['/systems/@me/', '/nope', `/systems/${pk.sample.own.systemId}/frontersx`]) {
      const res = await call(pk.url, path, { auth: pk.sample.own.token });
      expect(res.status, path).toBe(404);
      expect(res.text, path).toBe('');
    }
  });

  it('answers /v1 with 410 and v1-style paths under /v2 with 400', async () => {
    const base = pk.url.replace(/\/v2$/, '');
    const v1 = await call(base, '/v1/s/abcde');
    expect(v1.status).toBe(410);
    expect(v1.json).toEqual({ message: 'Unsupported API version', code: 0 });
    const v1OnV2 = await call(pk.url, '/s/abcde');
    expect(v1OnV2.status).toBe(400);
    expect(v1OnV2.json).toEqual({ message: 'Invalid path for API version', code: 0 });
  });

  it('answers OPTIONS with 200 and CORS headers before anything else', async () => {
    const res = await rawCall(`${pk.url}/systems/@me`, {}, 'OPTIONS');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('gives each unknown entity its own 404 code', async () => {
    const own = pk.sample.own.systemId;
    const cases: Array<[string, number, string]> = [
      ['/members/zzzzzz', 20002, 'Member not found.'],
      ['/members/zzzzzz/groups', 20002, 'Member not found.'],
      ['/groups/zzzzzz', 20004, 'Group not found.'],
      [`/systems/${own}/switches/00000000-0000-4000-8000-000000000000`, 20007, 'Switch not found.'],
      ['/messages/123456789012345678', 20006, 'Message not found.'],
    ];
    for (const [path, code, message] of cases) {
      const res = await call(pk.url, path);
      expect(res.status, path).toBe(404);
      expect(res.json, path).toEqual({ message, code });
    }
  });

  it('answers a non-UUID switch id with the 500 body', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.own.systemId}/switches/not-a-uuid`, {
      auth: pk.sample.own.token,
    });
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"message":"500: Internal Server Error","code":0}');
  });

  it('answers a non-numeric message id with 400/0', async () => {
    const res = await call(pk.url, '/messages/abc');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: '400: Bad Request', code: 0 });
  });
});

describe('reference forms', () => {
  it('finds a system by short id in any case and with a dash, by UUID and by Discord user id', async () => {
    const { systemId, systemUuid, discordUserId } = pk.sample.other;
    const dashed = `${systemId.slice(0, 3)}-${systemId.slice(3)}`.toUpperCase();
    for (const ref of [systemId, systemId.toUpperCase(), dashed, systemUuid, systemUuid.toUpperCase(), discordUserId]) {
      const res = await call(pk.url, `/systems/${ref}`);
      expect(res.status, ref).toBe(200);
      expect(res.json.id, ref).toBe(systemId);
    }
  });

  it('finds a member by 5- and 6-letter short ids in display forms and by UUID', async () => {
    const [legacy, , modern] = pk.sample.own.memberIds;
    expect(legacy).toMatch(/^[a-z]{5}$/);
    expect(modern).toMatch(/^[abcefghjknoprstuvwxyz]{6}$/);
    for (const ref of [
      legacy!,
      legacy!.toUpperCase(),
      modern!,
      `${modern!.slice(0, 3)}-${modern!.slice(3)}`.toUpperCase(),
      pk.sample.own.memberUuids[2]!,
    ]) {
      const res = await call(pk.url, `/members/${ref}`);
      expect(res.status, ref).toBe(200);
    }
  });

  it('does not accept a Discord user id that no system is linked to', async () => {
    const res = await call(pk.url, '/systems/123456789012345678');
    expect(res.json).toEqual({ message: 'System not found.', code: 20001 });
  });
});
