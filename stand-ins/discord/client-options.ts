import type { ClientOptions } from 'discord.js';

/**
 * The `Client` options that aim discord.js at a stand-in: `rest.api` (the only REST seam; the gateway URL comes
 * from `GET /gateway/bot`), and an identify throttler that does not wait the 5 s discord.js waits between
 * IDENTIFYs, so INVALID_SESSION tests stay fast. Spread it into the bot's own options.
 */
export function discordClientOptions(
  standIn: { apiBase: string },
  rest: Partial<NonNullable<ClientOptions['rest']>> = {},
): Pick<ClientOptions, 'rest' | 'ws'> {
  return {
    rest: { ...rest, api: standIn.apiBase },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  };
}
