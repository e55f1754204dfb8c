import type { Session } from './sessions.js';

/** A session as it is kept: everything but its id, which is where it is kept. */
interface StoredSession {
  o: string;
  c: string | undefined;
  e: number;
  s: unknown;
}

// States hold Maps (id → name) and Dates (a pending move); JSON alone would turn both into plain objects.
function replace(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: raw.getTime() };
  if (raw instanceof Map) return { $map: [...(raw as Map<unknown, unknown>).entries()] };
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const tagged = value as { $date?: unknown; $map?: unknown };
  if (typeof tagged.$date === 'number' && Object.keys(value).length === 1) return new Date(tagged.$date);
  if (Array.isArray(tagged.$map) && Object.keys(value).length === 1)
    return new Map(tagged.$map as [unknown, unknown][]);
  return value;
}

/** A session as the text a store keeps: JSON, with its Maps and Dates tagged so they come back as they were. */
export function encodeSession(session: Session<unknown>): string {
  const stored: StoredSession = { o: session.ownerId, c: session.command, e: session.expiresAt, s: session.state };
  return JSON.stringify(stored, replace);
}

/** The session `text` holds under `id`, or `undefined` when it is not one (a foreign or damaged value). */
export function decodeSession(id: string, text: string): Session<unknown> | undefined {
  try {
    const stored = JSON.parse(text, revive) as Partial<StoredSession> | null;
    if (stored === null || typeof stored.o !== 'string' || typeof stored.e !== 'number') return undefined;
    const command = typeof stored.c === 'string' ? stored.c : undefined;
    return { id, ownerId: stored.o, expiresAt: stored.e, command, state: stored.s };
  } catch {
    return undefined;
  }
}
