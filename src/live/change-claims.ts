import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis/connection.js';
import type { SettingsStore } from '../settings/store.js';
import type { FrontChange } from './front-change.js';

/** How long a claim is remembered: far longer than the same change could be read again. */
export const DefaultClaimTtlMs = 7 * 24 * 3_600_000;

const redisPrefix = 'pk-companion:claim:';

/** Something that says yes once per key: {@link ChangeClaims}, or a test's own. */
export interface Claims {
  /** True for the first caller with `key` (in every process sharing the claim), false for the rest. */
  claim(key: string): Promise<boolean>;
}

/**
 * "At most once" across every process: the first caller to claim a key (for example a switch id and a member)
 * gets `true`, every later one `false`, until the claim expires. With a shared Redis the claim is one
 * `SET NX`, atomic across processes; without one (or while it is away) it is a settings key with a TTL, which
 * is shared by every process that shares the store but is a read then a write, so two processes claiming in
 * the same instant could both win.
 */
export class ChangeClaims implements Claims {
  constructor(
    private readonly settings: SettingsStore,
    private readonly redis: SharedRedis | undefined,
    private readonly log: Logger,
    private readonly ttlMs: number = DefaultClaimTtlMs,
  ) {}

  /**
   * Claims `key` (prefix it with the feature, e.g. `remind:sent:`). @returns whether this caller won.
   * @throws {UserFacingError} `SettingsUnavailable` when neither Redis nor the settings store answers.
   */
  async claim(key: string): Promise<boolean> {
    if (this.redis?.isReady === true) {
      try {
        const set = await this.redis.set(`${redisPrefix}${key}`, '1', {
          condition: 'NX',
          expiration: { type: 'PX', value: this.ttlMs },
        });
        return set === 'OK';
      } catch (error) {
        this.log.warn(
          { err: { message: (error as Error).message } },
          'claim in Redis failed; using the settings store',
        );
      }
    }
    if ((await this.settings.get(key, z.literal(true))) !== undefined) return false;
    await this.settings.set(key, true, this.ttlMs);
    return true;
  }
}

/** The system, the switch id and its members (sorted), hashed: the same change read twice gives the same key. */
export function changeKey(change: FrontChange): string {
  const members = (change.current?.members ?? []).map((m) => m.uuid).sort();
  const text = `${change.system.uuid}|${change.current?.id ?? 'none'}|${members.join(',')}`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}
