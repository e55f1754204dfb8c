import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call } from './test-client.js';

const UNAUTHORIZED = '{"message":"401: Missing or invalid Authorization header","code": 0}';

describe("pkapi: keys as production PluralKit's main treats them (the default)", () => {
  let pk: PluralKitStandIn;
  beforeAll(async () => {
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
  });
  afterAll(() => pk.close());

  it('treats Bearer pkapi: as anonymous: 401 on @me, the public view elsewhere, 403 on writes', async () => {
    const auth = `Bearer ${pk.sample.own.apiKey}`;
    const me = await call(pk.url, '/systems/@me', { auth });
    expect(me.status).toBe(401);
    expect(me.text).toBe(UNAUTHORIZED);
    const byId = await call(pk.url, `/systems/${pk.sample.own.systemId}`, { auth });
    expect(byId.json.privacy).toBeNull();
    const settings = await call(pk.url, `/systems/${pk.sample.own.systemId}/settings`, { auth });
    expect(settings.json).not.toHaveProperty('timezone');
    const write = await call(pk.url, `/systems/${pk.sample.own.systemId}/switches`, {
      method: 'POST',
      auth,
      body: { members: [] },
    });
    expect(write.status).toBe(403);
    expect(pk.requests.at(-1)).toMatchObject({ authorization: 'bearer', authenticated: false });
  });
});

describe('pkapi: keys as the unmerged key branch treats them (apiKeys: branch)', () => {
  let pk: PluralKitStandIn;
  let readOnly: string;
  let membersOnly: string;
  beforeAll(async () => {
    pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' }, apiKeys: 'branch' });
    const system = pk.state.systemByHid(pk.sample.own.systemId)!;
    readOnly = pk.state.issueApiKey(system, ['read:all']);
    membersOnly = pk.state.issueApiKey(system, ['read:members']);
  });
  afterAll(() => pk.close());

  it('gives a write:all key the owner view and lets it write', async () => {
    const auth = `Bearer ${pk.sample.own.apiKey}`;
    const me = await call(pk.url, '/systems/@me', { auth });
    expect(me.status).toBe(200);
    expect(me.json.privacy).not.toBeNull();
    const write = await call(pk.url, '/systems/@me/switches', { method: 'POST', auth, body: { members: [] } });
    expect(write.status).toBe(200);
  });

  it('serves the public view for a read the scopes do not cover', async () => {
    const auth = `Bearer ${membersOnly}`;
    const me = await call(pk.url, '/systems/@me', { auth });
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(pk.sample.own.systemId);
    expect(me.json.privacy).toBeNull();
    const settings = await call(pk.url, '/systems/@me/settings', { auth });
    expect(settings.status).toBe(200);
    expect(settings.json).not.toHaveProperty('timezone');
    const members = await call(pk.url, '/systems/@me/members', { auth });
    expect(members.json.some((member: { privacy: unknown }) => member.privacy !== null)).toBe(true);
  });

  it('answers a write outside the scopes with 403 code 0', async () => {
    const write = await call(pk.url, '/systems/@me/switches', {
      method: 'POST',
      auth: `Bearer ${readOnly}`,
      body: { members: [] },
    });
    expect(write.status).toBe(403);
    expect(write.json).toEqual({ message: '403: Missing permissions to access this resource', code: 0 });
    const read = await call(pk.url, '/systems/@me/settings', { auth: `Bearer ${readOnly}` });
    expect(read.json.timezone).toBe('Europe/Berlin');
  });

  it('still needs Bearer for a key', async () => {
    const bare = await call(pk.url, '/systems/@me', { auth: pk.sample.own.apiKey });
    expect(bare.status).toBe(401);
  });
});
