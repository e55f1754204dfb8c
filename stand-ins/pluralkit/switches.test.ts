import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrontSwitchSchema, SwitchSchema } from '../../src/pluralkit/schemas.js';
import { generateLargeSystem, startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call, type CallOptions } from './test-client.js';

let pk: PluralKitStandIn;
beforeAll(async () => {
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
});
afterAll(async () => {
  await pk.close();
});

const badRequest = { message: '400: Bad Request', code: 0 };

describe('GET /switches', () => {
  it('pages back through the whole history with an exclusive `before`', async () => {
    const auth = pk.sample.own.token;
    const first = await call(pk.url, '/systems/@me/switches', { auth });
    expect(first.json).toHaveLength(100);
    expect(SwitchSchema.array().safeParse(first.json).success).toBe(true);
    const oldest = first.json[99].timestamp;
    const second = await call(pk.url, `/systems/@me/switches?before=${encodeURIComponent(oldest)}`, { auth });
    const all = [...first.json, ...second.json];
    expect(all).toHaveLength(pk.sample.own.switchCount);
    expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(all.length);
    const times = all.map((s: { timestamp: string }) => Date.parse(s.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('lists members as short ids, hidden ones included, and switch-outs as []', async () => {
    const res = await call(pk.url, `/systems/${pk.sample.own.systemId}/switches`);
    const members = res.json.flatMap((s: { members: string[] }) => s.members);
    expect(members).toContain(pk.sample.own.privateMemberId);
    expect(members.every((id: string) => pk.sample.own.memberIds.includes(id))).toBe(true);
    expect(res.json.some((s: { members: string[] }) => s.members.length === 0)).toBe(true);
    expect(res.json.some((s: { members: string[] }) => s.members.length > 1)).toBe(true);
  });

  it('caps limit at 100 and rejects bad paging parameters', async () => {
    const path = `/systems/${pk.sample.own.systemId}/switches`;
    expect((await call(pk.url, `${path}?limit=150`)).json).toHaveLength(100);
    expect((await call(pk.url, `${path}?limit=3`)).json).toHaveLength(3);
    for (const query of ['limit=abc', 'limit=1.5', 'before=2024-05-01T12:00:00', 'before=yesterday']) {
      const res = await call(pk.url, `${path}?${query}`);
      expect({ status: res.status, json: res.json }, query).toEqual({ status: 400, json: badRequest });
    }
    expect((await call(pk.url, `${path}?limit=-1`)).status).toBe(500);
  });
});

describe('switch writes', () => {
  const target = () => pk.sample.noSwitches;
  const write = (path: string, options: CallOptions) =>
    call(pk.url, `/systems/${target().systemId}/switches${path}`, { auth: target().token, ...options });

  it('logs a switch, answers with full members and shows it as the fronter', async () => {
    const [robin, sky] = target().memberIds;
    const res = await write('', { method: 'POST', body: { members: [robin, sky] } });
    expect(res.status).toBe(200);
    expect(FrontSwitchSchema.safeParse(res.json).success).toBe(true);
    expect(res.json.members.map((m: { id: string; system: string }) => [m.id, m.system])).toEqual([
      [robin, target().systemId],
      [sky, target().systemId],
    ]);
    const fronters = await call(pk.url, `/systems/${target().systemId}/fronters`);
    expect(fronters.json.id).toBe(res.json.id);
  });

  it('refuses the same members in the same order, but not in another order or at an earlier time', async () => {
    const [robin, sky] = target().memberIds;
    const same = await write('', { method: 'POST', body: { members: [robin, sky] } });
    expect(same.json).toEqual({ message: 'Member list identical to current fronter list.', code: 40004 });
    const earlier = await write('', {
      method: 'POST',
      body: { members: [robin, sky], timestamp: '2025-02-01T10:00:00Z' },
    });
    expect(earlier.status).toBe(200);
    const reordered = await write('', { method: 'POST', body: { members: [sky, robin] } });
    expect(reordered.status).toBe(200);
  });

  it('rejects duplicates, foreign or display-form refs, and a taken timestamp', async () => {
    const [robin] = target().memberIds;
    const display = robin!.toUpperCase();
    const foreign = pk.sample.own.memberIds[0]!;
    const cases: Array<[unknown, number, unknown]> = [
      [{ members: [robin, robin] }, 400, { message: 'Duplicate members in member list.', code: 40003 }],
      [{ members: [display] }, 404, { message: `Member '${display}' not found.`, code: 20003 }],
      [{ members: [foreign] }, 404, { message: `Member '${foreign}' not found.`, code: 20003 }],
      [
        { members: [], timestamp: '2025-02-01T10:00:00Z' },
        400,
        { message: 'Switch with provided timestamp already exists.', code: 40005 },
      ],
      [{ members: [], timestamp: '2025-02-01T10:00:00+00:00' }, 400, badRequest],
      [{ timestamp: '2025-02-01T11:00:00Z' }, 500, { message: '500: Internal Server Error', code: 0 }],
    ];
    for (const [body, status, json] of cases) {
      const res = await write('', { method: 'POST', body });
      expect({ status: res.status, json: res.json }, JSON.stringify(body)).toEqual({ status, json });
    }
  });

  it('needs a JSON content type and valid JSON', async () => {
    const plain = await write('', {
      method: 'POST',
      body: '{"members":[]}',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const broken = await write('', { method: 'POST', body: '{"members": [' });
    expect({ status: broken.status, json: broken.json }).toEqual({ status: 400, json: badRequest });
  });

  it('moves a switch, with 40001 for a missing timestamp and 40005 for a taken one', async () => {
    const [latest, previous] = (await write('?limit=2', {})).json;
    const missing = await write(`/${latest.id}`, { method: 'PATCH', body: {} });
    expect(missing.json).toEqual({
      message: 'Error parsing JSON model',
      code: 40001,
      errors: { timestamp: [{ message: "Key 'timestamp' is required." }] },
    });
    const taken = await write(`/${latest.id}`, { method: 'PATCH', body: { timestamp: previous.timestamp } });
    expect(taken.json.code).toBe(40005);
    const moved = await write(`/${latest.id}`, { method: 'PATCH', body: { timestamp: '2025-01-15T08:30:00.5Z' } });
    expect(moved.status).toBe(200);
    expect(moved.json.timestamp).toBe('2025-01-15T08:30:00.5Z');
  });

  it('edits switch members from a bare array', async () => {
    const [robin, sky] = target().memberIds;
    const [latest] = (await write('?limit=1', {})).json;
    const dup = await write(`/${latest.id}/members`, { method: 'PATCH', body: [robin, robin] });
    expect(dup.json.code).toBe(40003);
    // 40004 compares in order, and only the single-switch route gives the logged order.
    const logged = (await write(`/${latest.id}`, {})).json.members.map((m: { id: string }) => m.id);
    const same = await write(`/${latest.id}/members`, { method: 'PATCH', body: logged });
    expect(same.json.code).toBe(40004);
    const foreign = await write(`/${latest.id}/members`, { method: 'PATCH', body: [pk.sample.own.memberIds[0]] });
    expect(foreign.status).toBe(403);
    expect(foreign.json.code).toBe(30008);
    const edited = await write(`/${latest.id}/members`, { method: 'PATCH', body: [sky!.toUpperCase()] });
    expect(edited.status).toBe(200);
    expect(edited.json.members.map((m: { id: string }) => m.id)).toEqual([sky]);
  });

  it("refuses to touch another system's switch and other systems' writes", async () => {
    const [ownLatest] = (await call(pk.url, '/systems/@me/switches?limit=1', { auth: pk.sample.own.token })).json;
    for (const [method, suffix, body] of [
      ['PATCH', '', { timestamp: '2025-01-01T00:00:00Z' }],
      ['PATCH', '/members', []],
      ['DELETE', '', undefined],
    ] as const) {
      const res = await write(`/${ownLatest.id}${suffix}`, { method, body });
      expect(res.status, `${method}${suffix}`).toBe(404);
      expect(res.json.code, `${method}${suffix}`).toBe(20008);
    }
    const notOwner = await call(pk.url, `/systems/${pk.sample.own.systemId}/switches/${ownLatest.id}`, {
      method: 'DELETE',
      auth: target().token,
    });
    expect(notOwner.json).toEqual({ message: '403: Missing permissions to access this resource', code: 0 });
  });

  it('deletes a switch', async () => {
    const [latest] = (await write('?limit=1', {})).json;
    expect((await write(`/${latest.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await write(`/${latest.id}`, {});
    expect(gone.json).toEqual({ message: 'Switch not found.', code: 20007 });
  });
});

describe('generateLargeSystem', () => {
  it('adds a big system whose history pages like any other', async () => {
    const { token, systemId } = generateLargeSystem(pk.state, { members: 2000, switches: 10_000 });
    expect(systemId).toMatch(/^[abcefghjknoprstuvwxyz]{6}$/);
    const members = await call(pk.url, '/systems/@me/members', { auth: token });
    expect(members.json).toHaveLength(2000);
    const page = await call(pk.url, `/systems/${systemId}/switches?limit=100`, { auth: token });
    expect(page.json).toHaveLength(100);
    const older = await call(pk.url, `/systems/${systemId}/switches?before=${page.json[99].timestamp}`, {
      auth: token,
    });
    expect(Date.parse(older.json[0].timestamp)).toBeLessThan(Date.parse(page.json[99].timestamp));
    const fronters = await call(pk.url, `/systems/${systemId}/fronters`, { auth: token });
    expect(fronters.json.id).toBe(page.json[0].id);
  });
});
