import { randomBytes } from 'node:crypto';
import { encodeCustomId } from './custom-id.js';

/** One interactive message's state: who may use its controls, and until when. */
export interface Session<State> {
  readonly id: string;
  readonly ownerId: string;
  readonly expiresAt: number;
  /** The command whose controls may use it; a control of another command naming it is not valid. */
  readonly command: string | undefined;
  state: State;
}

/** How long buttons and menus keep working: the life of the interaction token that can edit them. */
export const DefaultSessionTtlMs = 14 * 60_000;

/** Bounds on what the store keeps; past either, the oldest sessions expire first. */
export interface SessionLimits {
  /** @defaultValue 10_000 */
  maxSessions?: number | undefined;
  /** Estimated size of all states together (UTF-16 bytes of their JSON). @defaultValue 64 MiB */
  maxBytes?: number | undefined;
}

const defaultLimits = { maxSessions: 10_000, maxBytes: 64 * 1024 * 1024 };
/** What an unmeasurable state (a cycle, a bigint) is counted as. */
const unmeasuredBytes = 64 * 1024;

interface Entry {
  session: Session<unknown>;
  bytes: number;
}

/** The storage every command's view of the store shares. */
class Shelf {
  readonly entries = new Map<string, Entry>();
  bytes = 0;

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.bytes -= entry.bytes;
    this.entries.delete(id);
  }
}

function sizeOf(state: unknown): number {
  try {
    return 2 * (JSON.stringify(state)?.length ?? 0);
  } catch {
    return unmeasuredBytes;
  }
}

/**
 * Short-lived state behind buttons and selects, so custom ids stay short. Components of a message are
 * delivered to the shard that owns its guild or DM, so a per-process store is enough; a restart simply
 * makes old menus answer "expired". Bounded in count and bytes: sessions live in creation order (every one
 * has the same lifetime), so the oldest is always first, and expiring or evicting costs O(1) per session.
 */
export class SessionStore {
  readonly #limits: Required<{ [K in keyof SessionLimits]: number }>;
  #shelf = new Shelf();
  #command: string | undefined;

  constructor(
    private readonly ttlMs: number = DefaultSessionTtlMs,
    private readonly now: () => number = Date.now,
    limits: SessionLimits = {},
  ) {
    this.#limits = {
      maxSessions: limits.maxSessions ?? defaultLimits.maxSessions,
      maxBytes: limits.maxBytes ?? defaultLimits.maxBytes,
    };
  }

  /** The same store, whose new sessions belong to `command` (the router hands each command its own). */
  forCommand(command: string): SessionStore {
    const scoped = new SessionStore(this.ttlMs, this.now, this.#limits);
    scoped.#shelf = this.#shelf;
    scoped.#command = command;
    return scoped;
  }

  /** Starts a session owned by `ownerId` and returns it; the oldest sessions expire if the store is full. */
  create<State>(ownerId: string, state: State): Session<State> {
    const session: Session<State> = {
      id: randomBytes(6).toString('base64url'),
      ownerId,
      expiresAt: this.now() + this.ttlMs,
      command: this.#command,
      state,
    };
    const bytes = sizeOf(state);
    this.#shelf.entries.set(session.id, { session, bytes });
    this.#shelf.bytes += bytes;
    this.#trim();
    return session;
  }

  /** The live session with that id, or `undefined` when it expired, was evicted or never existed. */
  get<State>(id: string): Session<State> | undefined {
    this.#trim();
    const entry = this.#shelf.entries.get(id);
    if (entry === undefined) return undefined;
    // States grow as pages load: count what the last click added.
    const bytes = sizeOf(entry.session.state);
    this.#shelf.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    return entry.session as Session<State>;
  }

  /** Number of live sessions (for tests and metrics). */
  get size(): number {
    this.#trim();
    return this.#shelf.entries.size;
  }

  /** Estimated bytes of all live states (for tests and metrics). */
  get bytes(): number {
    this.#trim();
    return this.#shelf.bytes;
  }

  /** Drops expired sessions and, past a limit, the oldest: all from the front of the map. */
  #trim(): void {
    const now = this.now();
    const { maxSessions, maxBytes } = this.#limits;
    const shelf = this.#shelf;
    for (const [id, { session }] of shelf.entries) {
      const over = shelf.entries.size > maxSessions || (shelf.bytes > maxBytes && shelf.entries.size > 1);
      if (!over && session.expiresAt > now) break;
      shelf.delete(id);
    }
  }
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
  create(store: SessionStore, ownerId: string, state: State): Session<State>;
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
