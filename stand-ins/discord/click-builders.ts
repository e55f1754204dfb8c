import {
  ComponentType,
  InteractionType,
  type APIInteraction,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIModalInteractionResponseCallbackData,
  type APIModalSubmitInteraction,
} from 'discord-api-types/v10';
import { assertPossibleClick, ImpossibleClickError, type ClickIntent, type StoredMessage } from './component-clicks.js';
import { newInteractionToken, type InteractionBase, type InteractionContextOptions } from './interaction-context.js';
import type { InteractionRecord } from './interaction-state.js';
import { toApiMessage, type MessageState } from './messages.js';
import type { StandInWorld } from './world.js';

type Message = MessageState | APIMessage;
const asApi = (m: Message, appId: string): APIMessage =>
  'editCount' in m ? toApiMessage(m, m.interactionId === null ? null : appId) : m;

/** What the click builders need from the running stand-in. */
export interface ClickBuilderDeps {
  world: StandInWorld;
  newId(): string;
  base(ctx?: InteractionContextOptions): InteractionBase;
  /** The stored message with this id, as it is now. */
  storedMessage(id: string): StoredMessage | undefined;
  /** The last interaction the bot answered with a modal of this custom id. */
  modalShower(customId: string): InteractionRecord | undefined;
}

/** Options of {@link ClickBuilders.forgeClick}. */
export interface ForgedClick {
  componentType?: ComponentType;
  values?: string[];
}

function textInputIds(modal: APIModalInteractionResponseCallbackData): string[] {
  return modal.components.flatMap((c) => {
    if (c.type === ComponentType.Label) return [(c.component as { custom_id: string }).custom_id];
    if (c.type === ComponentType.ActionRow) return c.components.map((t) => t.custom_id);
    return [];
  });
}

function submittedComponents(
  modal: APIModalInteractionResponseCallbackData,
  fields: Record<string, string>,
): unknown[] {
  return modal.components.flatMap((c): unknown[] => {
    if (c.type === ComponentType.Label) {
      const inner = c.component as { type: ComponentType; custom_id: string };
      return [
        {
          type: ComponentType.Label,
          component: { type: inner.type, custom_id: inner.custom_id, value: fields[inner.custom_id] ?? '' },
        },
      ];
    }
    if (c.type === ComponentType.ActionRow) {
      return [
        {
          type: ComponentType.ActionRow,
          components: c.components.map((t) => ({
            type: ComponentType.TextInput,
            custom_id: t.custom_id,
            value: fields[t.custom_id] ?? '',
          })),
        },
      ];
    }
    return [];
  });
}

/** The fields of the interaction that showed a modal which its submit carries over: who, where, which app install. */
function contextOf(payload: APIInteraction): Omit<InteractionBase, 'id' | 'token'> {
  const { id: _id, token: _token, type: _type, data: _data, message: _message, ...context } = payload;
  return context as Omit<InteractionBase, 'id' | 'token'>;
}

/** Builders for component clicks and modal submits that only make what a real user could do on Discord. */
export function createClickBuilders(deps: ClickBuilderDeps) {
  const appId = deps.world.applicationId;
  const click = (
    intent: ClickIntent,
    message: Message,
    ctx?: InteractionContextOptions,
  ): APIMessageComponentInteraction => {
    const base = deps.base(ctx);
    const stored = deps.storedMessage(message.id);
    assertPossibleClick(stored, message.id, intent, base.member?.user ?? base.user!);
    const data = {
      custom_id: intent.customId,
      component_type: intent.componentType,
      ...(intent.values ? { values: intent.values } : {}),
    };
    return {
      ...base,
      type: InteractionType.MessageComponent,
      message: asApi(stored!.message, appId),
      data,
    } as APIMessageComponentInteraction;
  };
  return {
    /** A click on button `customId` of the stored message with `message`'s id, as it is now (refused if no user could click it). */
    button(customId: string, message: Message, ctx?: InteractionContextOptions): APIMessageComponentInteraction {
      return click({ customId, componentType: ComponentType.Button }, message, ctx);
    },
    /** A choice in string select `customId` of the stored message, as it is now (values must be among its options). */
    select(
      customId: string,
      values: string[],
      message: Message,
      ctx?: InteractionContextOptions,
    ): APIMessageComponentInteraction {
      return click({ customId, componentType: ComponentType.StringSelect, values }, message, ctx);
    },
    /**
     * Escape hatch: a click that no Discord client would send (a hand-made custom id, an old snapshot, a control
     * that is gone or disabled), built from `message` exactly as given. Only for tests about such clicks.
     */
    forgeClick(
      customId: string,
      message: Message,
      ctx?: InteractionContextOptions,
      forged: ForgedClick = {},
    ): APIMessageComponentInteraction {
      const componentType = forged.componentType ?? (forged.values ? ComponentType.StringSelect : ComponentType.Button);
      return {
        ...deps.base(ctx),
        type: InteractionType.MessageComponent,
        message: asApi(message, appId),
        data: {
          custom_id: customId,
          component_type: componentType,
          ...(forged.values ? { values: forged.values } : {}),
        },
      } as APIMessageComponentInteraction;
    },
    /**
     * Escape hatch: a modal submit no Discord client would send (a modal the bot never showed, or one for a
     * session that is gone), its fields as text inputs. Only for tests about such submits.
     */
    forgeModalSubmit(
      customId: string,
      fields: Record<string, string>,
      ctx?: InteractionContextOptions,
      from?: Message,
    ): APIModalSubmitInteraction {
      const components = Object.entries(fields).map(([id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: id, value }],
      }));
      return {
        ...deps.base(ctx),
        type: InteractionType.ModalSubmit,
        data: { custom_id: customId, components },
        ...(from ? { message: asApi(from, appId) } : {}),
      } as APIModalSubmitInteraction;
    },
    /**
     * Submits modal `customId`, taken from the interaction that showed it: same user and place, the message it
     * was opened from as it is now, and the modal's own layout. Refused for a modal never shown, another user,
     * another message, or a field the modal does not have.
     */
    modalSubmit(
      customId: string,
      fields: Record<string, string>,
      ctx?: InteractionContextOptions,
      from?: Message,
    ): APIModalSubmitInteraction {
      const shower = deps.modalShower(customId);
      const refuse = (why: string): never => {
        throw new ImpossibleClickError(`Impossible submit of modal ${customId}: ${why}`);
      };
      if (shower?.modal === undefined) return refuse('the bot never showed a modal with that custom id');
      const context = contextOf(shower.payload);
      const shownTo = context.member?.user ?? context.user;
      if (ctx?.user && ctx.user.id !== shownTo?.id) refuse(`it was shown to ${shownTo?.id}, not ${ctx.user.id}`);
      const sourceId = shower.payload.message?.id;
      if (from && from.id !== sourceId) refuse(`it was opened from message ${sourceId ?? '(none)'}, not ${from.id}`);
      const unknown = Object.keys(fields).filter((id) => !textInputIds(shower.modal!).includes(id));
      if (unknown.length > 0) refuse(`it has no input ${JSON.stringify(unknown)}`);
      const source = sourceId === undefined ? undefined : deps.storedMessage(sourceId)?.message;
      return {
        ...context,
        id: deps.newId(),
        token: newInteractionToken(),
        type: InteractionType.ModalSubmit,
        data: { custom_id: customId, components: submittedComponents(shower.modal, fields) },
        ...(source ? { message: asApi(source, appId) } : {}),
      } as APIModalSubmitInteraction;
    },
  };
}
