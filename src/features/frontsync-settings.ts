import { z } from 'zod';
import { GuildIndex } from '../settings/guild-index.js';
import type { SettingsStore } from '../settings/store.js';

const ServerSchema = z.object({
  nickname: z.boolean(),
  roles: z.boolean(),
  allowedRoles: z.array(z.string()).max(250),
});

const RoleMappingSchema = z.object({ roleId: z.string(), kind: z.enum(['member', 'group']), id: z.string() });

const MemberSchema = z.object({
  nickname: z.boolean(),
  roles: z.boolean(),
  mappings: z.array(RoleMappingSchema).max(250),
});

/** What a server's admins allow: nicknames, roles, and which roles may follow the front. */
export type FrontSyncServer = z.infer<typeof ServerSchema>;
/** A role that follows one PluralKit member or group (short id) of a user's system. */
export type RoleMapping = z.infer<typeof RoleMappingSchema>;
/** What one Discord member chose in one server. */
export type FrontSyncMember = z.infer<typeof MemberSchema>;

const noServer: FrontSyncServer = { nickname: false, roles: false, allowedRoles: [] };
const noMember: FrontSyncMember = { nickname: false, roles: false, mappings: [] };

/**
 * Front-sync choices, all under `frontsync:`: the server's (`frontsync:server:<guild>`), each member's in each
 * server (`frontsync:member:<guild>:<user>`), and each user's servers where any of it is on (`frontsync:user:`).
 */
export class FrontSyncSettings {
  /** The servers where a user turned their nickname or roles on. */
  readonly active: GuildIndex;

  constructor(private readonly settings: SettingsStore) {
    this.active = new GuildIndex(settings, 'frontsync:user:');
  }

  /** The server's choices (all off until an admin turns them on). */
  async server(guildId: string): Promise<FrontSyncServer> {
    return (await this.settings.get(`frontsync:server:${guildId}`, ServerSchema)) ?? noServer;
  }

  /** Changes the server's choices. */
  async updateServer(guildId: string, change: (now: FrontSyncServer) => FrontSyncServer): Promise<FrontSyncServer> {
    const next = change(await this.server(guildId));
    await this.settings.set(`frontsync:server:${guildId}`, next);
    return next;
  }

  /** A member's choices in a server. */
  async member(guildId: string, userId: string): Promise<FrontSyncMember> {
    return (await this.settings.get(`frontsync:member:${guildId}:${userId}`, MemberSchema)) ?? noMember;
  }

  /** Changes a member's choices, and keeps the user's server index in step. */
  async updateMember(
    guildId: string,
    userId: string,
    change: (now: FrontSyncMember) => FrontSyncMember,
  ): Promise<FrontSyncMember> {
    const next = change(await this.member(guildId, userId));
    await this.settings.set(`frontsync:member:${guildId}:${userId}`, next);
    await this.active.set(userId, guildId, next.nickname || next.roles);
    return next;
  }
}
