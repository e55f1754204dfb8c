/**
 * A stand-in for one discord.js interaction object, for tests of the responder and the router: it has the
 * type guards and answer methods they call, records every answer, and keeps Discord's one rule about them
 * (one initial response; edits, follow-ups and deletes only after it), so answering twice fails the test.
 */
import {
  ApplicationCommandOptionType,
  InteractionType,
  MessageFlags,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';

/** Which kind of interaction to pretend to be. */
export type FakeKind =
  'chat' | 'user-menu' | 'message-menu' | 'button' | 'modal' | 'modal-from-message' | 'autocomplete';

/** One answer method called, with what it was given. */
export interface FakeCall {
  readonly method: AnswerMethod;
  readonly body: unknown;
}

const initialMethods = ['reply', 'deferReply', 'update', 'deferUpdate', 'showModal'] as const;
/** The answer methods the fake has. */
export type AnswerMethod = (typeof initialMethods)[number] | 'editReply' | 'followUp' | 'deleteReply' | 'respond';

/** What the interaction carries. */
export interface FakeInteractionOptions {
  readonly kind: FakeKind;
  readonly userId?: string;
  readonly commandName?: string;
  readonly customId?: string;
  /** String options of a command or autocomplete, by name. */
  readonly options?: Readonly<Record<string, string>>;
  /** Text fields of a form, by custom id. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The message a control sits on: whether it is ephemeral, and its embeds' footers. */
  readonly message?: { readonly ephemeral: boolean; readonly footers: readonly string[] };
}

let nextId = 1_300_000_000_000_000_000n;

/** A fake interaction; pass {@link FakeInteraction.interaction} to the code under test. */
export class FakeInteraction {
  readonly calls: FakeCall[] = [];
  readonly id = String(nextId++);
  readonly #options: FakeInteractionOptions;
  readonly #failures = new Map<AnswerMethod, Error[]>();
  readonly #gates = new Map<AnswerMethod, Promise<void>>();
  #acknowledged = false;
  #responded = false;

  constructor(options: FakeInteractionOptions) {
    this.#options = options;
  }

  /** The methods called, in order. */
  get methods(): AnswerMethod[] {
    return this.calls.map((call) => call.method);
  }

  /** The body of the only call to `method` (fails when there is not exactly one). */
  only(method: AnswerMethod): Record<string, unknown> {
    const matching = this.calls.filter((call) => call.method === method);
    if (matching.length !== 1)
      throw new Error(`expected one ${method}, got ${matching.length} (${this.methods.join(', ')})`);
    return matching[0]!.body as Record<string, unknown>;
  }

  /** Makes the next call to `method` reject with `error` (it counts as not sent). */
  failNext(method: AnswerMethod, error: Error): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /** Holds calls to `method` until the returned function is called, as a slow Discord would. */
  hold(method: AnswerMethod): () => void {
    let release!: () => void;
    this.#gates.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.#gates.delete(method);
      release();
    };
  }

  /** The object the responder and router are given. */
  get interaction(): RepliableInteraction & Interaction {
    const o = this.#options;
    const kind = o.kind;
    const command = kind === 'chat' || kind === 'user-menu' || kind === 'message-menu';
    const fromMessage = kind === 'button' || kind === 'modal-from-message';
    const answer = (method: AnswerMethod) => (body?: unknown) => this.#answer(method, body);
    const self = {
      id: this.id,
      type: typeOf(kind),
      user: { id: o.userId ?? '200000000000000001', username: 'caller' },
      commandName: o.commandName,
      customId: o.customId,
      options: {
        data: Object.entries(o.options ?? {}).map(([name, value]) => ({
          name,
          type: ApplicationCommandOptionType.String,
          value,
        })),
      },
      fields: {
        fields: new Map(Object.entries(o.fields ?? {}).map(([customId, value]) => [customId, { customId, value }])),
      },
      message: fromMessage
        ? {
            flags: { has: (flag: MessageFlags) => (o.message?.ephemeral ?? true) && flag === MessageFlags.Ephemeral },
            embeds: (o.message?.footers ?? []).map((text) => ({ footer: { text } })),
          }
        : null,
      get responded() {
        return responded();
      },
      isAutocomplete: () => kind === 'autocomplete',
      isChatInputCommand: () => kind === 'chat',
      isCommand: () => command,
      isContextMenuCommand: () => kind === 'user-menu' || kind === 'message-menu',
      isUserContextMenuCommand: () => kind === 'user-menu',
      isMessageContextMenuCommand: () => kind === 'message-menu',
      isMessageComponent: () => kind === 'button',
      isButton: () => kind === 'button',
      isModalSubmit: () => kind === 'modal' || kind === 'modal-from-message',
      isFromMessage: () => kind === 'modal-from-message',
      isRepliable: () => kind !== 'autocomplete',
      reply: answer('reply'),
      deferReply: answer('deferReply'),
      editReply: answer('editReply'),
      followUp: answer('followUp'),
      deleteReply: answer('deleteReply'),
      showModal: answer('showModal'),
      respond: answer('respond'),
      ...(fromMessage && { update: answer('update'), deferUpdate: answer('deferUpdate') }),
    };
    const responded = () => this.#responded;
    return self as unknown as RepliableInteraction & Interaction;
  }

  async #answer(method: AnswerMethod, body: unknown): Promise<void> {
    this.calls.push({ method, body });
    await this.#gates.get(method);
    const failure = this.#failures.get(method)?.shift();
    if (failure !== undefined) throw failure;
    if (method === 'respond') {
      if (this.#responded) throw new Error('autocomplete answered twice');
      this.#responded = true;
    } else if ((initialMethods as readonly string[]).includes(method)) {
      // Discord's 40060, which discord.js raises before sending as InteractionAlreadyReplied.
      if (this.#acknowledged) throw new Error(`${method} after the interaction was already acknowledged`);
      this.#acknowledged = true;
    } else if (!this.#acknowledged) {
      throw new Error(`${method} before the interaction was acknowledged`);
    }
  }
}

function typeOf(kind: FakeKind): InteractionType {
  if (kind === 'autocomplete') return InteractionType.ApplicationCommandAutocomplete;
  if (kind === 'button') return InteractionType.MessageComponent;
  if (kind === 'modal' || kind === 'modal-from-message') return InteractionType.ModalSubmit;
  return InteractionType.ApplicationCommand;
}
