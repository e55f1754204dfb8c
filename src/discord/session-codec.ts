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

/** Brings back the Maps and Dates {@link replace} tagged, walking objects only (a reviver would visit every string too). */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object') value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record.$date === 'number') return new Date(record.$date);
  if (keys.length === 1 && Array.isArray(record.$map)) return new Map(revive(record.$map) as [unknown, unknown][]);
  for (const key of keys) if (typeof record[key] === 'object') record[key] = revive(record[key]);
  return record;
}

/** A session as the text a store keeps: JSON, with its Maps and Dates tagged so they come back as they were. */
export function encodeSession(session: Session<unknown>): string {
  const stored: StoredSession = { o: session.ownerId, c: session.command, e: session.expiresAt, s: session.state };
  return JSON.stringify(stored, replace);
}

/** The session `text` holds under `id`, or `undefined` when it is not one (a foreign or damaged value). */
export function decodeSession(id: string, text: string): Session<unknown> | undefined {
  try {
    const stored = revive(JSON.parse(text)) as Partial<StoredSession> | null;
    if (stored === null || typeof stored.o !== 'string' || typeof stored.e !== 'number') return undefined;
    const command = typeof stored.c === 'string' ? stored.c : undefined;
    return { id, ownerId: stored.o, expiresAt: stored.e, command, state: stored.s };
  } catch {
    return undefined;
  }
}
