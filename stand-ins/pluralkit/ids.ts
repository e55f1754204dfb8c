/**
 * Deterministic id generation, so a seeded stand-in has the same short ids and UUIDs on every run.
 */

import { rememberSecret } from '../secret-ledger.js';

/** Alphabet of PluralKit's 6-character short ids (no d, i, l, m, q). */
export const SIX_LETTER_ALPHABET = 'abcefghjknoprstuvwxyz';
const LEGACY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A small seeded PRNG (mulberry32): fast and reproducible, not for secrets. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick() needs a non-empty array');
    return item;
  }

  /** `count` pseudo-random bytes. */
  bytes(count: number): Buffer {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i++) out[i] = this.int(256);
    return out;
  }
}

/** Makes short ids, UUIDs, tokens and snowflakes from one {@link SeededRandom}. */
export class IdFactory {
  constructor(private readonly random: SeededRandom) {}

  /**
   * A fresh short id: 6 letters from {@link SIX_LETTER_ALPHABET}, or a legacy 5-letter `a-z` one.
   * @param isTaken - returns true for ids already in use (they are skipped)
   */
  shortId(length: 5 | 6, isTaken: (id: string) => boolean): string {
    const alphabet = length === 6 ? SIX_LETTER_ALPHABET : LEGACY_ALPHABET;
    for (;;) {
      let id = '';
      for (let i = 0; i < length; i++) id += alphabet[this.random.int(alphabet.length)];
      if (!isTaken(id)) return id;
    }
  }

  /** A lowercase, hyphenated version-4 UUID. */
  uuid(): string {
    const bytes = this.random.bytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** A legacy system token: standard base64 of 48 bytes, 64 characters (may contain `+` and `/`). */
  legacyToken(): string {
    const token = this.random.bytes(48).toString('base64');
    rememberSecret(token);
    return token;
  }

  /** A `pkapi:<base64 JSON>:<signature>` key shaped like the unmerged modern API keys. */
  apiKey(systemUuid: string, scopes: readonly string[] = ['write:all']): string {
    const claims = { tid: this.uuid(), sid: systemUuid, type: 'user_created', scopes };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64');
    const key = `pkapi:${payload}:${this.random.bytes(64).toString('base64url')}`;
    rememberSecret(key);
    return key;
  }

  /** A Discord snowflake whose timestamp is `ms`. */
  snowflake(ms: number): string {
    const low = BigInt(this.random.int(1 << 22));
    return (((BigInt(Math.floor(ms)) - DISCORD_EPOCH_MS) << 22n) | low).toString();
  }
}

/** The epoch-ms timestamp inside a Discord snowflake. */
export function snowflakeTime(snowflake: string): number {
  return Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH_MS);
}
