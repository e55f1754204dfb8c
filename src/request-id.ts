import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `work` with `id` as the request id of everything it does, awaited calls included: every log line
 * written meanwhile (the router's, the PluralKit client's) carries it, so one interaction can be followed
 * through the log from its arrival to its last PluralKit call.
 */
export function withRequestId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** The request id of the work running now, if any. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}
