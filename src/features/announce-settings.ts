import { z } from 'zod';
import { GuildIndex } from '../settings/guild-index.js';
import type { SettingsStore } from '../settings/store.js';

const ChannelSchema = z.object({ channelId: z.string() });

/**
 * Where announcements are kept, all under `announce:`: each server's channel (`announce:channel:<guild>`) and
 * each user's servers where their system is announced (`announce:user:<user>`, the index a change is routed by).
 */
export class AnnounceSettings {
  /** The servers each user opted their system in. */
  readonly optedIn: GuildIndex;

  constructor(private readonly settings: SettingsStore) {
    this.optedIn = new GuildIndex(settings, 'announce:user:');
  }

  /** The channel `guildId` announces in, if it set one. */
  async channel(guildId: string): Promise<string | undefined> {
    return (await this.settings.get(`announce:channel:${guildId}`, ChannelSchema))?.channelId;
  }

  /** Sets (or with undefined forgets) the channel of `guildId`. */
  async setChannel(guildId: string, channelId: string | undefined): Promise<void> {
    const key = `announce:channel:${guildId}`;
    if (channelId === undefined) await this.settings.delete(key);
    else await this.settings.set(key, { channelId });
  }
}
