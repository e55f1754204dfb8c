import { Routes, type APIGuildMember, type REST } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { readBotInGuild, type BotInGuild } from '../discord/guild-permissions.js';
import { frontNickname } from '../front/nickname.js';
import type { FrontChange, FrontChangeListener } from '../live/front-change.js';
import { memberName, sortedMembers } from '../render/names.js';
import { FrontSyncSettings, type FrontSyncMember, type RoleMapping } from './frontsync-settings.js';

/** What {@link FrontSyncListener} needs: REST for the member edits, the context (settings, PluralKit, links). */
export interface FrontSyncDeps {
  readonly rest: REST;
  readonly ctx: CommandContext;
  /** The bot's user id (its application id), known once started. */
  readonly botId: () => string | undefined;
}

/**
 * Makes nicknames and roles follow the front, in every server where the user turned it on and its admins allow
 * it. A private front list shows nowhere: a nickname and roles are seen by the whole server. The server owner's
 * nickname is left alone (Discord forbids it); roles above the bot's are never touched.
 */
export class FrontSyncListener implements FrontChangeListener {
  readonly name = 'front-sync';
  readonly #settings: FrontSyncSettings;

  constructor(private readonly deps: FrontSyncDeps) {
    this.#settings = new FrontSyncSettings(deps.ctx.settings);
  }

  async onFrontChange(change: FrontChange): Promise<void> {
    if (change.frontIsPrivate) return;
    const guilds = await this.#settings.active.guilds(change.userId);
    await Promise.all(guilds.map((guildId) => this.#syncIn(guildId, change)));
  }

  async #syncIn(guildId: string, change: FrontChange): Promise<void> {
    const botId = this.deps.botId();
    const [server, me] = await Promise.all([
      this.#settings.server(guildId),
      this.#settings.member(guildId, change.userId),
    ]);
    const nickname = server.nickname && me.nickname;
    const roles = server.roles && me.roles;
    if (botId === undefined || (!nickname && !roles)) return;
    try {
      const { rest } = this.deps;
      const [bot, member] = await Promise.all([
        readBotInGuild(rest, guildId, botId),
        rest.get(Routes.guildMember(guildId, change.userId)) as Promise<APIGuildMember>,
      ]);
      if (nickname && bot.guild.owner_id !== change.userId) await this.#setNickname(guildId, change, member);
      if (roles) await this.#setRoles(guildId, change, member, bot, me, server.allowedRoles);
    } catch (error) {
      this.deps.ctx.log.warn({ err: error, guild: guildId }, 'front sync failed in a server');
    }
  }

  async #setNickname(guildId: string, change: FrontChange, member: APIGuildMember): Promise<void> {
    const names = sortedMembers(change.current?.members ?? []).map(memberName);
    const nick = frontNickname(names, change.system.tag) ?? null;
    if ((member.nick ?? null) === nick) return;
    await this.deps.rest.patch(Routes.guildMember(guildId, change.userId), { body: { nick } });
  }

  async #setRoles(
    guildId: string,
    change: FrontChange,
    member: APIGuildMember,
    bot: BotInGuild,
    me: FrontSyncMember,
    allowed: readonly string[],
  ): Promise<void> {
    const position = new Map(bot.guild.roles.map((role) => [role.id, role.position]));
    const usable = me.mappings.filter(
      (m) => allowed.includes(m.roleId) && (position.get(m.roleId) ?? Infinity) < bot.highestPosition,
    );
    const wanted = await this.#frontingRoles(change, usable);
    const held = new Set(member.roles);
    const route = (roleId: string) => Routes.guildMemberRole(guildId, change.userId, roleId);
    for (const roleId of new Set(usable.map((m) => m.roleId))) {
      if (wanted.has(roleId) && !held.has(roleId)) await this.deps.rest.put(route(roleId));
      if (!wanted.has(roleId) && held.has(roleId)) await this.deps.rest.delete(route(roleId));
    }
  }

  /** The mapped roles whose member is fronting, or whose group has a member fronting. */
  async #frontingRoles(change: FrontChange, mappings: readonly RoleMapping[]): Promise<Set<string>> {
    const fronting = change.current?.members ?? [];
    const ids = new Set(fronting.map((m) => m.id));
    const uuids = new Set(fronting.map((m) => m.uuid));
    const wanted = new Set(mappings.filter((m) => m.kind === 'member' && ids.has(m.id)).map((m) => m.roleId));
    if (!mappings.some((m) => m.kind === 'group') || fronting.length === 0) return wanted;
    const account = await this.deps.ctx.accounts.find(change.userId);
    if (account === undefined) return wanted;
    const groups = await this.deps.ctx.pluralkit.getGroups('@me', { withMembers: true }, { token: account.token });
    for (const m of mappings) {
      const group = m.kind === 'group' ? groups.find((g) => g.id === m.id) : undefined;
      if (group?.members?.some((uuid) => uuids.has(uuid)) === true) wanted.add(m.roleId);
    }
    return wanted;
  }
}
