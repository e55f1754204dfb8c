import { generateKeyPairSync, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { InteractionRecord } from './interaction-state.js';

/** Discord's half of interaction webhooks: an Ed25519 key pair, like an application's, made fresh per stand-in. */
export interface WebhookSigner {
  /** The public key as the Developer Portal shows it (64 hex characters): the bot's `DISCORD_PUBLIC_KEY`. */
  readonly publicKey: string;
  /** The two headers Discord signs a webhook with: Ed25519 over `timestamp + body`. */
  headers(body: string, timestampSeconds: number): Record<string, string>;
}

/** A fresh test key pair. */
export function createWebhookSigner(): WebhookSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey: raw.toString('hex'),
    headers: (body, timestampSeconds) => {
      const timestamp = String(timestampSeconds);
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
    },
  };
}

/** The application's Interactions Endpoint URL as Discord sees it: where interactions go, signed, when set. */
export class WebhookEndpoint {
  /** The endpoint URL; null: interactions go over the gateway. */
  url: string | null = null;
  readonly signer = createWebhookSigner();
  /** Webhook answers Discord would refuse. */
  readonly refused: string[] = [];

  constructor(private readonly now: () => number) {}

  /** POSTs `record`'s interaction to the endpoint; an inline answer is replayed on `apiBase`'s callback route. */
  async deliver(record: InteractionRecord, apiBase: string): Promise<void> {
    const { payload } = record;
    const inlineCallback = async (body: unknown): Promise<void> => {
      await fetch(`${apiBase}/interactions/${payload.id}/${payload.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    const delivery = { url: this.url ?? '', signer: this.signer, now: this.now, refused: this.refused, inlineCallback };
    await postInteraction(delivery, record).catch((error: unknown) => {
      record.problems.push(`webhook POST failed: ${String(error)}`);
    });
  }
}

/** Keeps connections to the bot open between interactions, as Discord's own delivery would. */
const keepAlive = new Agent({ keepAlive: true });

/** One POST with plain `node:http` (lighter than `fetch`, so a burst measures the bot rather than the sender). */
function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface WebhookDelivery {
  url: string;
  signer: WebhookSigner;
  now(): number;
  /** Replays an inline (HTTP-answer) first response through the stand-in's own callback route and its rules. */
  inlineCallback(body: unknown): Promise<void>;
  refused: string[];
}

/**
 * POSTs a signed interaction to the bot's Interactions Endpoint URL, as Discord does, and judges the HTTP answer:
 * `202` with no body once a callback was accepted, or `200` with an interaction response, which then counts as
 * the first response (so it is refused, like any first response, when late, of a bad type, a second one, or an
 * invalid body). Anything else is refused.
 */
async function postInteraction(delivery: WebhookDelivery, record: InteractionRecord): Promise<void> {
  const { payload } = record;
  const body = JSON.stringify(payload);
  const refuse = (why: string): void => {
    const note = `webhook answer to interaction ${payload.id} refused: ${why}`;
    delivery.refused.push(note);
    record.problems.push(note);
  };
  const signed = delivery.signer.headers(body, Math.floor(delivery.now() / 1000));
  const response = await post(delivery.url, { 'content-type': 'application/json', ...signed }, body);
  const { text } = response;
  if (response.status === 202) {
    if (text !== '') refuse('202 must have no body');
    else if (record.responses.length === 0) refuse('202 but no callback was accepted before it');
    return;
  }
  if (response.status !== 200) return refuse(`HTTP ${response.status}`);
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return refuse('200 with a body that is not JSON');
  }
  if (record.responses.length > 0) return refuse('a first response in the HTTP answer after a callback (twice)');
  await delivery.inlineCallback(answer);
}

/** Signs and sends a PING (type 1) to `url`; resolves with Discord's view of the answer. */
export async function pingEndpoint(
  url: string,
  signer: WebhookSigner,
  nowMs = Date.now(),
): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify({
    id: '1',
    application_id: '1',
    type: 1,
    token: 'ping',
    version: 1,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signer.headers(body, Math.floor(nowMs / 1000)) },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
