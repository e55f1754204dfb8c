import { RESTEvents, type APIRequest } from '@discordjs/rest';
import { Events, type Client, type Interaction } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';

/**
 * Discord's deadline for the first response. Past it the token is dead, so the webhook request is answered by
 * then whatever the bot is still doing (a slow handler has deferred long before, see the router's `deferAfterMs`).
 */
export const FirstResponseWindowMs = 3_000;

/** discord.js's own handler for INTERACTION_CREATE dispatches (not in its typings, but its public behaviour). */
interface InteractionCreateAction {
  handle(data: APIInteraction): void;
}

/**
 * The one adapter between Discord's interaction webhooks and the bot: a verified webhook body is exactly the
 * `d` of an `INTERACTION_CREATE` dispatch, so it goes through discord.js's own InteractionCreate action on a
 * client that never connected to the gateway. That builds the same `Interaction` classes and emits the same
 * `interactionCreate` event the router already listens to, so commands, renderers and the responder are shared,
 * and deferring, follow-ups and edits go over REST with the interaction token exactly as they do for gateway
 * interactions (those routes need no bot token).
 *
 * The first response goes through the callback endpoint too (that is what discord.js's `reply`, `deferReply`,
 * `update`, `showModal` and `respond` do), rather than in the webhook's HTTP answer; Discord's docs then ask for
 * `202` with no body on the webhook. {@link WebhookInteractions.deliver} resolves once that callback has been
 * answered, so the 202 follows the callback and Discord never sees a webhook answered before the interaction.
 */
export class WebhookInteractions {
  readonly #waiting = new Map<string, () => void>();
  #applicationId: string | undefined;

  constructor(private readonly client: Client) {
    client.rest.on(RESTEvents.Response, (request: APIRequest) => {
      const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path)?.[1];
      if (id !== undefined) this.#waiting.get(id)?.();
    });
  }

  /** The application id the last webhook interaction was for; HTTP-only processes never get a READY. */
  get applicationId(): string | undefined {
    return this.#applicationId;
  }

  /**
   * Runs one verified interaction through the bot. Resolves true once its first response was answered (or the
   * 3 s window passed), false when discord.js does not build an interaction for it (an unknown type).
   */
  async deliver(data: APIInteraction): Promise<boolean> {
    this.#applicationId = data.application_id;
    let built = false;
    const seen = (interaction: Interaction): void => {
      if (interaction.id === data.id) built = true;
    };
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<void>((resolve) => {
      this.#waiting.set(data.id, resolve);
      timer = setTimeout(resolve, FirstResponseWindowMs);
    });
    this.client.prependListener(Events.InteractionCreate, seen);
    try {
      (
        this.client as unknown as { actions: { InteractionCreate: InteractionCreateAction } }
      ).actions.InteractionCreate.handle(data);
      this.client.off(Events.InteractionCreate, seen);
      if (built) await answered;
    } finally {
      this.client.off(Events.InteractionCreate, seen);
      clearTimeout(timer);
      this.#waiting.delete(data.id);
    }
    return built;
  }
}
