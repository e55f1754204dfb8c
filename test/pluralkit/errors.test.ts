import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  PluralKitAPIError,
  PluralKitError,
  PluralKitErrorCode,
  PluralKitHTTPError,
  PluralKitInputError,
  PluralKitNetworkError,
  PluralKitRateLimitError,
  PluralKitSchemaError,
  PluralKitTimeoutError,
  isPluralKitAPIError,
} from '../../src/pluralkit/index.js';
import { clientFor, onCleanup, rejectionOf, setup } from './helpers.js';

/** A tiny server answering every request with `answer`; for bodies the stand-in would never send. */
async function serve(
  answer: (path: string) => { status: number; body: string },
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, hits: () => hits };
}

/** Asserts no error text or field carries the token. */
function expectNoToken(error: unknown, token: string): void {
  const everything = JSON.stringify({
    ...(error as object),
    message: (error as Error).message,
    name: (error as Error).name,
    stack: (error as Error).stack,
  });
  expect(everything).not.toContain(token);
}

describe('PluralKit client errors', () => {
  it('mirrors PluralKit API errors with status, code, method and route, and never the token', async () => {
    const { pk, client } = await setup();
    const token = pk.sample.own.token;
    const missing = await rejectionOf(client.getSystem(pk.sample.unknownSystemId, { token }));
    expect(missing).toBeInstanceOf(PluralKitAPIError);
    expect(isPluralKitAPIError(missing, PluralKitErrorCode.SystemNotFound)).toBe(true);
    expect(missing).toMatchObject({
      status: 404,
      code: 20001,
      method: 'GET',
      route: `/systems/${pk.sample.unknownSystemId}`,
      name: 'PluralKitAPIError[20001]',
    });
    expect((missing as Error).message).toContain(`GET /systems/${pk.sample.unknownSystemId}`);
    expectNoToken(missing, token);

    const hidden = await rejectionOf(client.getFronters(pk.sample.frontPrivate.systemId));
    expect(isPluralKitAPIError(hidden, PluralKitErrorCode.FrontersPrivate)).toBe(true);
    expect(hidden).toMatchObject({ status: 403, name: 'PluralKitAPIError[30004]' });

    const front = await client.getFronters('@me', { token });
    const same = await rejectionOf(client.createSwitch('@me', { members: front!.members.map((m) => m.id) }, { token }));
    expect(same).toMatchObject({
      status: 400,
      code: PluralKitErrorCode.SameSwitchMembers,
      method: 'POST',
      route: '/systems/@me/switches',
    });
    expectNoToken(same, token);
  });

  it('retries 5xx on GETs, then reports a PluralKitHTTPError; writes are never retried on 5xx', async () => {
    const { pk, client } = await setup(undefined, { maxRetries: 2 });
    pk.failNext(3, 502);
    const error = await rejectionOf(client.getSystem(pk.sample.other.systemId));
    expect(error).toBeInstanceOf(PluralKitHTTPError);
    expect(error).toMatchObject({ status: 502, method: 'GET', name: 'PluralKitHTTPError' });
    expect(pk.stats.requests).toBe(3);

    pk.failNext(2, 503);
    expect((await client.getSystem(pk.sample.noSwitches.systemId)).id).toBe(pk.sample.noSwitches.systemId);

    pk.stats.reset();
    pk.failNext(1, 500);
    const own = pk.sample.own;
    const write = await rejectionOf(client.createSwitch('@me', { members: [own.memberIds[4]!] }, { token: own.token }));
    expect(write).toMatchObject({ status: 500, method: 'POST' });
    expect(pk.stats.requests).toBe(1);
  });

  it('times out against a slow server', async () => {
    const { pk, client } = await setup(undefined, { timeoutMs: 100 });
    pk.setLatency(1_000);
    const error = await rejectionOf(client.getSystem(pk.sample.other.systemId));
    expect(error).toBeInstanceOf(PluralKitTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, method: 'GET', route: `/systems/${pk.sample.other.systemId}` });
    pk.setLatency(0);
  });

  it('reports a network failure against a closed port, after retrying GETs', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const client = clientFor(`http://127.0.0.1:${port}/v2`, { maxRetries: 1 });
    const error = await rejectionOf(client.getSystem('abcde'));
    expect(error).toBeInstanceOf(PluralKitNetworkError);
    expect(error).toMatchObject({ method: 'GET', route: '/systems/abcde' });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(client.stats.upstreamRequests).toBe(2);
  });

  it('gives up on 429 after maxRetries with a PluralKitRateLimitError carrying retry-after and scope', async () => {
    const { pk, client } = await setup(undefined, { maxRetries: 2 });
    pk.failNext(3, 429, { retryAfterMs: 0 });
    const error = await rejectionOf(client.getSystem(pk.sample.other.systemId));
    expect(error).toBeInstanceOf(PluralKitRateLimitError);
    // retry_after 0 is never trusted: at least 100 ms.
    expect(error).toMatchObject({ status: 429, scope: 'generic_get', retryAfterMs: 100, retries: 2 });
    expect(pk.stats.rateLimited).toBe(3);
    expect(client.stats.retries429).toBe(2);
  });

  it('rejects a body that fails its schema with a PluralKitSchemaError, not an HTTP error', async () => {
    const system = { id: 'abcde', uuid: 'not-a-uuid', name: 5, extra: 'tolerated' };
    const server = await serve((path) =>
      path.endsWith('/members')
        ? { status: 200, body: '<html>oops</html>' }
        : { status: 200, body: JSON.stringify(system) },
    );
    const client = clientFor(server.url);
    const error = await rejectionOf(client.getSystem('abcde'));
    expect(error).toBeInstanceOf(PluralKitSchemaError);
    expect(error).not.toBeInstanceOf(PluralKitHTTPError);
    expect((error as PluralKitSchemaError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['uuid', 'name']));
    expect((error as Error).message).toContain('System');
    expect(await rejectionOf(client.getMembers('abcde'))).toBeInstanceOf(PluralKitSchemaError);
    expect(server.hits()).toBe(2);
  });

  it('rejects bad input before sending anything, naming the argument and never echoing it', async () => {
    const { pk, client } = await setup();
    const token = pk.sample.own.token;
    const o = { token };
    const switchId = '8f0e5f2c-1c1e-4d4b-9a51-3c1f3e0a9b10';
    const bad: [Promise<unknown>, string][] = [
      [client.getSystem('abc'), 'systemRef'],
      [client.getSystem('abcdefg'), 'systemRef'],
      [client.getSystem(token), 'systemRef'],
      [client.getSystem('x'.repeat(101)), 'systemRef'],
      [client.getMember('12345678901234567'), 'memberRef'],
      [client.getGroup('ab-c'), 'groupRef'],
      [client.getSwitch('@me', 'abcde', o), 'switchId'],
      [client.getMessage('12ab'), 'messageId'],
      [client.getSwitches('@me', { limit: 0 }, o), 'limit'],
      [client.getSwitches('@me', { limit: 101 }, o), 'limit'],
      [client.getSwitches('@me', { before: new Date('nope') }, o), 'before'],
      [client.createSwitch('@me', { members: Array.from({ length: 151 }, () => 'abcde') }, o), 'members'],
      [client.createSwitch('@me', { members: ['abcde', ''] }, o), 'members[1]'],
      [client.editSwitchTime('@me', switchId, new Date(Number.NaN), o), 'timestamp'],
      [client.getSystem('@me', { token: 'not a token' }), 'token'],
    ];
    for (const [call, argument] of bad) {
      const error = await rejectionOf(call);
      expect(error instanceof PluralKitInputError, argument).toBe(true);
      expect(error instanceof PluralKitError).toBe(true);
      expect((error as PluralKitInputError).argument).toBe(argument);
      expect((error as Error).message).toMatch(/^Invalid .+: expected .+/);
      expectNoToken(error, token);
    }
    expect(() => client.iterateSwitches('@me', { until: new Date('x') }, o)).toThrow(PluralKitInputError);
    expect(pk.stats.requests).toBe(0);
    expect(client.stats.upstreamRequests).toBe(0);
  });
});
