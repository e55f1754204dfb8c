/**
 * PluralKit's dispatch webhooks (crates/dispatch and PluralKit.Core's DispatchService in
 * https://github.com/PluralKit/PluralKit): one URL and one 64-character signing token per system, set up with
 * two PINGs, then one `POST` per change, sent once: no retry, no redirect, 10 s, only 200 counts.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rememberSecret } from '../secret-ledger.js';
import { checkWebhookUrl, type WebhookUrlRules } from './dispatch-url.js';

/** PluralKit's event types (PluralKit.Core/Dispatch/DispatchModels.cs). */
export type DispatchEventType =
  | 'PING'
  | 'UPDATE_SYSTEM'
  | 'UPDATE_SETTINGS'
  | 'CREATE_MEMBER'
  | 'UPDATE_MEMBER'
  | 'DELETE_MEMBER'
  | 'CREATE_GROUP'
  | 'UPDATE_GROUP'
  | 'UPDATE_GROUP_MEMBERS'
  | 'DELETE_GROUP'
  | 'LINK_ACCOUNT'
  | 'UNLINK_ACCOUNT'
  | 'UPDATE_SYSTEM_GUILD'
  | 'UPDATE_MEMBER_GUILD'
  | 'CREATE_MESSAGE'
  | 'CREATE_SWITCH'
  | 'UPDATE_SWITCH'
  | 'DELETE_SWITCH'
  | 'DELETE_ALL_SWITCHES'
  | 'SUCCESSFUL_IMPORT'
  | 'UPDATE_AUTOPROXY';

/** PluralKit's User-Agent on every dispatch. */
export const DispatchUserAgent = 'PluralKit Dispatch (https://pluralkit.me/api/dispatch/)';
/** How long PluralKit waits for an answer. */
export const DispatchTimeoutMs = 10_000;

/** One delivery attempt, as the stand-in saw it. */
export interface DispatchDelivery {
  readonly type: DispatchEventType;
  readonly systemUuid: string;
  /** The HTTP status, or 0 when no answer came (refused, reset, timed out). */
  readonly status: number;
  /** Whether PluralKit counts it delivered: exactly 200. */
  readonly ok: boolean;
  readonly ms: number;
}

/** What `pk;system webhook <url>` hands back: the token to show, and the step that tests and saves the URL. */
export interface WebhookSetup {
  /** The new signing token (64 characters), shown to the user once. */
  readonly signingToken: string;
  /**
   * Sends a PING with the real token (must get 200) and one with a random token (must get 401); only when
   * both pass is the URL saved with this token. Resolves with what each PING got.
   */
  confirm(): Promise<{ saved: boolean; realStatus: number; wrongStatus: number }>;
}

interface SavedHook {
  readonly url: URL;
  readonly signingToken: string;
}

/** Options of the stand-in's dispatch. */
export interface DispatchOptions extends WebhookUrlRules {
  /** Delivery timeout. @defaultValue 10000, as production */
  readonly timeoutMs?: number | undefined;
}

/** A 64-character signing token, as PluralKit's `StringUtils.GenerateToken` makes one. */
function newSigningToken(): string {
  const token = randomBytes(48).toString('base64');
  rememberSecret(token);
  return token;
}

/** Delivers events to the systems that set a webhook, and records every attempt. */
export class Dispatcher {
  /** Every delivery attempt in order (setup PINGs included). */
  readonly deliveries: DispatchDelivery[] = [];
  readonly #hooks = new Map<string, SavedHook>();
  readonly #pending = new Set<Promise<unknown>>();

  constructor(private readonly options: DispatchOptions = {}) {}

  /**
   * `pk;system webhook <url>`: checks the URL, makes a new signing token, and returns it with the confirm step.
   * @throws {WebhookUrlError} when PluralKit would refuse the URL.
   */
  async beginSetup(systemUuid: string, rawUrl: string): Promise<WebhookSetup> {
    const url = await checkWebhookUrl(rawUrl, this.options);
    const signingToken = newSigningToken();
    return {
      signingToken,
      confirm: async () => {
        const realStatus = await this.#post(url, { type: 'PING', signing_token: signingToken, system_id: systemUuid });
        const wrongStatus = await this.#post(url, {
          type: 'PING',
          signing_token: newSigningToken(),
          system_id: systemUuid,
        });
        const saved = realStatus === 200 && wrongStatus === 401;
        if (saved) this.#hooks.set(systemUuid, { url, signingToken });
        return { saved, realStatus, wrongStatus };
      },
    };
  }

  /** `pk;system webhook clear`. */
  clear(systemUuid: string): void {
    this.#hooks.delete(systemUuid);
  }

  /** The saved URL of a system, if any. */
  urlOf(systemUuid: string): string | undefined {
    return this.#hooks.get(systemUuid)?.url.href;
  }

  /**
   * Sends one event to the system's webhook, in the background, if it has one. `data` of `undefined` means the
   * event carries none (`null`); an empty object is never sent, as upstream.
   */
  send(systemUuid: string, type: DispatchEventType, id: string | null, data?: Record<string, unknown>): void {
    const hook = this.#hooks.get(systemUuid);
    if (hook === undefined || (data !== undefined && Object.keys(data).length === 0)) return;
    const signing = type === 'UPDATE_GROUP_MEMBERS' ? null : hook.signingToken;
    const body = { type, signing_token: signing, system_id: systemUuid, id, data: data ?? null };
    const sent = this.#post(hook.url, body).finally(() => this.#pending.delete(sent));
    this.#pending.add(sent);
  }

  /** Resolves once every delivery started so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** One POST, one attempt: resolves with the status, 0 when no answer came. Never rejects. */
  #post(url: URL, body: { type: DispatchEventType; system_id: string; [field: string]: unknown }): Promise<number> {
    const started = performance.now();
    const payload = Buffer.from(JSON.stringify(body));
    const send = url.protocol === 'https:' ? httpsRequest : request;
    return new Promise<number>((resolve) => {
      const req = send(url, {
        method: 'POST',
        // Production forces port 443; the loopback option keeps the URL's port so tests can use port 0.
        port: url.protocol === 'https:' && this.options.allowLoopbackHttp !== true ? 443 : url.port,
        headers: {
          'content-type': 'application/json',
          'user-agent': DispatchUserAgent,
          'content-length': payload.length,
        },
        timeout: this.options.timeoutMs ?? DispatchTimeoutMs,
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(0));
      req.end(payload);
    }).then((status) => {
      const ms = performance.now() - started;
      this.deliveries.push({ type: body.type, systemUuid: body.system_id, status, ok: status === 200, ms });
      return status;
    });
  }
}
