import { randomBytes } from 'node:crypto';

/** One interactive message's state: who may use its controls, and until when. */
export interface Session<State> {
  readonly id: string;
  readonly ownerId: string;
  readonly expiresAt: number;
  state: State;
}

/** How long buttons and menus keep working: the life of the interaction token that can edit them. */
export const DefaultSessionTtlMs = 14 * 60_000;

/**
 * Short-lived state behind buttons and selects, so custom ids stay short. Components of a message are
 * delivered to the shard that owns its guild or DM, so a per-process store is enough; a restart simply
 * makes old menus answer "expired".
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session<unknown>>();

  constructor(
    private readonly ttlMs: number = DefaultSessionTtlMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session owned by `ownerId` and returns it. */
  create<State>(ownerId: string, state: State): Session<State> {
    this.#sweep();
    const session: Session<State> = {
      id: randomBytes(6).toString('base64url'),
      ownerId,
      expiresAt: this.now() + this.ttlMs,
      state,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with that id, or `undefined` when it expired or never existed. */
  get<State>(id: string): Session<State> | undefined {
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session as Session<State>;
  }

  /** Number of live sessions (for tests and metrics). */
  get size(): number {
    this.#sweep();
    return this.#sessions.size;
  }

  #sweep(): void {
    const now = this.now();
    for (const [id, session] of this.#sessions) if (session.expiresAt <= now) this.#sessions.delete(id);
  }
}
