import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';

/** A `redis-server` of one test suite's own, on a free port, that the suite may kill, pause or restart. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** Kills the server at once (SIGKILL): every key is gone, connections drop. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Sends one command in Redis's inline form (e.g. `CLIENT PAUSE 500 ALL`) and resolves with the raw answer. */
  command(line: string): Promise<string>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error(`redis: no answer to ${line}`)));
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (data) => {
      answer += data.toString();
      if (answer.endsWith('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer.trim()));
    socket.on('error', reject);
  });
}

async function waitUntilUp(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if ((await command(port, 'PING').catch(() => '')) === '+PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not start`);
}

function launch(port: number): ChildProcess {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  return spawn('redis-server', [...args, '--logfile', ''], { stdio: 'ignore' });
}

/** Starts a private `redis-server` (the binary this machine has) and resolves once it answers PING. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let server = launch(port);
  await waitUntilUp(port);
  const kill = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    async restart() {
      await kill();
      server = launch(port);
      await waitUntilUp(port);
    },
    command: (line) => command(port, line),
    stop: kill,
  };
}
