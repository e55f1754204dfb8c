/** The live-events world of the end-to-end tests: a bot with a public URL, and PluralKit delivering to it. */
import type { APIUser } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import type { WebhookSetup } from '../../stand-ins/pluralkit/index.js';
import type { FrontChange } from '../../src/live/front-change.js';
import type { Harness, HarnessOptions } from './harness.js';
import { control } from './switch-support.js';

/** The public address the bot is told it has; a reverse proxy would forward it to `DISPATCH_PORT`. */
export const PublicUrl = 'https://companion.example';

/** Harness options for live events: dispatch on a port of its own, PluralKit allowed to post over loopback http. */
export function liveHarnessOptions(env: Record<string, string> = {}): HarnessOptions {
  return {
    pluralkit: { dispatch: { allowLoopbackHttp: true } },
    env: { PUBLIC_URL: PublicUrl, DISPATCH_PORT: '0', ...env },
  };
}

/** How many times PluralKit's stand-in has been asked for fronters (by anyone, any system). */
export function fronterReads(h: Harness): number {
  return h.pk.stats.byRoute.get('GET /systems/{system_id}/fronters') ?? 0;
}

/** Every FrontChange the bot publishes, and a wait for the next one. */
export function recordChanges(h: Harness): { changes: FrontChange[]; next(): Promise<FrontChange> } {
  const changes: FrontChange[] = [];
  let waiters: ((change: FrontChange) => void)[] = [];
  h.bot.frontChanges.add({
    name: 'test',
    onFrontChange(change) {
      changes.push(change);
      for (const resolve of waiters.splice(0)) resolve(change);
      return Promise.resolve();
    },
  });
  return {
    changes,
    next: () => new Promise((resolve) => (waiters = [...waiters, resolve])),
  };
}

/** Where the bot's endpoint for `publicHookUrl` is reachable from PluralKit's stand-in. */
export function localHookUrl(h: Harness, publicHookUrl: string): string {
  return `http://127.0.0.1:${h.bot.dispatchPort}${new URL(publicHookUrl).pathname}`;
}

/**
 * `/live setup` as `user` (alice unless given), then `pk;system webhook` in the stand-in, then the token pasted
 * into the form. PluralKit's confirm (the two setup PINGs) is left to the caller.
 */
export async function setUpLive(
  h: Harness,
  systemUuid: string,
  user: APIUser = h.discord.users.alice,
): Promise<{ setup: WebhookSetup; hookUrl: string; reply: MessageState; saved: MessageState }> {
  const reply = await h.command('live setup', {}, { user }).reply();
  const url = /pk;system webhook (\S+)/.exec(reply.content)?.[1];
  expect(url, 'the command to run in PluralKit').toMatch(
    /^https:\/\/companion\.example\/pluralkit\/dispatch\/[\w-]{22}$/,
  );
  const hookUrl = localHookUrl(h, url!);
  const setup = await h.pk.beginWebhookSetup(systemUuid, hookUrl);
  const opened = h.dispatch(h.discord.button(control(reply, 'token').custom_id, reply, { user }));
  expect((await opened.firstResponse()).type).toBe(9);
  const form = opened.modal!;
  const saved = await h
    .dispatch(h.discord.modalSubmit(form.custom_id, { signing_token: setup.signingToken }, { user }, reply))
    .reply();
  return { setup, hookUrl, reply, saved };
}

/** POSTs `body` (JSON, or raw text) to the bot's dispatch endpoint as PluralKit would. */
export async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PluralKit Dispatch (https://pluralkit.me/api/dispatch/)',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** PluralKit's interval between writes (3 a second). */
const WriteIntervalMs = 334;

/**
 * Logs a switch through PluralKit's API with `token` (as `pk;switch` would), so the stand-in dispatches its
 * CREATE_SWITCH to the system's webhook. A 429 (PluralKit allows 3 writes a second, 2 back to back) is
 * waited out and sent again, as any client does. Returns the new switch's id.
 */
export async function logSwitchInPluralKit(h: Harness, token: string, memberIds: readonly string[]): Promise<string> {
  for (;;) {
    const res = await fetch(`${h.pk.url}/systems/@me/switches`, {
      method: 'POST',
      headers: { Authorization: token, 'User-Agent': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ members: memberIds }),
    });
    if (res.status === 429) {
      const { retry_after } = (await res.json()) as { retry_after: number };
      // Our client's pause (docs/pluralkit-rate-limits.md): waiting just retry_after lands on the refused edge again.
      await new Promise((resolve) => setTimeout(resolve, Math.max(retry_after + WriteIntervalMs, 2 * WriteIntervalMs)));
      continue;
    }
    expect(res.status, 'PluralKit logs the switch').toBe(200);
    return ((await res.json()) as { id: string }).id;
  }
}
