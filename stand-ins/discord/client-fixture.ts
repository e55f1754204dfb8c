import type {
  ApplicationCommandDataResolvable,
  ChatInputCommandInteraction,
  ClientOptions,
  Interaction,
} from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from './index.js';
import { connectTestClient, type TestClient } from './test-client.js';

/** Two commands the client tests register: `/front [system]` (autocomplete) and `/switch log minutes`. */
export const sampleCommands: ApplicationCommandDataResolvable[] = [
  {
    name: 'front',
    description: 'Show who is fronting',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'system', description: 'System id', autocomplete: true },
    ],
  },
  {
    name: 'switch',
    description: 'Switches',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'log',
        description: 'Log a switch',
        options: [
          { type: ApplicationCommandOptionType.Integer, name: 'minutes', description: 'Minutes ago', required: true },
        ],
      },
    ],
  },
];

/** A handler that only answers chat-input commands. */
export function chat(
  handler: (i: ChatInputCommandInteraction) => Promise<unknown>,
): (i: Interaction) => Promise<unknown> {
  return async (i) => (i.isChatInputCommand() ? handler(i) : undefined);
}

/** The stand-in and a logged-in client of one test file, started before its tests and closed after. */
export interface StandInClient {
  readonly standIn: DiscordStandIn;
  readonly bot: TestClient;
}

/** Options of {@link useStandInClient}. */
export interface StandInClientOptions {
  /** Commands registered before the tests: `true` for the {@link sampleCommands}. @defaultValue none */
  register?: boolean | ApplicationCommandDataResolvable[];
  /** Extra discord.js options of the client (e.g. `rest.retries`). */
  client?: Partial<ClientOptions>;
}

/**
 * Starts a Discord stand-in and logs a real discord.js client into it for the tests of one file, registering
 * the commands asked for. Read the fields inside tests, not at import.
 */
export function useStandInClient(options: StandInClientOptions = {}): StandInClient {
  const world = {} as { standIn: DiscordStandIn; bot: TestClient };
  const commands = options.register === true ? sampleCommands : options.register || [];
  beforeAll(async () => {
    world.standIn = await startDiscordStandIn({ heartbeatIntervalMs: 200 });
    world.bot = await connectTestClient(world.standIn, options.client);
    if (commands.length > 0) await world.bot.client.application.commands.set(commands);
  });
  afterAll(async () => {
    await world.bot.destroy();
    await world.standIn.close();
  });
  return world;
}
