import { afterEach, describe, expect, it } from 'vitest';
import { Listeners } from '../../src/http/listeners.js';
import { createLogger } from '../../src/log.js';

const log = createLogger({ level: 'silent' });
let listeners: Listeners | undefined;

afterEach(async () => {
  await listeners?.close();
  listeners = undefined;
});

async function statusOf(port: number | undefined, path: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  await response.arrayBuffer();
  return response.status;
}

describe('the HTTP listeners of one process', () => {
  it('serves health and webhooks on one port when HEALTH_PORT equals INTERACTIONS_PORT', async () => {
    const probe = new Listeners(log, { health: 0 });
    probe.for('health')?.route('GET', '/x', (_req, res) => void res.end());
    await probe.listen();
    const port = probe.boundPort('health')!;
    await probe.close();

    listeners = new Listeners(log, { health: port, interactions: port });
    expect(listeners.for('health')).toBe(listeners.for('interactions'));
    listeners.for('health')?.route('GET', '/healthz', (_req, res) => void res.end('ok'));
    listeners.for('interactions')?.route('POST', '/interactions', (_req, res) => void res.writeHead(401).end());
    await listeners.listen();
    expect(listeners.boundPort('interactions')).toBe(port);
    expect(await statusOf(port, '/healthz')).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/interactions`, { method: 'POST' })).status).toBe(401);
  });

  it('gives each purpose its own free port when both ask for port 0', async () => {
    listeners = new Listeners(log, { health: 0, interactions: 0 });
    listeners.for('health')?.route('GET', '/healthz', (_req, res) => void res.end('ok'));
    listeners.for('interactions')?.route('POST', '/interactions', (_req, res) => void res.writeHead(401).end());
    await listeners.listen();
    expect(listeners.listening).toBe(true);
    const health = listeners.boundPort('health');
    expect(listeners.boundPort('interactions')).not.toBe(health);
    expect(await statusOf(health, '/interactions')).toBe(404);
  });

  it('serves PluralKit dispatch under its prefix on a port shared with health; the bare prefix is unknown', async () => {
    listeners = new Listeners(log, { health: 0 });
    const probe = listeners.for('health')!;
    probe.route('GET', '/x', (_req, res) => void res.end());
    await listeners.listen();
    const port = listeners.boundPort('health')!;
    await listeners.close();

    listeners = new Listeners(log, { health: port, dispatch: port });
    expect(listeners.for('dispatch')).toBe(listeners.for('health'));
    const seen: string[] = [];
    listeners.for('dispatch')?.routePrefix('POST', '/pluralkit/dispatch/', (req, res) => {
      seen.push(req.url ?? '');
      res.end();
    });
    listeners.for('health')?.route('GET', '/healthz', (_req, res) => void res.end('ok'));
    await listeners.listen();
    const post = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST' }).then((r) => r.status);
    expect(await post('/pluralkit/dispatch/abc?x=1')).toBe(200);
    expect(await post('/pluralkit/dispatch/')).toBe(404);
    expect(await statusOf(port, '/pluralkit/dispatch/abc')).toBe(405);
    expect(await statusOf(port, '/healthz')).toBe(200);
    expect(seen).toEqual(['/pluralkit/dispatch/abc?x=1']);
  });

  it('serves nothing for a purpose without a port', () => {
    listeners = new Listeners(log, { health: undefined });
    expect(listeners.for('interactions')).toBeUndefined();
    expect(listeners.boundPort('health')).toBeUndefined();
  });
});
