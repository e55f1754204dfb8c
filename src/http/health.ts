import type { ServerResponse } from 'node:http';
import type { HttpService } from './server.js';

/** One readiness check: resolves true when its part can serve; a rejection or a timeout counts as false. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

/** What {@link serveHealth} answers from. */
export interface HealthSources {
  /** Named checks `/readyz` runs, e.g. `gateway`, `store`, `redis`. */
  readonly checks: Readonly<Record<string, ReadinessCheck>>;
  /** True from the moment a shutdown begins: `/readyz` then answers 503 whatever the checks say. */
  readonly draining: () => boolean;
  /** The Prometheus text and its content type. */
  readonly metrics: () => Promise<{ contentType: string; text: string }>;
}

/** A check that has not answered after this long counts as failed: a probe must not hang on a dead store. */
const CheckTimeoutMs = 2_000;

async function passes(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CheckTimeoutMs)));
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Adds `GET /healthz` (the process answers: 200), `GET /readyz` (200 when every check passes and no shutdown
 * began, else 503, with each check's result) and `GET /metrics` (Prometheus text) to `http`.
 */
export function serveHealth(http: HttpService, sources: HealthSources): HttpService {
  return http
    .route('GET', '/healthz', (_req, res) => json(res, 200, { status: 'alive' }))
    .route('GET', '/readyz', async (_req, res) => {
      const names = Object.keys(sources.checks);
      const results = await Promise.all(names.map((name) => passes(sources.checks[name]!)));
      const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
      const draining = sources.draining();
      const ready = !draining && results.every(Boolean);
      json(res, ready ? 200 : 503, { status: draining ? 'draining' : ready ? 'ready' : 'not ready', checks });
    })
    .route('GET', '/metrics', async (_req, res) => {
      const { contentType, text } = await sources.metrics();
      res.writeHead(200, { 'content-type': contentType }).end(text);
    });
}
