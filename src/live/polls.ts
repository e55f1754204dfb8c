import { z } from 'zod';
import type { SettingsStore } from '../settings/store.js';

/** One user's choice to have their system's front polled (`live:poll:user:<userId>`). */
const pollSchema = z.object({
  systemUuid: z.string(),
  systemId: z.string(),
  since: z.string(),
  lastPollAt: z.string().optional(),
});

/** A user's polling choice, as stored. */
export type LivePoll = z.infer<typeof pollSchema>;

/** The users who opted in (`live:poll:index`): what the poller reads each round, instead of scanning keys. */
const indexSchema = z.object({ userIds: z.array(z.string()) });

const IndexKey = 'live:poll:index';
const pollKey = (userId: string) => `live:poll:user:${userId}`;

/**
 * Who opted into polling of their front, kept in the settings store so it survives restarts and every process
 * sees it. The index is one value rewritten on each change: two processes changing it in the same instant may
 * lose one change, which the user sees in `/live status` and can repeat (choices are rare, rounds are not).
 */
export class LivePolls {
  constructor(private readonly settings: SettingsStore) {}

  /** Opts the user's system in (again: keeps the first `since`). */
  async enable(userId: string, system: { id: string; uuid: string }): Promise<LivePoll> {
    const before = await this.forUser(userId);
    const poll: LivePoll = {
      systemUuid: system.uuid,
      systemId: system.id,
      since: before?.since ?? new Date().toISOString(),
      lastPollAt: before?.systemUuid === system.uuid ? before.lastPollAt : undefined,
    };
    await this.settings.set(pollKey(userId), poll);
    const userIds = await this.userIds();
    if (!userIds.includes(userId)) await this.settings.set(IndexKey, { userIds: [...userIds, userId] });
    return poll;
  }

  /** Opts the user out. @returns whether polling was on. */
  async disable(userId: string): Promise<boolean> {
    const userIds = await this.userIds();
    if (userIds.includes(userId)) {
      await this.settings.set(IndexKey, { userIds: userIds.filter((id) => id !== userId) });
    }
    return (await this.settings.delete(pollKey(userId))) || userIds.includes(userId);
  }

  /** The user's choice, if polling is on for them. */
  forUser(userId: string): Promise<LivePoll | undefined> {
    return this.settings.get(pollKey(userId), pollSchema);
  }

  /** Every user who opted in, in the order they did. */
  async userIds(): Promise<string[]> {
    return (await this.settings.get(IndexKey, indexSchema))?.userIds ?? [];
  }

  /** Notes when the user's front was last read by the poller (shown by `/live status`). */
  async markPolled(userId: string, at: Date): Promise<void> {
    const poll = await this.forUser(userId);
    if (poll !== undefined) await this.settings.set(pollKey(userId), { ...poll, lastPollAt: at.toISOString() });
  }
}
