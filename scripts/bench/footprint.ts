/**
 * Section 5, footprint: start-up to READY, resident memory idle and after many linked users in the
 * SQLite store, and sealed-token reads per second. Run in a fresh child process (so earlier sections'
 * garbage and loaded modules do not count) when the compiled child script exists.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fmt, SectionNames, type BenchRow } from './rows.js';
import { benchUsers, seedSystems, startQuietOffline } from './world.js';

/** Sizes for section 5. */
export interface FootprintParams {
  linkedUsers: number;
  /** How long sealed-token reads are counted. */
  readSeconds: number;
  /** Reads in flight at once. */
  readParallel: number;
}

/** The sizes. */
export const FootprintDefaults: FootprintParams = { linkedUsers: 10_000, readSeconds: 3, readParallel: 8 };

/** What section 5 measured. */
export interface FootprintResult {
  /** From process start (child) or from the call (in-process) to the bot's READY. */
  startToReadyMs: number;
  /** `startOffline()` alone: stand-ins, command registration, login. */
  startOfflineMs: number;
  rssIdleMiB: number;
  rssLinkedMiB: number;
  linkedUsers: number;
  linkSeconds: number;
  readsPerSecond: number;
  inChild: boolean;
}

const MiB = 2 ** 20;

function rssAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / MiB;
}

/** Measures in this process. `sinceProcessStart`: count start-up from node's own start. */
export async function measureFootprint(params: FootprintParams, sinceProcessStart = false): Promise<FootprintResult> {
  const dir = await mkdtemp(join(tmpdir(), 'pk-bench-'));
  const t0 = performance.now();
  const offline = await startQuietOffline({
    storeUrl: `sqlite://${join(dir, 'vault.sqlite')}`,
    discord: { validateBodies: false },
  });
  try {
    const ready = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssIdleMiB = rssAfterGc();
    const [system] = seedSystems(offline.pk, 1);
    const users = benchUsers(params.linkedUsers);
    const linkStart = performance.now();
    // The vault directly: what is measured is the store, not 10,000 token checks against PluralKit.
    for (let i = 0; i < users.length; i += 200) {
      await Promise.all(
        users
          .slice(i, i + 200)
          .map((user) =>
            offline.vault.link(user.id, system!.token, { id: system!.systemId, uuid: user.id, name: null }),
          ),
      );
    }
    const linkSeconds = (performance.now() - linkStart) / 1000;
    const rssLinkedMiB = rssAfterGc();
    let reads = 0;
    const until = performance.now() + params.readSeconds * 1000;
    const readStart = performance.now();
    await Promise.all(
      Array.from({ length: params.readParallel }, async (_, worker) => {
        for (let i = worker; performance.now() < until; i += params.readParallel) {
          const account = await offline.vault.get(users[(i * 7919) % users.length]!.id);
          if (account?.token !== system!.token) throw new Error('the vault returned the wrong token');
          reads++;
        }
      }),
    );
    const readsPerSecond = reads / ((performance.now() - readStart) / 1000);
    return {
      startToReadyMs: sinceProcessStart ? ready : ready - t0,
      startOfflineMs: ready - t0,
      rssIdleMiB,
      rssLinkedMiB,
      linkedUsers: users.length,
      linkSeconds,
      readsPerSecond,
      inChild: sinceProcessStart,
    };
  } finally {
    await offline.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const childScript = fileURLToPath(new URL('./footprint-child.js', import.meta.url));

/** Measures in a fresh `node --expose-gc` child when the compiled child exists, else in this process. */
export async function measureFootprintIsolated(params: FootprintParams): Promise<FootprintResult> {
  if (!existsSync(childScript)) return measureFootprint(params);
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', childScript, JSON.stringify(params)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as FootprintResult;
}

/** Runs section 5 and returns its rows. */
export async function benchFootprint(params: FootprintParams = FootprintDefaults): Promise<BenchRow[]> {
  const r = await measureFootprintIsolated(params);
  const where = r.inChild ? 'node start' : 'call';
  const row = (metric: string, value: string): BenchRow => ({
    section: SectionNames[5],
    metric,
    value,
    goal: '',
    met: null,
  });
  return [
    {
      ...row(
        `start-up to READY (from ${where}; both stand-ins in process)`,
        `${fmt(r.startToReadyMs, 0)} ms (startOffline ${fmt(r.startOfflineMs, 0)} ms)`,
      ),
      raw: { ...r },
    },
    row('resident memory idle (bot + both stand-ins)', `${fmt(r.rssIdleMiB, 1)} MiB`),
    row(
      `resident memory after ${r.linkedUsers} linked users (SQLite)`,
      `${fmt(r.rssLinkedMiB, 1)} MiB (linking took ${fmt(r.linkSeconds, 1)} s)`,
    ),
    row(`sealed-token reads (SQLite, ${params.readParallel} in flight)`, `${fmt(r.readsPerSecond, 0)} /s`),
  ];
}
