import { z } from 'zod';
import type { SettingsStore } from './store.js';

const GuildListSchema = z.array(z.string()).max(1000);

/**
 * A user's list of servers under `key` (e.g. `announce:user:<id>`): where a front change of that user has to
 * go, so a change finds its servers without scanning every server's settings.
 */
export class GuildIndex {
  constructor(
    private readonly settings: SettingsStore,
    private readonly prefix: string,
  ) {}

  /** The servers `userId` turned the feature on in. */
  async guilds(userId: string): Promise<string[]> {
    return (await this.settings.get(this.#key(userId), GuildListSchema)) ?? [];
  }

  /** Whether `userId` turned it on in `guildId`. */
  async has(userId: string, guildId: string): Promise<boolean> {
    return (await this.guilds(userId)).includes(guildId);
  }

  /** Adds or removes `guildId` from `userId`'s list. */
  async set(userId: string, guildId: string, on: boolean): Promise<void> {
    const others = (await this.guilds(userId)).filter((id) => id !== guildId);
    const next = on ? [...others, guildId] : others;
    if (next.length === 0) await this.settings.delete(this.#key(userId));
    else await this.settings.set(this.#key(userId), next);
  }

  #key(userId: string): string {
    return `${this.prefix}${userId}`;
  }
}
