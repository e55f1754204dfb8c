import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SharedRedis } from '../redis/connection.js';
import type { SettingsStore } from '../settings/store.js';
import type { FrontChange } from './front-change.js';

/** How long a claim is kept: far longer than any two processes could see the same change apart. */
const ClaimTtlMs = 24 * 60 * 60 * 1000;

/**
 * Claims one piece of work for one change, across processes: the first to claim `scope` for a change gets
 * true, every later one false. With Redis it is one `SET NX` (atomic across processes); without it, a read then
 * a write in the shared settings store (exact within a process; across processes a race of a few milliseconds).
 */
export class OncePerChange {
  constructor(
    private readonly settings: SettingsStore,
    private readonly redis: SharedRedis | undefined,
  ) {}

  /** True the first time `scope` (e.g. `announce:<guild>`) is claimed for this switch and these members. */
  async claim(scope: string, change: FrontChange): Promise<boolean> {
    const key = `${scope}:posted:${changeKey(change)}`;
    if (this.redis?.isReady === true) {
      return (await this.redis.set(`pk-companion:${key}`, '1', { NX: true, PX: ClaimTtlMs })) === 'OK';
    }
    if ((await this.settings.get(key, z.literal(true))) !== undefined) return false;
    await this.settings.set(key, true, ClaimTtlMs);
    return true;
  }
}

/** The switch id and its members (sorted): the same change read twice gives the same key. */
export function changeKey(change: FrontChange): string {
  const members = (change.current?.members ?? []).map((m) => m.uuid).sort();
  const text = `${change.system.uuid}|${change.current?.id ?? 'none'}|${members.join(',')}`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}
