import { inspect } from 'node:util';
import { z } from 'zod';

/** The PluralKit system a token was checked against when it was linked. */
export interface LinkedSystem {
  readonly id: string;
  readonly uuid: string;
  readonly name: string | null;
}

/**
 * A user's link as opened from the vault. It holds the plaintext token only while the caller uses it; the object
 * prints and serialises (`JSON.stringify`, pino, `console.log`) with the token redacted, so logging a whole
 * account cannot leak it.
 */
export class LinkedAccount {
  constructor(
    /** The PluralKit token. Pass it to the PluralKit client; never log, echo or cache it. */
    readonly token: string,
    /** The system's short id at link time. */
    readonly systemId: string,
    /** The system's UUID (stable, unlike short ids). */
    readonly systemUuid: string,
    /** The system's name at link time, or `null` when it has none or hides it. */
    readonly systemName: string | null,
    /** When the user linked the token. */
    readonly linkedAt: Date,
  ) {}

  /** The account without its token, for logs and JSON. */
  toJSON(): RedactedAccount {
    return {
      token: '[redacted]',
      systemId: this.systemId,
      systemUuid: this.systemUuid,
      systemName: this.systemName,
      linkedAt: this.linkedAt,
    };
  }

  [inspect.custom](): string {
    return `LinkedAccount ${inspect(this.toJSON())}`;
  }
}

/** How a {@link LinkedAccount} looks in logs and JSON. */
export interface RedactedAccount {
  readonly token: '[redacted]';
  readonly systemId: string;
  readonly systemUuid: string;
  readonly systemName: string | null;
  readonly linkedAt: Date;
}

const payloadSchema = z.object({
  token: z.string().min(1),
  systemId: z.string(),
  systemUuid: z.string(),
  systemName: z.string().nullable(),
  linkedAt: z.iso.datetime(),
});

/** The plaintext that gets sealed: the token and what we knew about its system when it was linked. */
export function encodeAccount(token: string, system: LinkedSystem, linkedAt: Date): string {
  return JSON.stringify({
    token,
    systemId: system.id,
    systemUuid: system.uuid,
    systemName: system.name,
    linkedAt: linkedAt.toISOString(),
  } satisfies z.input<typeof payloadSchema>);
}

/** Reads what {@link encodeAccount} wrote; `undefined` when the plaintext is not such a payload. */
export function decodeAccount(plaintext: string): LinkedAccount | undefined {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { token, systemId, systemUuid, systemName, linkedAt } = parsed.data;
  return new LinkedAccount(token, systemId, systemUuid, systemName, new Date(linkedAt));
}
