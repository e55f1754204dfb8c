import { shelvedSessions, type SessionShelf, type SessionStore, type SessionStoreOptions } from './sessions.js';

/** Bounds on what the in-memory store keeps; past either, the oldest sessions expire first. */
export interface SessionLimits {
  /** @defaultValue 10_000 */
  maxSessions?: number | undefined;
  /** Size of all kept sessions together (UTF-16 bytes of their JSON). @defaultValue 64 MiB */
  maxBytes?: number | undefined;
}

/** Sessions kept in this process alone, with how much they take (for tests and metrics). */
export interface MemorySessionStore extends SessionStore {
  /** Number of live sessions. */
  readonly size: number;
  /** Bytes of all live sessions. */
  readonly bytes: number;
}

const defaultLimits = { maxSessions: 10_000, maxBytes: 64 * 1024 * 1024 };

interface Entry {
  text: string;
  expiresAt: number;
}

/**
 * Sessions in this process only: without a shared Redis, a click reaching another process (or this one after
 * a restart) answers "expired". Bounded in count and bytes: sessions live in creation order (every one has the
 * same lifetime, and a save keeps its place), so the oldest is always first, and expiring or evicting costs
 * O(1) per session.
 */
export function memorySessions(options: SessionStoreOptions & SessionLimits = {}): MemorySessionStore {
  const now = options.now ?? Date.now;
  const maxSessions = options.maxSessions ?? defaultLimits.maxSessions;
  const maxBytes = options.maxBytes ?? defaultLimits.maxBytes;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (id: string): void => {
    const entry = entries.get(id);
    if (entry === undefined) return;
    bytes -= 2 * entry.text.length;
    entries.delete(id);
  };
  // Drops expired sessions and, past a limit, the oldest: all from the front of the map.
  const trim = (): void => {
    const at = now();
    for (const [id, entry] of entries) {
      const over = entries.size > maxSessions || (bytes > maxBytes && entries.size > 1);
      if (!over && entry.expiresAt > at) break;
      remove(id);
    }
  };
  const put = (id: string, entry: Entry): void => {
    bytes += 2 * entry.text.length - 2 * (entries.get(id)?.text.length ?? 0);
    entries.set(id, entry);
    trim();
  };
  const shelf: SessionShelf = {
    add: (id, text, expiresAt) => Promise.resolve(put(id, { text, expiresAt })),
    replace(id, text) {
      const kept = entries.get(id);
      if (kept !== undefined) put(id, { text, expiresAt: kept.expiresAt });
      return Promise.resolve();
    },
    read(id) {
      trim();
      return Promise.resolve(entries.get(id)?.text);
    },
  };
  const store = shelvedSessions(shelf, options);
  return {
    forCommand: (command) => store.forCommand(command),
    create: (ownerId, state) => store.create(ownerId, state),
    get: (id) => store.get(id),
    save: (session) => store.save(session),
    get size() {
      trim();
      return entries.size;
    },
    get bytes() {
      trim();
      return bytes;
    },
  };
}
