/** The live-events world of the end-to-end tests: a bot with a public URL, and PluralKit delivering to it. */
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

/** `/live setup` as `user`, then `pk;system webhook` in the stand-in, then the token pasted into the form. */
export async function setUpLive(
  h: Harness,
  systemUuid: string,
): Promise<{ setup: WebhookSetup; hookUrl: string; reply: MessageState; saved: MessageState }> {
  const reply = await h.command('live setup').reply();
  const url = /pk;system webhook (\S+)/.exec(reply.content)?.[1];
  expect(url, 'the command to run in PluralKit').toMatch(
    /^https:\/\/companion\.example\/pluralkit\/dispatch\/[\w-]{22}$/,
  );
  const hookUrl = localHookUrl(h, url!);
  const setup = await h.pk.beginWebhookSetup(systemUuid, hookUrl);
  const opened = h.dispatch(h.discord.button(control(reply, 'token').custom_id, reply));
  expect((await opened.firstResponse()).type).toBe(9);
  const form = opened.modal!;
  const saved = await h
    .dispatch(h.discord.modalSubmit(form.custom_id, { signing_token: setup.signingToken }, undefined, reply))
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
