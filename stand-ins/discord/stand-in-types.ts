import type { APIApplicationCommand, APIDMChannel, APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import type { FaultInjector } from './faults.js';
import type { GatewayEvent } from './gateway.js';
import type { GuildAdmin } from './guild-admin.js';
import type { InteractionBuilders } from './interaction-builders.js';
import type { InteractionHandle } from './interaction-state.js';
import type { MessageState } from './messages.js';
import type { RateLimitOptions } from './rate-limits.js';
import type { RecordedRequest, RejectedBody } from './stand-in-state.js';
import type { WebhookSigner } from './webhook-mode.js';
import type { StandInWorld } from './world.js';

/** Options of `startDiscordStandIn`. */
export interface DiscordStandInOptions {
  /** HELLO's heartbeat interval. @defaultValue 41_250 (Discord's); tests use ~200 so heartbeats really happen. */
  heartbeatIntervalMs?: number;
  /** Time from dispatch within which the first callback must arrive. @defaultValue 3_000 (Discord's) */
  interactionWindowMs?: number;
  /** The token the bot must log in with. @defaultValue 'stand-in-bot-token' */
  botToken?: string;
  /** Validate request bodies against Discord's OpenAPI schemas and limits. @defaultValue true */
  validateBodies?: boolean;
  /** The clock interaction times and the 15-minute token lifetime are measured on. @defaultValue Date.now */
  now?: () => number;
  /** Per-route buckets sent as X-RateLimit-* headers and enforced with 429; false turns them off. @defaultValue 5 per 1 s */
  rateLimits?: RateLimitOptions | false;
  /** Privileged intents enabled for the app (a bitfield); any other one in IDENTIFY closes with 4014. @defaultValue 0 */
  privilegedIntents?: number;
  /** How many guilds the bot is in (`world.guilds`), spread over shards by id. @defaultValue 1 */
  guilds?: number;
  /** The shard count `GET /gateway/bot` recommends. @defaultValue 1 */
  shards?: number;
  /** `session_start_limit.max_concurrency`: IDENTIFYs that may start together. @defaultValue 1 */
  maxConcurrency?: number;
}

/** Gateway controls for fault tests. */
export interface StandInGateway {
  readonly url: string;
  readonly events: GatewayEvent[];
  readonly isReady: boolean;
  /** Intents the bot identified with (on shard 0, which gets DMs). */
  readonly intents: number;
  /** `[id, count]` of every ready shard connection. */
  readonly readyShards: readonly (readonly [number, number])[];
  /** Accepted IDENTIFYs so far (each is a session start; a RESUME is not). */
  readonly identifyCount: number;
  /** Leaves the next `count` heartbeats unacknowledged (default: all until called with 0). */
  withholdHeartbeatAcks(count?: number): void;
  /** Resolves when a connection has finished READY/RESUMED. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** op 7 RECONNECT → the client resumes. */
  requestReconnect(): void;
  /** op 9 INVALID_SESSION → resume (`true`) or a fresh IDENTIFY (`false`). */
  invalidateSession(resumable?: boolean): void;
  /** Network drop (no close frame). */
  dropConnections(): void;
  /** Close with a gateway close code (4000 resumable, 4004 auth failed, 4014 disallowed intents, …). */
  closeConnections(code: number, reason?: string): void;
}

/** A running Discord stand-in: REST under `apiBase` and the gateway on the same port. */
export interface DiscordStandIn extends InteractionBuilders, GuildAdmin, StandInWorld {
  /** `http://127.0.0.1:PORT/api` — give it to discord.js as `rest.api`. */
  readonly apiBase: string;
  readonly botToken: string;
  readonly requests: RecordedRequest[];
  /** Requests to routes the stand-in does not know (404 `{"message":"404: Not Found","code":0}`). */
  readonly unknownRoutes: RecordedRequest[];
  /** Requests refused with 50035/50006 because of their body, with the reasons. */
  readonly rejectedBodies: RejectedBody[];
  /** Requests Discord counts toward its invalid-request limit (401, 403, non-shared 429). */
  readonly invalidRequests: RecordedRequest[];
  readonly commands: { readonly global: APIApplicationCommand[]; guild(guildId?: string): APIApplicationCommand[] };
  readonly gateway: StandInGateway;
  readonly faults: FaultInjector;
  /**
   * Sends INTERACTION_CREATE (once a gateway connection is ready) and tracks what the bot does with it; with an
   * Interactions Endpoint URL set, POSTs it there, signed, instead (Discord uses one or the other, never both).
   */
  dispatchInteraction(payload: APIInteraction): InteractionHandle;
  /** The application's webhook key pair: give `signer.publicKey` to the bot as `DISCORD_PUBLIC_KEY`. */
  readonly signer: WebhookSigner;
  /** Sets (or with null clears) the Interactions Endpoint URL, e.g. `http://127.0.0.1:PORT/interactions`. */
  setInteractionsEndpoint(url: string | null): void;
  /** Webhook answers Discord would refuse (wrong status, a 202 with no callback, a second first response). */
  readonly refusedWebhookAnswers: string[];
  /** A user writes `content` in their DM with the bot: MESSAGE_CREATE, only if the bot has the DirectMessages intent. */
  directMessage(user: APIUser, content: string): Promise<{ message: APIMessage; delivered: boolean }>;
  /** Messages in a channel (bot-created and received DMs), oldest first. */
  channelMessages(channelId: string): MessageState[];
  /** The bot's DM channel with `user`, once one exists. */
  dmChannel(user: APIUser): APIDMChannel;
  /** Waits until a message from the bot appears in `user`'s DM (e.g. a token warning). */
  waitForDm(user: APIUser, predicate?: (m: MessageState) => boolean, timeoutMs?: number): Promise<MessageState>;
  /** Generic wait on any stand-in state; re-checked after every request and gateway change. */
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number, what?: string): Promise<T>;
  /** Makes `user` refuse DMs from the bot (POST message → 403 50007). */
  closeDms(user: APIUser): void;
  setInteractionWindow(ms: number): void;
  /** Moves the stand-in's clock forward (e.g. past the 15-minute interaction token lifetime). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}
