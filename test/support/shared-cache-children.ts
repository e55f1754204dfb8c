import { startTypeScriptEntry, type Child } from '../e2e/child-process.js';

/** A running {@link ./shared-cache-child.ts} process and a way to drive it. */
export interface CacheChild {
  readonly child: Child;
  /** POSTs `body` to the child's control route and resolves with its JSON answer. */
  call<T = unknown>(route: string, body?: object): Promise<T>;
  kill(): Promise<void>;
}

/** Starts one child process with its PluralKit client on `pkUrl`, sharing through `redisUrl` when given. */
export async function startCacheChild(env: {
  PK_URL: string;
  REDIS_URL?: string;
  LOCK_MS?: string;
}): Promise<CacheChild> {
  const child = startTypeScriptEntry('test/support/shared-cache-child.ts', { ...env });
  const line = await child.waitForLine(/^control port \d+$/);
  const base = `http://127.0.0.1:${line.split(' ').at(-1)}`;
  return {
    child,
    async call<T>(route: string, body: object = {}) {
      const res = await fetch(`${base}${route}`, {
        method: 'POST',
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await res.json()) as T & { error?: string };
      if (!res.ok) throw new Error(`${route}: ${answer.error}`);
      return answer;
    },
    async kill() {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await child.exited;
    },
  };
}
