/** Shared set-up for the PluralKit client tests: a stand-in plus a client aimed at it, torn down after. */
import { afterEach } from 'vitest';
import { PluralKitClient, type PluralKitClientOptions } from '../../src/pluralkit/index.js';
import {
  startPluralKitStandIn,
  type PluralKitStandIn,
  type PluralKitStandInOptions,
} from '../../stand-ins/pluralkit/index.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  const pending = cleanups.splice(0).reverse();
  for (const cleanup of pending) await cleanup();
});

/** Registers something to close after the current test. */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** A stand-in (no rate limit unless asked) and a fast client pointed at it. */
export async function setup(
  standIn: PluralKitStandInOptions = { rateLimit: { mode: 'off' } },
  client: Partial<PluralKitClientOptions> = {},
): Promise<{ pk: PluralKitStandIn; client: PluralKitClient }> {
  const pk = await startPluralKitStandIn(standIn);
  onCleanup(() => pk.close());
  return { pk, client: clientFor(pk.url, { ratePerSecond: 100, ...client }) };
}

/** A client for `baseUrl`, closed after the test. */
export function clientFor(baseUrl: string, options: Partial<PluralKitClientOptions> = {}): PluralKitClient {
  const client = new PluralKitClient({ baseUrl, ...options });
  onCleanup(() => client.close());
  return client;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
