import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './dispatch-url.js';
import { DispatchUserAgent, startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call } from './test-client.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A receiver that answers each POST with `answer(body)` and keeps what it got. */
async function receiver(
  answer: (body: Record<string, unknown>) => number,
): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      got.push({ headers: req.headers, body });
      const status = answer(body);
      res.writeHead(status, status === 302 ? { location: `http://127.0.0.1:${port}/elsewhere` } : {}).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, got, server };
}

let pk: PluralKitStandIn;
const servers: Server[] = [];
beforeEach(async () => {
  pk = await startPluralKitStandIn({ rateLimit: { mode: 'off' }, dispatch: { allowLoopbackHttp: true } });
});
afterEach(async () => {
  await pk.close();
  for (const server of servers.splice(0)) server.close();
});

/** A webhook that knows `token` once set: 200 for it, 401 for anything else. */
async function setUp(): Promise<{ got: Received[]; token: string }> {
  let token = '';
  const hook = await receiver((body) => (body.signing_token === token ? 200 : 401));
  servers.push(hook.server);
  const setup = await pk.beginWebhookSetup(pk.sample.own.systemUuid, hook.url);
  token = setup.signingToken;
  expect(await setup.confirm()).toEqual({ saved: true, realStatus: 200, wrongStatus: 401 });
  hook.got.length = 0;
  return { got: hook.got, token };
}

describe('the URL rules of pk;system webhook', () => {
  it('refuses http, private and loopback addresses and Discord webhooks, as production does', async () => {
    await expect(checkWebhookUrl('http://93.184.215.14/x')).rejects.toThrow(/https/);
    await expect(checkWebhookUrl('http://127.0.0.1:8080/x')).rejects.toThrow(/https/);
    await expect(checkWebhookUrl('https://127.0.0.1/x')).rejects.toThrow(/public IPv4/);
    await expect(checkWebhookUrl('https://10.1.2.3/x')).rejects.toThrow(/public IPv4/);
    await expect(checkWebhookUrl('https://192.168.0.9/x')).rejects.toThrow(/public IPv4/);
    await expect(checkWebhookUrl('https://discord.com/api/webhooks/1/abc')).rejects.toThrow(/Discord webhooks/);
    await expect(checkWebhookUrl('not a url')).rejects.toThrow(/Invalid URL/);
    await expect(checkWebhookUrl('https://93.184.215.14/x')).resolves.toBeInstanceOf(URL);
  });

  it('allows http on loopback only with the stand-in option', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', { allowLoopbackHttp: true })).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://10.0.0.1:9/x', { allowLoopbackHttp: true })).rejects.toThrow(/https/);
  });
});

describe('setup: two PINGs, saved only on 200 then 401', () => {
  it('sends a PING with the real token and one with a random one, with only type, signing_token and system_id', async () => {
    let token = '';
    const hook = await receiver((body) => (body.signing_token === token ? 200 : 401));
    servers.push(hook.server);
    const setup = await pk.beginWebhookSetup(pk.sample.own.systemUuid, hook.url);
    token = setup.signingToken;
    expect(token).toHaveLength(64);
    await setup.confirm();
    expect(hook.got.map((r) => Object.keys(r.body).sort())).toEqual([
      ['signing_token', 'system_id', 'type'],
      ['signing_token', 'system_id', 'type'],
    ]);
    expect(hook.got[0]?.body).toEqual({ type: 'PING', signing_token: token, system_id: pk.sample.own.systemUuid });
    expect(hook.got[1]?.body.signing_token).not.toBe(token);
    expect(hook.got[0]?.headers['user-agent']).toBe(DispatchUserAgent);
    expect(hook.got[0]?.headers['content-type']).toBe('application/json');
    expect(pk.dispatch.urlOf(pk.sample.own.systemUuid)).toBe(hook.url);
  });

  it('does not save a URL that accepts any token, or answers 204 instead of 200', async () => {
    for (const status of [200, 204]) {
      const hook = await receiver(() => status);
      servers.push(hook.server);
      const setup = await pk.beginWebhookSetup(pk.sample.own.systemUuid, hook.url);
      expect((await setup.confirm()).saved).toBe(false);
    }
    expect(pk.dispatch.urlOf(pk.sample.own.systemUuid)).toBeUndefined();
  });

  it('makes a new token each time, and a cleared webhook gets nothing', async () => {
    const first = await setUp();
    const second = await setUp();
    expect(second.token).not.toBe(first.token);
    pk.dispatch.clear(pk.sample.own.systemUuid);
    await call(pk.url, '/systems/@me/switches', {
      method: 'POST',
      auth: pk.sample.own.token,
      body: { members: [pk.sample.own.memberIds[3]] },
    });
    await pk.dispatch.idle();
    expect(second.got).toEqual([]);
  });
});

describe('events of API writes', () => {
  it('a switch logged, moved, edited and deleted sends CREATE, UPDATE, UPDATE and DELETE_SWITCH', async () => {
    const { got, token } = await setUp();
    const own = pk.sample.own;
    const auth = own.token;
    const created = await call(pk.url, '/systems/@me/switches', {
      method: 'POST',
      auth,
      body: { members: [own.memberIds[2]] },
    });
    const id = created.json.id as string;
    await call(pk.url, `/systems/@me/switches/${id}`, {
      method: 'PATCH',
      auth,
      body: { timestamp: '2030-01-01T00:00:00Z' },
    });
    await call(pk.url, `/systems/@me/switches/${id}/members`, { method: 'PATCH', auth, body: [own.memberIds[1]] });
    await call(pk.url, `/systems/@me/switches/${id}`, { method: 'DELETE', auth });
    await pk.dispatch.idle();
    const base = { signing_token: token, system_id: own.systemUuid, id };
    expect(got.map((r) => r.body)).toEqual([
      {
        ...base,
        type: 'CREATE_SWITCH',
        data: { id, timestamp: created.json.timestamp, members: [own.memberUuids[2]] },
      },
      { ...base, type: 'UPDATE_SWITCH', data: { timestamp: '2030-01-01T00:00:00Z' } },
      { ...base, type: 'UPDATE_SWITCH', data: { members: [own.memberUuids[1]] } },
      { ...base, type: 'DELETE_SWITCH', data: null },
    ]);
  });

  it('a switch logged with a time sends CREATE_SWITCH at the insert time, then UPDATE_SWITCH with the time', async () => {
    const { got } = await setUp();
    const own = pk.sample.own;
    const body = { members: [own.memberIds[2]], timestamp: '2030-02-01T00:00:00Z' };
    await call(pk.url, '/systems/@me/switches', { method: 'POST', auth: own.token, body });
    await pk.dispatch.idle();
    expect(got.map((r) => r.body.type)).toEqual(['CREATE_SWITCH', 'UPDATE_SWITCH']);
    expect((got[0]?.body.data as { timestamp: string }).timestamp).not.toBe('2030-02-01T00:00:00Z');
    expect(got[1]?.body.data).toEqual({ timestamp: '2030-02-01T00:00:00Z' });
  });

  it('pk;switch delete all sends DELETE_ALL_SWITCHES with id and data null', async () => {
    const { got } = await setUp();
    pk.deleteAllSwitches(pk.state.systems.get(pk.sample.own.systemUuid)!);
    await pk.dispatch.idle();
    expect(got.map((r) => [r.body.type, r.body.id, r.body.data])).toEqual([['DELETE_ALL_SWITCHES', null, null]]);
  });
});

describe('delivery: one attempt, no redirect, only 200 counts', () => {
  it('a 500 or a redirect is one attempt, recorded as failed', async () => {
    let token = '';
    let answer = 200;
    const hook = await receiver((body) => (body.type === 'PING' ? (body.signing_token === token ? 200 : 401) : answer));
    servers.push(hook.server);
    const setup = await pk.beginWebhookSetup(pk.sample.own.systemUuid, hook.url);
    token = setup.signingToken;
    await setup.confirm();
    const own = pk.sample.own;
    for (const [status, member] of [
      [500, 1],
      [302, 2],
    ] as const) {
      answer = status;
      hook.got.length = 0;
      await call(pk.url, '/systems/@me/switches', {
        method: 'POST',
        auth: own.token,
        body: { members: [own.memberIds[member]] },
      });
      await pk.dispatch.idle();
      expect(hook.got.map((r) => r.body.type)).toEqual(['CREATE_SWITCH']);
      expect(pk.dispatch.deliveries.at(-1)).toMatchObject({ type: 'CREATE_SWITCH', status, ok: false });
    }
  });

  it('an endpoint that does not answer is given up after the timeout, once', async () => {
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    servers.push(silent);
    const slow = await startPluralKitStandIn({ dispatch: { allowLoopbackHttp: true, timeoutMs: 200 } });
    try {
      const setup = await slow.beginWebhookSetup(
        slow.sample.own.systemUuid,
        `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
      );
      expect(await setup.confirm()).toEqual({ saved: false, realStatus: 0, wrongStatus: 0 });
      silent.closeAllConnections();
    } finally {
      await slow.close();
    }
  });
});
