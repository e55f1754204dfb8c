import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  ApplicationFlags,
  APIDMChannel,
  APIInteraction,
  APIMessage,
  APIUser,
} from 'discord-api-types/v10';
import { sharedBodyValidator } from './body-validation.js';
import { ChangeSignal } from './change-signal.js';
import { FaultInjector } from './faults.js';
import { FakeGateway, type GatewayEvent } from './gateway.js';
import { createDispatchers } from './gateway-dispatch.js';
import { isOnShard } from './shards.js';
import { createInteractionBuilders, type InteractionBuilders } from './interaction-builders.js';
import { createHandle, DEFAULT_WAIT_MS, newInteractionRecord, type InteractionHandle } from './interaction-state.js';
import type { MessageState } from './messages.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limits.js';
import { handleRestRequest } from './rest-server.js';
import { createSnowflakeFactory } from './snowflake.js';
import { StandInState, type RecordedRequest, type RejectedBody } from './stand-in-state.js';
import { createWorld, type StandInWorld } from './world.js';
import { WebhookEndpoint, type WebhookSigner } from './webhook-mode.js';
import { rememberSecret } from '../secret-ledger.js';

export type { InteractionHandle, InteractionRecord, InteractionResponse } from './interaction-state.js';
export type { InteractionContextOptions, InteractionWhere } from './interaction-context.js';
export type { MessageState, UploadedFile } from './messages.js';
export type { RecordedRequest, RejectedBody } from './stand-in-state.js';
export type { FaultRule, FaultTarget, RateLimitFault } from './faults.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { GatewayEvent } from './gateway.js';
export type { RouteName } from './routes.js';
export type { ValidationIssue } from './validation-errors.js';
export { StandInTimeoutError } from './change-signal.js';
export { ImpossibleClickError } from './component-clicks.js';
export { discordClientOptions } from './client-options.js';
export { postedMessage, type PostedMessage } from './message-payload.js';
export { pingEndpoint, type WebhookSigner } from './webhook-mode.js';

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
export interface DiscordStandIn extends InteractionBuilders, StandInWorld {
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

/** Starts the stand-in on 127.0.0.1 with a free port. */
export async function startDiscordStandIn(options: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
  const newId = createSnowflakeFactory();
  const world = createWorld((atMs) => newId(atMs), options.guilds ?? 1);
  const botToken = options.botToken ?? 'stand-in-bot-token';
  rememberSecret(botToken);
  const state = new StandInState(world, () => newId(), options.interactionWindowMs ?? 3_000, options.now);
  const signal = new ChangeSignal();
  const notify = (): void => signal.notify();
  const faults = new FaultInjector();
  const validator = options.validateBodies === false ? null : sharedBodyValidator();
  const limiter =
    options.rateLimits === false ? null : new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMIT, () => state.now());
  const gateway = new FakeGateway({
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    botToken,
    onChange: notify,
    privilegedIntents: options.privilegedIntents ?? 0,
    ready: (sessionId, resumeUrl, shard) => ({
      v: 10,
      user: world.botUser,
      guilds: world.guilds.filter((g) => isOnShard(g.id, shard)).map((g) => ({ id: g.id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: resumeUrl,
      shard: [...shard],
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    }),
    guildCreates: (shard) => world.guilds.filter((g) => isOnShard(g.id, shard)),
  });
  const server = createServer((req, res) => {
    handleRestRequest(req, res, {
      state,
      faults,
      validator,
      limiter,
      botToken,
      gatewayUrl: () => gateway.url,
      sessionStarts: () => gateway.identifyCount,
      sharding: { shards: options.shards ?? 1, maxConcurrency: options.maxConcurrency ?? 1 },
      notify,
    }).catch((error: unknown) => {
      if (!res.headersSent)
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gateway.url = `ws://127.0.0.1:${port}`;

  const wait = <T>(probe: () => T | undefined, timeoutMs = DEFAULT_WAIT_MS, what = 'a condition'): Promise<T> =>
    signal.waitFor(probe, timeoutMs, () => `Timed out after ${timeoutMs} ms waiting for ${what}`);
  const waitForReady = (timeoutMs = 10_000): Promise<void> =>
    wait(() => (gateway.isReady ? true : undefined), timeoutMs, 'a ready gateway connection').then(() => undefined);
  const builders = createInteractionBuilders({
    world,
    newId: () => newId(),
    directory: { botDm: (u) => state.botDm(u), userDm: (a, b) => state.userDm(a, b) },
    findCommand: (name, type) =>
      [...state.guildCommands.values()]
        .flat()
        .concat(state.globalCommands)
        .find((c) => c.name === name && c.type === type),
    storedMessage: (id) => state.messages.get(id),
    modalShower: (customId) => [...state.interactions.values()].findLast((r) => r.modal?.custom_id === customId),
  });

  const { dispatchInteraction, directMessage } = createDispatchers({
    state,
    gateway,
    signal,
    newId: () => newId(),
    notify,
    waitForShard: (guildId) =>
      wait(() => (gateway.isReadyFor(guildId) ? true : undefined), 10_000, 'a ready gateway connection').then(
        () => undefined,
      ),
  });
  const webhook = new WebhookEndpoint(() => state.now());
  // With an Interactions Endpoint URL set, Discord posts interactions there instead of the gateway.
  const dispatch = (payload: APIInteraction): InteractionHandle => {
    if (webhook.url === null) return dispatchInteraction(payload);
    const record = newInteractionRecord(payload);
    state.interactions.set(payload.id, record);
    record.sentAt = state.now();
    const sent = webhook.deliver(record, `http://127.0.0.1:${port}/api/v10`).finally(notify);
    return createHandle(record, signal, sent);
  };

  return {
    ...world,
    ...builders,
    apiBase: `http://127.0.0.1:${port}/api`,
    botToken,
    faults,
    requests: state.requests,
    unknownRoutes: state.unknownRoutes,
    rejectedBodies: state.rejectedBodies,
    get invalidRequests() {
      return state.invalidRequests;
    },
    commands: {
      get global() {
        return state.globalCommands;
      },
      guild: (id = world.guild.id) => state.guildCommands.get(id) ?? [],
    },
    gateway: {
      get url() {
        return gateway.url;
      },
      get events() {
        return gateway.events;
      },
      get isReady() {
        return gateway.isReady;
      },
      get intents() {
        return gateway.intentsFor(undefined);
      },
      get readyShards() {
        return gateway.readyShards;
      },
      get identifyCount() {
        return gateway.identifyCount;
      },
      waitForReady,
      withholdHeartbeatAcks: (count) => gateway.withholdHeartbeatAcks(count),
      requestReconnect: () => gateway.requestReconnect(),
      invalidateSession: (r) => gateway.invalidateSession(r),
      dropConnections: () => gateway.dropConnections(),
      closeConnections: (code, reason) => gateway.closeConnections(code, reason),
    },
    dispatchInteraction: dispatch,
    signer: webhook.signer,
    setInteractionsEndpoint: (url) => {
      webhook.url = url;
    },
    refusedWebhookAnswers: webhook.refused,
    directMessage,
    channelMessages: (id) => state.messagesIn(id),
    dmChannel: (user) => state.botDm(user),
    waitForDm: (user, predicate = () => true, timeoutMs) =>
      wait(
        () => state.messagesIn(state.botDm(user).id).find((m) => m.author.id === world.botUser.id && predicate(m)),
        timeoutMs,
        `a DM from the bot to ${user.username}`,
      ),
    waitFor: wait,
    closeDms: (user) => state.closedDms.add(user.id),
    setInteractionWindow: (ms) => {
      state.interactionWindowMs = ms;
    },
    advanceClock: (ms) => {
      state.clockOffsetMs += ms;
    },
    async close() {
      signal.cancelAll('The Discord stand-in was closed');
      await gateway.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
