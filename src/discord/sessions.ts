import { randomBytes } from 'node:crypto';
import { encodeCustomId } from './custom-id.js';
import { decodeSession, encodeSession } from './session-codec.js';

/** One interactive message's state: who may use its controls, and until when. */
export interface Session<State> {
  readonly id: string;
  readonly ownerId: string;
  readonly expiresAt: number;
  /** The command whose controls may use it; a control of another command naming it is not valid. */
  readonly command: string | undefined;
  /** Changes to it last only once the session is saved ({@link SessionStore.save}). */
  state: State;
}

/** How long buttons and menus keep working: the life of the interaction token that can edit them. */
export const DefaultSessionTtlMs = 14 * 60_000;

/**
 * Short-lived state behind buttons and selects, so custom ids stay short. Every read is a copy of what was
 * saved, wherever it was saved: in this process ({@link memorySessions}) or in the shared Redis, where any
 * process can answer the next click. Sessions hold no token (a stored own target is looked up on every click).
 */
export interface SessionStore {
  /** The same store, whose new sessions belong to `command` (the router hands each command its own). */
  forCommand(command: string): SessionStore;
  /** Starts and saves a session owned by `ownerId`. @throws {UserFacingError} `SessionsUnavailable` */
  create<State>(ownerId: string, state: State): Promise<Session<State>>;
  /** The live session with that id, or `undefined` when it expired, was evicted or never existed. */
  get<State>(id: string): Promise<Session<State> | undefined>;
  /** Keeps the session's current state for its remaining life (nothing, once it expired or was evicted). */
  save(session: Session<unknown>): Promise<void>;
}

/** Where a {@link SessionStore} keeps encoded sessions. */
export interface SessionShelf {
  /** Keeps a new session's text until `expiresAt` (epoch ms). */
  add(id: string, text: string, expiresAt: number): Promise<void>;
  /** Replaces the text of a session still kept, leaving its expiry alone; a session gone stays gone. */
  replace(id: string, text: string): Promise<void>;
  /** The text kept under `id`, if any. */
  read(id: string): Promise<string | undefined>;
}

/** Options shared by every session store. */
export interface SessionStoreOptions {
  /** @defaultValue {@link DefaultSessionTtlMs} */
  ttlMs?: number | undefined;
  now?: (() => number) | undefined;
}

/** A {@link SessionStore} over `shelf`: ids, expiry, command scoping and encoding are the same for every shelf. */
export function shelvedSessions(shelf: SessionShelf, options: SessionStoreOptions = {}): SessionStore {
  const ttlMs = options.ttlMs ?? DefaultSessionTtlMs;
  const now = options.now ?? Date.now;
  const scoped = (command: string | undefined): SessionStore => ({
    forCommand: (name) => scoped(name),
    async create<State>(ownerId: string, state: State) {
      const session: Session<State> = {
        id: randomBytes(6).toString('base64url'),
        ownerId,
        expiresAt: now() + ttlMs,
        command,
        state,
      };
      await shelf.add(session.id, encodeSession(session), session.expiresAt);
      return session;
    },
    async get<State>(id: string) {
      const text = await shelf.read(id);
      const session = text === undefined ? undefined : decodeSession(id, text);
      if (session === undefined || session.expiresAt <= now()) return undefined;
      return session as Session<State>;
    },
    async save(session) {
      if (session.expiresAt > now()) await shelf.replace(session.id, encodeSession(session));
    },
  });
  return scoped(undefined);
}

/** Custom ids of one session's controls and forms: they route back to its command and name the session. */
export interface SessionControls {
  customId(action: string, arg?: string): string;
  /** A modal's custom id; forms use the same format as buttons. */
  formId(action: string, arg?: string): string;
}

/** One command's sessions, whose state type travels with the command name in every custom id. */
export interface SessionKind<State> {
  readonly command: string;
  /** Starts a session of this command owned by `ownerId`. */
  create(store: SessionStore, ownerId: string, state: State): Promise<Session<State>>;
  /**
   * The session a routed control carries (the router has checked its command and owner), or `undefined`
   * for a control that names none: leaving it unanswered lets the router say it is not valid.
   */
  of(session: Session<unknown> | undefined): Session<State> | undefined;
  /** The controls and forms of `session`. */
  controls(session: Session<State>): SessionControls;
}

/**
 * The typed sessions of `command`. Each command's store (see `SessionStore.forCommand`) only ever holds
 * states this command made, and the router refuses a control naming another command's session, so the
 * one cast here is the only one.
 */
export function defineSessions<State>(command: string): SessionKind<State> {
  return {
    command,
    create: (store, ownerId, state) => store.create(ownerId, state),
    of: (session) => (session?.command === command ? (session as Session<State>) : undefined),
    controls: (session) => {
      const customId = (action: string, arg?: string): string =>
        encodeCustomId({ command, action, session: session.id, ...(arg !== undefined && { arg }) });
      return { customId, formId: customId };
    },
  };
}
