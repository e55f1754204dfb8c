import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
  UserContextMenuCommandInteraction,
} from 'discord.js';
import type { Accounts } from '../accounts.js';
import type { Logger } from '../log.js';
import type { PluralKitClient } from '../pluralkit/index.js';
import type { LiveHooks } from '../live/hooks.js';
import type { SettingsStore } from '../settings/store.js';
import type { CustomId } from './custom-id.js';
import type { Responder, ResponseMode } from './responder.js';
import type { Session, SessionStore } from './sessions.js';

/** What every handler receives: the services, wired once in `src/app.ts`. */
export interface CommandContext {
  readonly pluralkit: PluralKitClient;
  readonly accounts: Accounts;
  readonly sessions: SessionStore;
  /** What the bot keeps besides tokens (live hooks, announcement channels, reminders, front-sync choices). */
  readonly settings: SettingsStore;
  /** Users' PluralKit dispatch hooks (`/live`), and the public URL they live under. */
  readonly live: LiveHooks;
  readonly log: Logger;
  /** Facts about the running bot that some commands show (invite link, command list). */
  readonly bot: BotInfo;
  /** The clock; tests and the preview may fix it. */
  readonly now: () => Date;
}

/** Facts about the running bot. */
export interface BotInfo {
  /** The application id, known once the client is ready. */
  applicationId(): string | undefined;
  /** Every registered command's definition, for `/help`. */
  readonly commands: readonly RESTPostAPIApplicationCommandsJSONBody[];
  /** The headings of `/help` with the command names under each (see `commandSections`). */
  readonly helpSections: readonly { readonly title: string; readonly names: readonly string[] }[];
}

/** How a command's first answer is made: public or ephemeral, decided before any slow work. */
export interface Visibility {
  ephemeral: boolean;
  mode?: ResponseMode | undefined;
}

/** Handlers receive the interaction, a responder that owns the reply, and the context. */
export interface Invocation<I> {
  readonly interaction: I;
  readonly respond: Responder;
  readonly ctx: CommandContext;
}

/** A component or modal interaction routed back to the command that made it. */
export interface ComponentInvocation<I> extends Invocation<I> {
  readonly id: CustomId;
  /** The session the control belongs to; the router has already checked the user owns it. */
  readonly session: Session<unknown> | undefined;
}

/** One application command: its definition and its handlers. Commands stay thin; logic lives in `src/`. */
export interface Command {
  /** The definition sent to Discord (slash command or context menu). */
  readonly data: RESTPostAPIApplicationCommandsJSONBody;
  /** Decides whether the answer is ephemeral before the command runs (so an early deferral matches). */
  visibility?(
    interaction: ChatInputCommandInteraction | UserContextMenuCommandInteraction | MessageContextMenuCommandInteraction,
  ): Visibility;
  execute?(invocation: Invocation<ChatInputCommandInteraction>): Promise<void>;
  user?(invocation: Invocation<UserContextMenuCommandInteraction>): Promise<void>;
  message?(invocation: Invocation<MessageContextMenuCommandInteraction>): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  component?(invocation: ComponentInvocation<MessageComponentInteraction>): Promise<void>;
  modal?(invocation: ComponentInvocation<ModalSubmitInteraction>): Promise<void>;
}
