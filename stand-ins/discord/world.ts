import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIDMChannel,
  type APIGroupDMChannel,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

/** The people the stand-in knows. `alice` invokes commands by default; `bob` and `carol` are others. */
export interface StandInUsers {
  alice: APIUser;
  bob: APIUser;
  carol: APIUser;
}

/** Everything that exists on the fake Discord when it starts. */
export interface StandInWorld {
  applicationId: string;
  botUser: APIUser;
  users: StandInUsers;
  /** The bot's first guild, as GUILD_CREATE sends it; more with the `guilds` option (see `guilds`). */
  guild: GatewayGuildCreateDispatchData;
  /** Every guild the bot is in, `guild` first; each reaches only its shard, `(id >> 22) % shard count`. */
  guilds: readonly GatewayGuildCreateDispatchData[];
  /** The guild's text channel where guild interactions happen. */
  channel: APITextChannel;
  /** A group DM of alice, bob and carol (used for user-installed-app interactions). */
  groupDm: APIGroupDMChannel;
}

/** A user object as Discord sends it. */
export function makeUser(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return {
    id,
    username,
    global_name: username[0]!.toUpperCase() + username.slice(1),
    discriminator: '0',
    avatar: null,
    ...extra,
  };
}

/** A guild member object for `user` (no roles beyond @everyone). */
export function makeMember(user: APIUser, joinedAt: string): APIGuildMember {
  return {
    user,
    roles: [],
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    nick: null,
    avatar: null,
    banner: null,
  };
}

/** Builds the starting world with fresh snowflakes. */
export function createWorld(newId: (atMs?: number) => string, guildCount = 1): StandInWorld {
  const applicationId = newId();
  const botUser = makeUser(applicationId, 'pk-companion', { bot: true, global_name: null });
  const users: StandInUsers = {
    alice: makeUser(newId(), 'alice'),
    bob: makeUser(newId(), 'bob'),
    carol: makeUser(newId(), 'carol'),
  };
  const now = new Date().toISOString();
  const guild = makeGuild(newId(), newId(), users.alice, [botUser, ...Object.values(users)], now, 'Stand-in Guild');
  const channel = guild.channels[0] as APITextChannel;
  const groupDm: APIGroupDMChannel = {
    id: newId(),
    type: ChannelType.GroupDM,
    name: null,
    icon: null,
    owner_id: users.bob.id,
    last_message_id: null,
    recipients: [users.alice, users.bob, users.carol],
    flags: 0 as ChannelFlags,
  };
  // Extra guilds are one millisecond apart, so consecutive ones fall on consecutive shards.
  const firstAt = Date.now() - guildCount;
  const more = Array.from({ length: guildCount - 1 }, (_, i) =>
    makeGuild(newId(firstAt + i), newId(), users.alice, [botUser, users.alice], now, `Stand-in Guild ${i + 2}`),
  );
  return { applicationId, botUser, users, guild, guilds: [guild, ...more], channel, groupDm };
}

/** The DM channel between the bot and `user`, as `POST /users/@me/channels` returns it. */
export function makeDmChannel(id: string, user: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, name: null, last_message_id: null, recipients: [user], flags: 0 as ChannelFlags };
}

/** A guild as GUILD_CREATE sends it: one text channel `general`, the @everyone role, and `members`. */
export function makeGuild(
  guildId: string,
  channelId: string,
  owner: APIUser,
  members: readonly APIUser[],
  joinedAt: string,
  name: string,
): GatewayGuildCreateDispatchData {
  const channel: APITextChannel = {
    id: channelId,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position: 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0 as ChannelFlags,
  };
  const everyone: APIRole = {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: '2248473465835073',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
  return {
    id: guildId,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: owner.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [everyone],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    region: 'us-west',
    joined_at: joinedAt,
    large: false,
    member_count: members.length,
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    unavailable: false,
    members: members.map((u) => makeMember(u, joinedAt)),
    channels: [channel],
  };
}
