/**
 * Several real `src/main.ts --role http` processes sharing one Redis (rate model, sessions, cache, token store)
 * behind a {@link startRoundRobinProxy round-robin proxy} that the Discord stand-in posts its webhooks to: a
 * deployment of interaction-only replicas, for the end-to-end test and bench section 9.
 */
import { randomBytes } from 'node:crypto';
import type { DiscordStandIn } from '../../stand-ins/discord/index.js';
import type { PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';
import { startTypeScriptEntry, type Child } from '../e2e/child-process.js';
import type { PrivateRedis } from './private-redis.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

/** What {@link startHttpReplicas} needs. */
export interface HttpReplicasOptions {
  readonly count: number;
  readonly discord: DiscordStandIn;
  readonly pk: PluralKitStandIn;
  readonly redis: PrivateRedis;
  /** Extra environment for every replica (e.g. `LOG_LEVEL`). */
  readonly env?: Record<string, string>;
  /** Changes one replica's environment (e.g. to take `REDIS_URL` away from one). */
  readonly envFor?: (index: number, env: Record<string, string>) => Record<string, string>;
}

/** The running replicas. */
export interface HttpReplicas {
  readonly children: readonly Child[];
  readonly proxy: RoundRobinProxy;
  /** The `TOKEN_ENCRYPTION_KEY` they share (to seal links from outside, or to check it never leaks). */
  readonly tokenKey: string;
  /** Each replica's `process_cpu_seconds_total`, scraped from its `/metrics`. */
  cpuSeconds(): Promise<number[]>;
  /** Stops every replica and the proxy, and clears the stand-in's Interactions Endpoint URL. */
  stop(): Promise<void>;
}

// Children run the TypeScript sources under tsx, from the bench's build too (see child-process.ts).
const mainEntry = 'src/main.ts';

const portIn = (line: string): number => (JSON.parse(line) as { port: number }).port;

/** Starts `count` replicas, waits until each listens, and points the Discord stand-in's endpoint at the proxy. */
export async function startHttpReplicas(options: HttpReplicasOptions): Promise<HttpReplicas> {
  const { discord, pk, redis, count } = options;
  const tokenKey = randomBytes(32).toString('base64');
  rememberSecret(tokenKey);
  const base: Record<string, string> = {
    DISCORD_TOKEN: discord.botToken,
    DISCORD_API_URL: discord.apiBase,
    DISCORD_PUBLIC_KEY: discord.signer.publicKey,
    PLURALKIT_API_URL: pk.url,
    TOKEN_ENCRYPTION_KEY: tokenKey,
    INTERACTIONS_PORT: '0',
    HEALTH_PORT: '0',
    REDIS_URL: redis.url,
    STORE_URL: redis.url,
    PROCESSES: String(count),
    ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
    ...options.env,
  };
  const children = Array.from({ length: count }, (_unused, index) =>
    startTypeScriptEntry(mainEntry, options.envFor?.(index, { ...base }) ?? base, ['--role', 'http']),
  );
  const stopChildren = async (): Promise<void> => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
  };
  let ports: { interactions: number; health: number }[];
  try {
    ports = await Promise.all(
      children.map(async (child) => ({
        interactions: portIn(await child.waitForLine(/listening for interaction webhooks/)),
        health: portIn(await child.waitForLine(/health and metrics listening/)),
      })),
    );
  } catch (error) {
    await stopChildren();
    throw error;
  }
  const proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port.interactions}`));
  discord.setInteractionsEndpoint(`${proxy.url}/interactions`);
  return {
    children,
    proxy,
    tokenKey,
    cpuSeconds: () =>
      Promise.all(
        ports.map(async (port) => {
          const text = await (await fetch(`http://127.0.0.1:${port.health}/metrics`)).text();
          const match = /^process_cpu_seconds_total (\S+)$/m.exec(text);
          if (match === null) throw new Error('no process_cpu_seconds_total in /metrics');
          return Number(match[1]);
        }),
      ),
    async stop() {
      discord.setInteractionsEndpoint(null);
      await stopChildren();
      await proxy.close();
    },
  };
}
