import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type ModalMessageModalSubmitInteraction,
  type ModalComponentData,
  type RepliableInteraction,
} from 'discord.js';
import type { RenderedFile } from '../render/message.js';
import { showsOwnerViewPublicly, withPrivateInfoNote } from './owner-view.js';

/** A message body as renderers produce it (Discord API JSON). */
export interface ReplyBody {
  content?: string | undefined;
  embeds?: APIEmbed[] | undefined;
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[] | undefined;
  /** Attachments (charts); given on an edit, they replace the message's earlier ones. */
  files?: RenderedFile[] | undefined;
}

/** How the first answer to an interaction is made. */
export type ResponseMode =
  /** A new message (slash commands, context menus, modal submits). */
  | 'reply'
  /** Edit the message the component sits on (buttons, selects, and forms opened from a button). */
  | 'update';

/** Options for a {@link Responder}. */
export interface ResponderOptions {
  mode: ResponseMode;
  /** Whether the answer is visible only to the user. Decided up front: a deferral fixes it. */
  ephemeral: boolean;
  /** Defer if no answer was sent this long after the interaction arrived. @defaultValue 1200 */
  deferAfterMs?: number | undefined;
  /** Told once, with the milliseconds since this responder was made, when Discord accepted the first response. */
  onFirstResponse?: ((ms: number) => void) | undefined;
}

// Nothing we send should ping anyone, whatever a member's name or description contains.
const noMentions = { parse: [] } as const;

/**
 * The only way commands answer an interaction. It serialises every call, so a deferral started by the
 * timer and the command's own answer can never race into Discord's "already acknowledged" (40060), and it
 * defers by itself when PluralKit is slow, so the first response always lands inside Discord's 3 seconds.
 */
export class Responder {
  #chain: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #acknowledged = false;
  /** Something stands in for the answer ("thinking…" or a progress line) that the answer or an error replaces. */
  #provisional = false;
  #answered = false;
  readonly #createdAt = performance.now();
  #firstResponseTold = false;

  constructor(
    readonly interaction: RepliableInteraction,
    readonly options: ResponderOptions,
  ) {
    const delay = options.deferAfterMs ?? 1200;
    this.#timer = setTimeout(() => void this.#enqueue(() => this.#deferIfSilent()).catch(() => undefined), delay);
    this.#timer.unref();
  }

  /** True once anything was sent back to Discord for this interaction. */
  get acknowledged(): boolean {
    return this.#acknowledged;
  }

  /** Sends (or, after a deferral, edits in) the command's answer. */
  send(body: ReplyBody): Promise<void> {
    return this.#deliver(body, true);
  }

  /**
   * Shows (or edits) a progress line in place of the answer, e.g. while pages load. The answer, or an
   * error, later replaces it in the same message; callers keep edits rare (Discord rate-limits them).
   */
  progress(body: ReplyBody): Promise<void> {
    return this.#deliver(body, false);
  }

  #deliver(body: ReplyBody, final: boolean): Promise<void> {
    return this.#enqueue(async () => {
      this.#stopTimer();
      const noted =
        body.embeds && showsOwnerViewPublicly(this.interaction, this.options.ephemeral)
          ? { ...body, embeds: withPrivateInfoNote(body.embeds) }
          : body;
      const payload = { ...definedParts(noted), allowedMentions: noMentions };
      if (this.#acknowledged) {
        await this.interaction.editReply(payload);
      } else if (this.options.mode === 'update') {
        await (this.interaction as MessageComponentInteraction | ModalMessageModalSubmitInteraction).update(payload);
      } else {
        await this.interaction.reply({ ...payload, flags: this.#flags() } as InteractionReplyOptions);
      }
      this.#acknowledged = true;
      this.#answered = final;
      this.#provisional = !final;
    });
  }

  /** Sends a separate ephemeral note after the answer (e.g. "menu expired"). */
  note(content: string): Promise<void> {
    return this.#enqueue(async () => {
      this.#stopTimer();
      if (!this.#acknowledged) {
        await this.interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
        this.#acknowledged = true;
      } else {
        await this.interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noMentions });
      }
    });
  }

  /** Tells the user what went wrong, visible to them alone, whatever state the interaction is in. */
  error(content: string): Promise<void> {
    return this.#enqueue(async () => {
      this.#stopTimer();
      const body = { content, embeds: [], components: [], allowedMentions: noMentions };
      if (!this.#acknowledged) {
        await this.interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
        this.#acknowledged = true;
      } else if (this.#provisional && !this.#answered && this.options.ephemeral && this.options.mode === 'reply') {
        await this.interaction.editReply(body);
      } else {
        // A public "thinking…" would otherwise stay in the channel: remove it, then answer privately.
        if (this.#provisional && !this.#answered && this.options.mode === 'reply') await this.interaction.deleteReply();
        await this.interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
      }
      this.#answered = true;
    });
  }

  /** Opens a modal; only possible as the first response. */
  showModal(modal: ModalComponentData): Promise<void> {
    return this.#enqueue(async () => {
      this.#stopTimer();
      if (this.#acknowledged || !('showModal' in this.interaction)) {
        throw new Error('A modal can only be the first response to an interaction');
      }
      await this.interaction.showModal(modal);
      this.#acknowledged = true;
      this.#answered = true;
    });
  }

  /** Stops the deferral timer; call when the interaction is done with. */
  dispose(): void {
    this.#stopTimer();
  }

  async #deferIfSilent(): Promise<void> {
    if (this.#acknowledged) return;
    if (this.options.mode === 'update')
      await (this.interaction as MessageComponentInteraction | ModalMessageModalSubmitInteraction).deferUpdate();
    else await this.interaction.deferReply({ flags: this.#flags() });
    this.#acknowledged = true;
    this.#provisional = true;
  }

  #flags(): MessageFlags.Ephemeral | undefined {
    return this.options.ephemeral ? MessageFlags.Ephemeral : undefined;
  }

  #tellFirstResponse(): void {
    if (!this.#acknowledged || this.#firstResponseTold) return;
    this.#firstResponseTold = true;
    this.options.onFirstResponse?.(performance.now() - this.#createdAt);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(step).then(() => this.#tellFirstResponse());
    this.#chain = run.catch(() => undefined);
    return run;
  }
}

/** A file as discord.js uploads it (multipart `files[n]`, with its alt text in `attachments`). */
interface UploadFile {
  attachment: Buffer;
  name: string;
  description?: string;
}

/**
 * The body without keys set to `undefined` (discord.js reads an explicit key as "clear this part"), with
 * files as discord.js attachments.
 */
function definedParts(body: ReplyBody): {
  content?: string;
  embeds?: APIEmbed[];
  components?: NonNullable<ReplyBody['components']>;
  files?: UploadFile[];
} {
  const { files, ...rest } = body;
  const parts = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  if (files === undefined) return parts;
  return {
    ...parts,
    files: files.map(({ data, name, description }) => ({
      attachment: data,
      name,
      ...(description !== undefined && { description }),
    })),
  };
}
