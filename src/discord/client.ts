import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';

/** Options for {@link createDiscordClient}. */
export interface DiscordClientOptions {
  /** Discord REST base without the version; unset means real Discord. */
  apiUrl?: string | undefined;
  /** Extra discord.js options (tests pass a no-op identify throttler and `rest.retries`). */
  overrides?: Partial<ClientOptions> | undefined;
  /** Only the DirectMessages intent: the DM-linking gateway process beside HTTP interaction replicas. */
  directMessagesOnly?: boolean | undefined;
}

/**
 * The discord.js client the bot runs on. It needs only guild events (to be in servers) and direct
 * messages (so a token pasted in a DM links); DM channels arrive uncached, hence the Channel partial.
 * Interactions arrive whatever the intents, so a DM-only process still answers them while they come over the gateway.
 */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  const { overrides = {} } = options;
  return new Client({
    intents: options.directMessagesOnly
      ? [GatewayIntentBits.DirectMessages]
      : [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...overrides,
    rest: { ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }), ...overrides.rest },
  });
}
