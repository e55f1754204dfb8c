import { Routes, type REST } from 'discord.js';
import type { FrontChange, FrontChangeListener } from '../live/front-change.js';
import { changeKey, type Claims } from '../live/change-claims.js';
import type { Logger } from '../log.js';
import { renderFronters } from '../render/fronters.js';
import type { SettingsStore } from '../settings/store.js';
import { AnnounceSettings } from './announce-settings.js';

/** What {@link AnnounceListener} needs: REST to post with, the settings, and the cross-process claim. */
export interface AnnounceDeps {
  readonly rest: REST;
  readonly settings: SettingsStore;
  readonly once: Claims;
  readonly log: Logger;
}

/**
 * Posts the fronter card (the one `/fronters` shows) in every server the system's user opted in and that has
 * an announcement channel: once per change per server, whichever process sees it, and never for a private
 * front list.
 */
export class AnnounceListener implements FrontChangeListener {
  readonly name = 'announce';
  readonly #settings: AnnounceSettings;

  constructor(private readonly deps: AnnounceDeps) {
    this.#settings = new AnnounceSettings(deps.settings);
  }

  async onFrontChange(change: FrontChange): Promise<void> {
    if (change.frontIsPrivate) return;
    const guilds = await this.#settings.optedIn.guilds(change.userId);
    await Promise.all(guilds.map((guildId) => this.#announceIn(guildId, change)));
  }

  async #announceIn(guildId: string, change: FrontChange): Promise<void> {
    const channelId = await this.#settings.channel(guildId);
    if (channelId === undefined) return;
    if (!(await this.deps.once.claim(`announce:${guildId}:posted:${changeKey(change)}`))) return;
    const card = renderFronters(change.current ?? null, change.system, change.at);
    try {
      await this.deps.rest.post(Routes.channelMessages(channelId), {
        body: { embeds: card.embeds, components: card.components, allowed_mentions: { parse: [] } },
      });
    } catch (error) {
      // Permissions can change after setup: this post is lost (and logged), the next change tries again.
      this.deps.log.warn({ err: error, guild: guildId, channel: channelId }, 'front announcement not posted');
    }
  }
}
