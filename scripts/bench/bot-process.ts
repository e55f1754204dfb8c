/** Starts {@link BotChildSpec bot-child} processes for the bench and talks to them. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { BotChildSpec, BotChildUsage } from './bot-child.js';

/** A bot running in its own process. */
export interface BotProcess {
  usage(): Promise<BotChildUsage>;
  stop(): Promise<void>;
}

// Compiled, the child is bot-child.js next to this file; from the sources (tsx), bot-child.ts.
const childPath = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './bot-child.ts' : './bot-child.js', import.meta.url),
);

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the bot process exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** Forks a bot process and resolves once it is logged in. */
export async function startBotProcess(spec: BotChildSpec): Promise<BotProcess> {
  const child = fork(childPath, [JSON.stringify(spec)], {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await nextMessage<{ ready: true }>(child);
  return {
    usage: () => {
      const answer = nextMessage<BotChildUsage>(child);
      child.send('usage');
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}
