import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions, type Interaction } from 'discord.js';
import { discordClientOptions } from './client-options.js';
import type { DiscordStandIn } from './index.js';

/** A logged-in discord.js client whose interaction handler a test can swap, with handler errors collected. */
export interface TestClient {
  client: Client<true>;
  /** Replace what happens on `interactionCreate`. */
  onInteraction(handler: (interaction: Interaction) => Promise<unknown>): void;
  /** Errors thrown by handlers (DiscordAPIError etc.), oldest first. */
  errors: unknown[];
  destroy(): Promise<void>;
}

/**
 * Logs a real, unmodified discord.js client into the stand-in and waits for `clientReady`.
 * `clientReady` is awaited from before `login()` because login may resolve after the event fired.
 */
export async function connectTestClient(
  standIn: DiscordStandIn,
  extra: Partial<ClientOptions> = {},
): Promise<TestClient> {
  const base = discordClientOptions(standIn, extra.rest ?? {});
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    ...extra,
    ...base,
  });
  const errors: unknown[] = [];
  let handler: (interaction: Interaction) => Promise<unknown> = () => Promise.resolve();
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => errors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.botToken);
  await ready;
  return {
    client: client as Client<true>,
    errors,
    onInteraction: (next) => {
      handler = next;
    },
    destroy: () => client.destroy(),
  };
}
