import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const Ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** Turns the application's public key (64 hex characters, as the Developer Portal shows it) into a key object. */
export function ed25519PublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32 || !/^[0-9a-f]{64}$/i.test(hex)) throw new Error('expected 32 bytes as 64 hex characters');
  return createPublicKey({ key: Buffer.concat([Ed25519SpkiPrefix, raw]), format: 'der', type: 'spki' });
}

/**
 * Checks Discord's interaction signature: Ed25519 over the `X-Signature-Timestamp` header followed by the raw
 * body, against the application's public key. Any malformed input is simply not a valid signature.
 */
export function verifyInteractionSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (signatureHex === undefined || timestamp === undefined || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
