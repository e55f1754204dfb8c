import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApplicationFlags, APIInteraction } from 'discord-api-types/v10';
import { sharedBodyValidator } from './body-validation.js';
import { ChangeSignal } from './change-signal.js';
import { FaultInjector } from './faults.js';
import type { DiscordStandIn, DiscordStandInOptions } from './stand-in-types.js';
import { FakeGateway } from './gateway.js';
import { createDispatchers } from './gateway-dispatch.js';
import { isOnShard } from './shards.js';
import { createGuildAdmin } from './guild-admin.js';
import { createInteractionBuilders } from './interaction-builders.js';
import { createHandle, DEFAULT_WAIT_MS, newInteractionRecord, type InteractionHandle } from './interaction-state.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limits.js';
import { handleRestRequest } from './rest-server.js';
import { createSnowflakeFactory } from './snowflake.js';
import { StandInState } from './stand-in-state.js';
import { createWorld } from './world.js';
import { WebhookEndpoint } from './webhook-mode.js';
import { rememberSecret } from '../secret-ledger.js';

export type { InteractionHandle, InteractionRecord, InteractionResponse } from './interaction-state.js';
export type { InteractionContextOptions, InteractionWhere } from './interaction-context.js';
export type { GuildAdmin, OverwriteInput, RoleInput } from './guild-admin.js';
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

export type { DiscordStandIn, DiscordStandInOptions, StandInGateway } from './stand-in-types.js';

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
    ...createGuildAdmin(world, () => newId()),
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
