import { Client, GatewayIntentBits, Options, Partials, type ClientOptions } from 'discord.js';

/** Options for {@link createDiscordClient}. */
export interface DiscordClientOptions {
  /** Discord REST base without the version; unset means real Discord. */
  apiUrl?: string | undefined;
  /** Extra discord.js options (tests pass a no-op identify throttler and `rest.retries`). */
  overrides?: Partial<ClientOptions> | undefined;
}

/** Users seen in interactions and DMs that stay cached; the bot reads each from the payload it came with. */
const CachedUsers = 1_000;

/**
 * The caches the bot keeps. It answers from each interaction's own payload and never looks anything up in
 * discord.js's caches, so messages, members, presences and the like are not kept at all, and users are bounded.
 */
export const boundedCaches = Options.cacheWithLimits({
  MessageManager: 0,
  GuildMemberManager: 0,
  ThreadMemberManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  UserManager: { maxSize: CachedUsers, keepOverLimit: (user) => user.id === user.client.user.id },
});

/**
 * The discord.js client the bot runs on. Interactions reach a bot whatever its intents, so the only intent it
 * asks for is direct messages (a token pasted in a DM links). Without the Guilds intent Discord sends no
 * GUILD_CREATE, so nothing about the servers the bot is in is held in memory. DM channels arrive uncached,
 * hence the Channel partial.
 */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  const { overrides = {} } = options;
  return new Client({
    intents: [GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    makeCache: boundedCaches,
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user.id },
    },
    ...overrides,
    rest: { ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }), ...overrides.rest },
  });
}
