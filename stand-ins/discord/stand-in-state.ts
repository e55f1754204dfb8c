import type {
  APIApplicationCommand,
  APIDMChannel,
  APIModalInteractionResponseCallbackData,
  APIUser,
} from 'discord-api-types/v10';
import type { StoredMessage } from './component-clicks.js';
import type { InteractionRecord } from './interaction-state.js';
import type { MessageState, UploadedFile } from './messages.js';
import type { RouteName } from './routes.js';
import type { ValidationIssue } from './validation-errors.js';
import { makeDmChannel, type StandInWorld } from './world.js';

/** One HTTP request as the stand-in saw it (the Authorization header is never kept). */
export interface RecordedRequest {
  method: string;
  /** Percent-decoded path, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  route: RouteName | null;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  headers: Record<string, string>;
  status: number;
  response: unknown;
  /** The answer's headers (rate-limit headers among them). */
  responseHeaders: Record<string, string>;
  /** Unix ms when the request arrived. */
  at: number;
}

/** A request whose body Discord would have refused, with the reasons (print `issues` in a failing test). */
export interface RejectedBody {
  request: RecordedRequest;
  issues: ValidationIssue[];
}

/** Mutable state shared by the REST handlers, the gateway and the test helpers. */
export class StandInState {
  readonly requests: RecordedRequest[] = [];
  readonly unknownRoutes: RecordedRequest[] = [];
  readonly rejectedBodies: RejectedBody[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly channelMessages = new Map<string, MessageState[]>();
  /** Every message by id, as it is now: clicks are built from it and updates (6/7) change it. */
  readonly messages = new Map<string, StoredMessage>();
  readonly modalsShown: APIModalInteractionResponseCallbackData[] = [];
  /** Users whose privacy settings refuse DMs from the bot (POST message → 403 50007). */
  readonly closedDms = new Set<string>();
  readonly #botDms = new Map<string, APIDMChannel>();
  readonly #userDms = new Map<string, { id: string }>();
  interactionWindowMs: number;
  /** Added to the clock: lets a test jump past the 15-minute token lifetime without waiting. */
  clockOffsetMs = 0;

  constructor(
    readonly world: StandInWorld,
    readonly newId: () => string,
    interactionWindowMs: number,
    readonly baseClock: () => number = Date.now,
  ) {
    this.interactionWindowMs = interactionWindowMs;
  }

  /** The stand-in's time in Unix ms: interaction times and token lifetimes are measured on it. */
  now(): number {
    return this.baseClock() + this.clockOffsetMs;
  }

  /**
   * Requests Discord counts as invalid (401, 403, and 429 other than `shared` scope); 10,000 of them in 10
   * minutes get an IP banned (developers/topics/rate-limits, "Invalid Request Limit").
   */
  get invalidRequests(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.status === 401 ||
        r.status === 403 ||
        (r.status === 429 && r.responseHeaders['x-ratelimit-scope'] !== 'shared'),
    );
  }

  /** Every user the stand-in knows, the bot included. */
  get knownUsers(): APIUser[] {
    return [this.world.botUser, ...Object.values(this.world.users)];
  }

  /** The bot's DM channel with `user`, created on first use (same id every time, as on Discord). */
  botDm(user: APIUser): APIDMChannel {
    let channel = this.#botDms.get(user.id);
    if (!channel) {
      channel = makeDmChannel(this.newId(), user);
      this.#botDms.set(user.id, channel);
    }
    return channel;
  }

  /** Existing bot DM channel by channel id. */
  findBotDm(channelId: string): APIDMChannel | undefined {
    return [...this.#botDms.values()].find((c) => c.id === channelId);
  }

  /** A DM between two people (not the bot), for user-installed-app interactions. */
  userDm(a: APIUser, b: APIUser): { id: string } {
    const key = [a.id, b.id].sort().join(':');
    let channel = this.#userDms.get(key);
    if (!channel) {
      channel = { id: this.newId() };
      this.#userDms.set(key, channel);
    }
    return channel;
  }

  /** The interaction whose webhook token this is. */
  interactionByToken(token: string): InteractionRecord | undefined {
    return [...this.interactions.values()].find((r) => r.payload.token === token);
  }

  /** Puts a new message into the store; `viewerId` is the only user who sees it (ephemeral), else null. */
  storeMessage(message: MessageState, viewerId: string | null = null): MessageState {
    this.messages.set(message.id, { message, viewerId: message.ephemeral ? viewerId : null });
    return message;
  }

  /** Messages in a channel (bot-created and DMs received), oldest first. */
  messagesIn(channelId: string): MessageState[] {
    let list = this.channelMessages.get(channelId);
    if (!list) {
      list = [];
      this.channelMessages.set(channelId, list);
    }
    return list;
  }
}
