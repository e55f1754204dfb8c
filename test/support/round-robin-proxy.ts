/** A load balancer in miniature, for tests and the bench: each request goes to the next of several replicas in turn. */
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';

/** A running round-robin proxy. */
export interface RoundRobinProxy {
  /** Base URL of the proxy, e.g. `http://127.0.0.1:PORT`: append the path the replicas serve. */
  readonly url: string;
  /** For every request so far, in arrival order, the index of the replica it was sent to. */
  readonly sentTo: number[];
  close(): Promise<void>;
}

/**
 * Listens on a free port of 127.0.0.1 and forwards each request (method, path, headers, body) to `targets[i++ %
 * targets.length]` (base URLs), piping the answer back unchanged; a replica that cannot be reached gets the
 * caller a 502, as a load balancer would answer.
 */
export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error('a proxy needs at least one target');
  const agent = new Agent({ keepAlive: true });
  const sentTo: number[] = [];
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const index = next++ % targets.length;
    sentTo.push(index);
    const upstream = request(
      new URL(incoming.url ?? '/', targets[index]),
      { method: incoming.method, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    incoming.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sentTo,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
