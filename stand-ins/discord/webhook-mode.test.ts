import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify, createPublicKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from './index.js';

/** A stand-in "bot" endpoint whose answer each test scripts, with the requests it got. */
async function fakeEndpoint(
  answer: (body: Record<string, string>, req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on(
      'end',
      () =>
        void Promise.resolve(answer(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string>, req, res)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`,
    close: () => server.close(),
  };
}

describe('the Discord stand-in in HTTP mode', () => {
  let discord: DiscordStandIn;
  let endpoint: { url: string; close(): void };
  afterEach(async () => {
    endpoint.close();
    await discord.close();
  });
  const start = async (answer: Parameters<typeof fakeEndpoint>[0]) => {
    discord = await startDiscordStandIn();
    endpoint = await fakeEndpoint(answer);
    discord.setInteractionsEndpoint(endpoint.url);
  };
  const callback = (body: Record<string, string>, type: number, data: object = { content: 'hi' }) =>
    fetch(`${discord.apiBase}/v10/interactions/${body['id']}/${body['token']}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, data }),
    });

  it('signs each interaction with the key it publishes: Ed25519 over timestamp + body', async () => {
    let checked = false;
    await start(async (body, req, res) => {
      const raw = Buffer.from(JSON.stringify(body));
      const der = Buffer.concat([
        Buffer.from('302a300506032b6570032100', 'hex'),
        Buffer.from(discord.signer.publicKey, 'hex'),
      ]);
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      const timestamp = String(req.headers['x-signature-timestamp']);
      const signature = Buffer.from(String(req.headers['x-signature-ed25519']), 'hex');
      checked = verify(null, Buffer.concat([Buffer.from(timestamp), raw]), key, signature);
      await callback(body, 4);
      res.writeHead(202).end();
    });
    const handle = discord.dispatchInteraction(discord.chatInput('help', {}));
    await handle.sent;
    expect(checked).toBe(true);
    expect((await handle.reply()).content).toBe('hi');
    expect(discord.refusedWebhookAnswers).toEqual([]);
    expect(discord.gateway.identifyCount).toBe(0);
  });

  it('takes a first response in the HTTP answer, under the same rules as the callback', async () => {
    await start((_body, _req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ type: 4, data: { content: 'inline' } }));
    });
    const handle = discord.dispatchInteraction(discord.chatInput('help', {}));
    expect((await handle.reply()).content).toBe('inline');
    expect(discord.refusedWebhookAnswers).toEqual([]);
  });

  it('refuses an inline answer of a type the interaction cannot take, as it would a callback', async () => {
    await start((_body, _req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ type: 8, data: { choices: [] } }));
    });
    const handle = discord.dispatchInteraction(discord.chatInput('help', {}));
    await handle.sent;
    expect(handle.record.responses).toEqual([]);
    expect(handle.record.problems.join('\n')).toMatch(/callback type 8 is not valid|50035/);
  });

  it('refuses a 202 with no callback before it, a second first response, and an error status', async () => {
    const answers = [
      (_b: Record<string, string>, res: ServerResponse) => void res.writeHead(202).end(),
      async (b: Record<string, string>, res: ServerResponse) => {
        await callback(b, 4);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ type: 4, data: { content: 'x' } }));
      },
      (_b: Record<string, string>, res: ServerResponse) => void res.writeHead(500).end(),
    ];
    let next = 0;
    await start((body, _req, res) => answers[next++]!(body, res));
    for (let i = 0; i < answers.length; i++) await discord.dispatchInteraction(discord.chatInput('help', {})).sent;
    expect(discord.refusedWebhookAnswers.map((note) => note.replace(/^.*refused: /, ''))).toEqual([
      '202 but no callback was accepted before it',
      'a first response in the HTTP answer after a callback (twice)',
      'HTTP 500',
    ]);
  });
});
