import {
  ChannelType,
  GatewayIntentBits,
  MessageType,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  type GatewayMessageCreateDispatchData,
} from 'discord-api-types/v10';
import type { ChangeSignal } from './change-signal.js';
import type { FakeGateway } from './gateway.js';
import { createHandle, newInteractionRecord, type InteractionHandle } from './interaction-state.js';
import { createMessageState, toApiMessage } from './messages.js';
import type { StandInState } from './stand-in-state.js';

/** What the dispatchers need from the rest of the stand-in. */
export interface DispatchDeps {
  state: StandInState;
  gateway: FakeGateway;
  signal: ChangeSignal;
  newId(): string;
  notify(): void;
  /** Resolves once the shard that gets events for `guildId` (undefined: DMs, shard 0) is ready. */
  waitForShard(guildId: string | undefined): Promise<void>;
}

/** Sends INTERACTION_CREATE and DM MESSAGE_CREATE events to the shard Discord would send them to. */
export function createDispatchers(deps: DispatchDeps): {
  dispatchInteraction: (payload: APIInteraction) => InteractionHandle;
  directMessage: (user: APIUser, content: string) => Promise<{ message: APIMessage; delivered: boolean }>;
} {
  const { state, gateway } = deps;
  const dispatchInteraction = (payload: APIInteraction): InteractionHandle => {
    const record = newInteractionRecord(payload);
    state.interactions.set(payload.id, record);
    // An interaction in a guild goes to that guild's shard; one outside a guild (DMs, group DMs) to shard 0.
    const sent = deps.waitForShard(payload.guild_id).then(() => {
      record.sentAt = state.now();
      if (!gateway.dispatch('INTERACTION_CREATE', payload, payload.guild_id))
        throw new Error('The gateway connection went away before dispatch');
    });
    sent.catch((error: unknown) => record.problems.push(`never dispatched: ${String(error)}`));
    return createHandle(record, deps.signal, sent);
  };

  const directMessage = async (user: APIUser, content: string) => {
    await deps.waitForShard(undefined);
    const channel = state.botDm(user);
    const stateMessage = createMessageState(
      { id: deps.newId(), channelId: channel.id, author: user, type: MessageType.Default },
      { content },
      [],
      () => deps.newId(),
    );
    state.messagesIn(channel.id).push(state.storeMessage(stateMessage));
    const message = toApiMessage(stateMessage, null);
    // DMs reach shard 0 only, and only a session that asked for the DirectMessages intent.
    const delivered =
      (gateway.intentsFor(undefined) & GatewayIntentBits.DirectMessages) !== 0 &&
      gateway.dispatch('MESSAGE_CREATE', {
        ...message,
        mentions: [],
        channel_type: ChannelType.DM,
      } satisfies GatewayMessageCreateDispatchData);
    deps.notify();
    return { message, delivered };
  };
  return { dispatchInteraction, directMessage };
}
