import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { VaultConfigError } from './errors.js';

/** Length of an AES-256 key in bytes. */
export const KeyLength = 32;

/** One sealing key and the id stored next to everything it seals. */
export interface KeyringKey {
  /** First 8 hex characters of the SHA-256 of the key: names the key without revealing it. */
  readonly id: string;
  /** The key material, wrapped so it does not print or serialise. */
  readonly key: KeyObject;
}

/** Derives the id of a key: the first 8 hex characters of its SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function toKeyringKey(
  key: Buffer,
  variable: 'TOKEN_ENCRYPTION_KEY' | 'TOKEN_ENCRYPTION_KEYS_PREVIOUS',
  position?: number,
): KeyringKey {
  if (key.length !== KeyLength) {
    const which = position === undefined ? '' : ` (entry ${position + 1})`;
    throw new VaultConfigError(
      variable,
      `must be ${KeyLength} bytes encoded as base64${which}, e.g. from \`openssl rand -base64 32\``,
    );
  }
  return { id: keyIdOf(key), key: createSecretKey(Buffer.from(key)) };
}

/**
 * The keys that seal linked tokens: one current key that seals everything new, and previous keys that still open
 * records sealed before a rotation. Errors name the environment variable, never a key.
 */
export class Keyring {
  /** The key new records are sealed under. */
  readonly current: KeyringKey;
  readonly #byId: ReadonlyMap<string, KeyringKey>;

  /**
   * @param current - the `TOKEN_ENCRYPTION_KEY` bytes.
   * @param previous - the `TOKEN_ENCRYPTION_KEYS_PREVIOUS` bytes, newest first; a copy of the current key is ignored.
   * @throws {VaultConfigError} when a key is not 32 bytes.
   */
  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.current = toKeyringKey(current, 'TOKEN_ENCRYPTION_KEY');
    const byId = new Map([[this.current.id, this.current]]);
    previous.forEach((key, position) => {
      const entry = toKeyringKey(key, 'TOKEN_ENCRYPTION_KEYS_PREVIOUS', position);
      if (!byId.has(entry.id)) byId.set(entry.id, entry);
    });
    this.#byId = byId;
  }

  /**
   * Builds the keyring from `Config.tokenKeys`.
   * @throws {VaultConfigError} naming `TOKEN_ENCRYPTION_KEY` when it is missing, or the variable holding a bad key.
   */
  static fromConfig(tokenKeys: {
    readonly current: Buffer | undefined;
    readonly previous: readonly Buffer[];
  }): Keyring {
    if (tokenKeys.current === undefined) {
      throw new VaultConfigError('TOKEN_ENCRYPTION_KEY', 'required to keep linked tokens sealed (32 bytes, base64)');
    }
    return new Keyring(tokenKeys.current, tokenKeys.previous);
  }

  /** Ids of every key that can open records, current first. */
  get ids(): readonly string[] {
    return [...this.#byId.keys()];
  }

  /** The key with this id, if the keyring holds it. */
  find(id: string): KeyringKey | undefined {
    return this.#byId.get(id);
  }

  /** True when `id` names the current key, so a record under it needs no re-sealing. */
  isCurrent(id: string): boolean {
    return id === this.current.id;
  }
}
