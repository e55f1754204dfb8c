/**
 * One bot-like process for the shared-cache tests and bench: a real PluralKitClient against `PK_URL`, sharing
 * through `REDIS_URL` (wired as `src/app.ts` wires it), driven over a small control HTTP server on 127.0.0.1.
 * Prints `control port <n>` once ready. Bodies are JSON; a token arrives in a body and is never printed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpService, readBody } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { PluralKitClient } from '../../src/pluralkit/index.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { sharePluralKitCache } from '../../src/redis/pluralkit-sharing.js';

const env = process.env;
const log = createLogger({ level: 'info' });
const cacheTtlMs = Number(env.CACHE_TTL_MS ?? 60_000);
const redis = env.REDIS_URL === undefined ? undefined : connectSharedRedis(env.REDIS_URL, log);
const sharing =
  redis === undefined
    ? undefined
    : sharePluralKitCache(redis, log, { answerTtlMs: cacheTtlMs, lockMs: Number(env.LOCK_MS ?? 1_000) });
const client = new PluralKitClient(
  { baseUrl: env.PK_URL ?? '', ratePerSecond: 1_000, cacheTtlMs, followRateHeaders: false },
  { shared: sharing?.shared },
);

type Body = { system?: string; n?: number; token?: string; members?: string[] };
const json = (handler: (body: Body) => Promise<unknown>) => async (req: IncomingMessage, res: ServerResponse) => {
  const body = JSON.parse((await readBody(req, 10_000)).toString() || '{}') as Body;
  try {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await handler(body)));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  }
};

const http = new HttpService(log)
  .route(
    'POST',
    '/fronters',
    json(async ({ system = '', n = 1 }) => {
      const fronts = await Promise.all(Array.from({ length: n }, () => client.getFronters(system)));
      return { ids: fronts.map((front) => front?.id ?? null) };
    }),
  )
  .route(
    'POST',
    '/own',
    json(async ({ token = '' }) => ({ id: (await client.getOwnSystem(token)).id })),
  )
  .route(
    'POST',
    '/switch',
    json(async ({ token = '', members = [] }) => ({
      id: (await client.createSwitch('@me', { members }, { token })).id,
    })),
  )
  .route(
    'POST',
    '/invalidate',
    json(async ({ system = '' }) => {
      client.invalidateSystem(system);
      return Promise.resolve({});
    }),
  )
  .route(
    'POST',
    '/stats',
    json(() => Promise.resolve(client.stats)),
  );

const port = await http.listen(0, '127.0.0.1');
console.log(`control port ${port}`);
