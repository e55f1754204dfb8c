import { Events, type Client } from 'discord.js';
import { UserErrorMessages } from '../errors.js';
import type { Logger } from '../log.js';
import { withRequestId } from '../request-id.js';
import type { CommandContext } from './command.js';
import { handleDirectMessage } from './dm-link.js';
import type { InFlight } from './in-flight.js';
import type { createRouter } from './router.js';

/**
 * What the bot does with discord.js's events: interactions go to the router (from the gateway or from a
 * webhook, which both end in `interactionCreate`), DMs to linking, errors and disconnects to the log. While
 * draining, a DM is answered "restarting" instead of being handled.
 */
export function handleClientEvents(
  client: Client,
  parts: { router: ReturnType<typeof createRouter>; inFlight: InFlight; ctx: CommandContext; log: Logger },
): void {
  const { router, inFlight, ctx, log } = parts;
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => {
    const restarting = () =>
      message.reply({ content: UserErrorMessages.Restarting(), allowedMentions: { parse: [] } }).then(() => undefined);
    const reply =
      inFlight.draining && !message.author.bot && !message.inGuild()
        ? restarting
        : () => handleDirectMessage(message, ctx);
    void withRequestId(message.id, () =>
      inFlight.run(() =>
        reply().catch((error: unknown) => log.warn({ err: error, user: message.author.id }, 'could not answer a DM')),
      ),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
}
