import { z } from 'zod';
import type { Accounts } from '../accounts.js';
import type { Logger } from '../log.js';
import type { PluralKitClient } from '../pluralkit/index.js';
import type { SettingsStore } from '../settings/store.js';
import { Coalescer } from './coalescer.js';
import type { FrontChange } from './front-change.js';
import type { FrontChanges } from './front-changes.js';
import type { LiveHook } from './hooks.js';
import type { Claims } from './change-claims.js';

/**
 * The front last seen for a system (`live:front:<uuid>`), so a restart neither repeats nor misses a change.
 * `seq` counts the changes published: it names each change uniquely, even when a front comes back.
 */
const lastSeenSchema = z.object({
  switchId: z.string().nullable(),
  memberUuids: z.array(z.string()),
  seq: z.number().int().min(0).default(0),
});
type LastSeen = z.infer<typeof lastSeenSchema>;
const lastSeenKey = (systemUuid: string) => `live:front:${systemUuid}`;

/** What {@link LiveEvents} needs. */
export interface LiveEventsOptions {
  readonly pluralkit: PluralKitClient;
  readonly accounts: Accounts;
  readonly settings: SettingsStore;
  readonly frontChanges: FrontChanges;
  readonly once: Claims;
  readonly log: Logger;
  /** How long one system's switch events are gathered before its front is read. */
  readonly coalesceMs: number;
  readonly now?: () => Date;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((uuid, i) => uuid === b[i]);
}

/**
 * What happens after PluralKit's event was answered: every event drops the system's cached answers in every
 * process; switch events, gathered per system, lead to one read of the front with the linked user's token,
 * and a {@link FrontChange} published once when it differs from the last one seen.
 */
export class LiveEvents {
  readonly #coalescer: Coalescer;
  readonly #now: () => Date;

  constructor(private readonly options: LiveEventsOptions) {
    this.#coalescer = new Coalescer(options.coalesceMs);
    this.#now = options.now ?? (() => new Date());
  }

  /** Takes one authentic event of `hook`'s system. Never throws; the work happens in the background. */
  take(hook: LiveHook, handling: 'switch' | 'cache'): void {
    this.options.pluralkit.invalidateSystem(hook.systemUuid);
    if (handling !== 'switch') return;
    this.#coalescer.schedule(hook.systemUuid, () =>
      this.settle(hook).catch((error: unknown) =>
        this.options.log.warn({ err: error, user: hook.userId }, 'could not read the front after a switch event'),
      ),
    );
  }

  /** Stops gathering; what is waiting is dropped (PluralKit's next event starts again). */
  close(): void {
    this.#coalescer.close();
  }

  /** Reads the front once and publishes the change, if there is one. */
  async settle(hook: LiveHook): Promise<void> {
    const { accounts, pluralkit, settings, log } = this.options;
    const account = await accounts.find(hook.userId);
    // Unlinked since, or linked to another system: the hook no longer speaks for this user.
    if (account === undefined || account.systemUuid !== hook.systemUuid) return;
    const [front, system] = await accounts.withToken(account, hook.userId, (token) =>
      Promise.all([
        pluralkit.getFronters('@me', { token, priority: 'background' }),
        pluralkit.getSystem('@me', { token, priority: 'background' }),
      ]),
    );
    const current = front ?? undefined;
    const members = (current?.members ?? []).map((member) => member.uuid);
    const before = await settings.get(lastSeenKey(hook.systemUuid), lastSeenSchema);
    const seq = before?.seq ?? 0;
    if (before !== undefined && sameMembers(before.memberUuids, members)) {
      const switchId = current?.id ?? null;
      if (before.switchId !== switchId) await settings.set(lastSeenKey(hook.systemUuid), { ...before, switchId });
      return;
    }
    const seen: LastSeen = { switchId: current?.id ?? null, memberUuids: members, seq: seq + 1 };
    // Processes that read the same last-seen front race for the same key; only one publishes.
    if (!(await this.options.once.claim(`live:change:${hook.systemUuid}:${seen.seq}:${members.join(',')}`))) return;
    await settings.set(lastSeenKey(hook.systemUuid), seen);
    const change: FrontChange = {
      userId: hook.userId,
      system,
      current,
      previousMemberUuids: before?.memberUuids,
      frontIsPrivate: system.privacy?.front_privacy === 'private',
      at: this.#now(),
    };
    log.info({ user: hook.userId, system: system.id, members: members.length }, 'front changed');
    await this.options.frontChanges.publish(change);
  }
}
