/**
 * What `POST /interactions` lets through, against the real bot in `--role http` and Discord's stand-in: only a
 * request signed with the application's key, over exactly the body sent, recently, and of a bounded size.
 * Anything else is refused before the bot looks at it, so nobody can make it answer as if Discord had asked.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('POST /interactions refuses what Discord did not send', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await startHarness({ transport: 'http' });
    url = `http://127.0.0.1:${h.bot.interactionsPort}/interactions`;
  });
  afterAll(() => h.finish());

  const callbacks = (): number => h.discord.requests.filter((r) => r.route === 'interactionCallback').length;
  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, text: await response.text() };
  };
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);
  const command = (): string => JSON.stringify(h.discord.chatInput('help', {}));

  it('answers 401 to a body that is not the one signed, and runs nothing', async () => {
    const before = callbacks();
    const headers = h.discord.signer.headers(command(), nowSeconds());
    expect(await post(command(), headers)).toEqual({ status: 401, text: '{"message":"invalid request signature"}' });
    expect(callbacks()).toBe(before);
  });

  it('answers 401 to a request signed with another key, or not signed at all', async () => {
    const before = callbacks();
    const body = command();
    const timestamp = String(nowSeconds());
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
    const signed = { 'x-signature-ed25519': forged, 'x-signature-timestamp': timestamp };
    expect((await post(body, signed)).status).toBe(401);
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': timestamp })).status).toBe(401);
    expect(callbacks()).toBe(before);
  });

  it('refuses a correctly signed request whose timestamp is ten minutes old (a replay)', async () => {
    const before = callbacks();
    const body = command();
    const stale = await post(body, h.discord.signer.headers(body, nowSeconds() - 600));
    expect(stale).toEqual({ status: 401, text: '{"message":"stale request timestamp"}' });
    expect(callbacks()).toBe(before);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const body = JSON.stringify({ ...h.discord.chatInput('help', {}), padding: 'x'.repeat(1024 * 1024) });
    const response = await post(body, h.discord.signer.headers(body, nowSeconds()));
    expect(response.status).toBe(413);
  });

  it('answers a signed PING with PONG, and still answers real interactions after all of the above', async () => {
    const ping = JSON.stringify({ id: '1', application_id: h.discord.applicationId, type: 1, token: 't', version: 1 });
    expect(await post(ping, h.discord.signer.headers(ping, nowSeconds()))).toEqual({ status: 200, text: '{"type":1}' });
    const reply = await h.command('help').reply();
    expect(reply.embeds[0]?.description).toMatch(/^Link your PluralKit system with `\/link`/);
  });
});
