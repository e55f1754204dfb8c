import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring, KeyringKey } from './keyring.js';

/**
 * A sealed value as it is stored: AES-256-GCM ciphertext with its 12-byte IV and 16-byte tag (all base64), the id
 * of the key that sealed it, and the format version. The associated data (e.g. the Discord user id) is not
 * stored; it must be supplied again to open the record.
 */
export interface SealedRecord {
  readonly v: 1;
  readonly kid: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** Why a record could not be opened. None of these carry key or plaintext material. */
export type OpenFailure = 'malformed' | 'unknown-key' | 'tampered';

/** Raised by {@link openSealed} when a record does not open. */
export class SealError extends Error {
  override readonly name = 'SealError';
  constructor(readonly reason: OpenFailure) {
    super(`Sealed record did not open: ${reason}`);
  }
}

const IvLength = 12;
const TagLength = 16;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when `value` has the shape of a {@link SealedRecord} (it says nothing about whether it opens). */
export function isSealedRecord(value: unknown): value is SealedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.v === 1 &&
    typeof record.kid === 'string' &&
    [record.iv, record.tag, record.data].every((field) => typeof field === 'string' && base64.test(field))
  );
}

/**
 * Seals `plaintext` under `key` with AES-256-GCM and a fresh random 12-byte IV, binding it to `associatedData`
 * so the record only opens with that same data (for tokens: the owner's Discord user id).
 */
export function seal(key: KeyringKey, plaintext: string, associatedData: string): SealedRecord {
  const iv = randomBytes(IvLength);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TagLength });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    kid: key.id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/**
 * Opens a record sealed by {@link seal} with whichever keyring key its `kid` names.
 * @throws {SealError} `malformed` (not a record), `unknown-key` (no such key in the keyring) or `tampered`
 * (ciphertext, tag, IV or associated data do not match).
 */
export function openSealed(keyring: Keyring, record: unknown, associatedData: string): string {
  if (!isSealedRecord(record)) throw new SealError('malformed');
  const key = keyring.find(record.kid);
  if (key === undefined) throw new SealError('unknown-key');
  const iv = Buffer.from(record.iv, 'base64');
  const tag = Buffer.from(record.tag, 'base64');
  if (iv.length !== IvLength || tag.length !== TagLength) throw new SealError('malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TagLength });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(record.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('tampered');
  }
}

/**
 * Seals secrets that are not PluralKit tokens (dispatch signing tokens) with the vault's keyring, for callers
 * that keep the sealed record in their own store. Each record is bound to its `associatedData`.
 */
export class SecretSeal {
  constructor(private readonly keyring: Keyring) {}

  /** Seals `plaintext` under the current key, bound to `associatedData`. */
  seal(plaintext: string, associatedData: string): SealedRecord {
    return seal(this.keyring.current, plaintext, associatedData);
  }

  /**
   * Opens a record made by {@link seal} with the same `associatedData`.
   * @throws {SealError} when it does not open (malformed, unknown key, tampered or another record's data).
   */
  open(record: unknown, associatedData: string): string {
    return openSealed(this.keyring, record, associatedData);
  }
}
