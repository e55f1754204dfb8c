import type { RateHeaders } from './transport.js';

/**
 * The rate model: PluralKit's buckets as the server counts them, asked before every send. It holds no
 * queue and no timer; the request queue asks it, waits as long as it says, and asks again. It is an
 * interface so that one implementation can live in this process ({@link MemoryRateModel}) and another in
 * a store every process shares: every method may be asynchronous, and a refusal changes nothing, so a
 * store can run `reserve` as one atomic check-and-take on its own clock.
 *
 * Keys are PluralKit's bucket keys (docs/pluralkit-rate-limits.md): `shared:read` / `shared:write` for
 * everything PluralKit counts per IP, `own:<system>:read|write` for a linked system's own requests.
 */

/** A granted send: pass it back with the answer. Implementations may keep more in it. */
export interface Turn {
  /** The bucket the send was counted in. */
  readonly key: string;
}

/** Either the send may leave now (`turn`), or the caller waits `waitMs` and asks again. */
export type Reservation =
  { readonly turn: Turn; readonly waitMs?: never } | { readonly turn?: never; readonly waitMs: number };

/** Rate headers of an answer, with the bucket they describe (PluralKit's scope may name another). */
export interface LearnedRate {
  readonly key: string;
  readonly headers: RateHeaders;
}

/** See the module comment. */
export interface RateModel {
  /** One send on `key` now, or how long to wait first (may be `Infinity`: wait for an answer). */
  reserve(key: string): Promise<Reservation>;
  /** The send of `turn` was answered (or failed); `learned` carries the answer's rate headers, if any. */
  answered(turn: Turn, learned?: LearnedRate): Promise<void>;
  /** PluralKit answered `turn` 429 after `retryAfterMs`: holds the bucket back; resolves with the pause applied. */
  onRateLimited(turn: Turn, retryAfterMs: number | undefined): Promise<number>;
  /** The queue lane of `key`: `key` itself, or one name for every bucket paced together (no limit known yet). */
  pacedWith(key: string): string;
  /** Requests per second the model currently allows on `key` (for operators and tests). */
  rateOf(key: string): number;
  /** Buckets held (for tests of the bounds). */
  readonly size: number;
}

/** The bucket key of a request: `own` is the caller's own system (or token hash), when proven. */
export function bucketKey(own: string | undefined, write: boolean): string {
  const kind = write ? 'write' : 'read';
  return own === undefined ? `shared:${kind}` : `own:${own}:${kind}`;
}

/**
 * The bucket an answer's `X-RateLimit-Scope` names: PluralKit's word wins over our guess.
 * `own_system_*` → the caller's own bucket, `generic_*` / `message` → shared; `*_update` is a write.
 */
export function bucketNamedBy(scope: string, sentKey: string, own: string | undefined): string {
  const write = scope.endsWith('_update')
    ? true
    : scope.endsWith('_get') || scope === 'message'
      ? false
      : sentKey.endsWith(':write');
  if (scope.startsWith('own_system_')) return bucketKey(own, write);
  if (scope.startsWith('generic_') || scope === 'message') return bucketKey(undefined, write);
  return sentKey.replace(/:(read|write)$/, write ? ':write' : ':read');
}

/** `own:read`, `shared:write`...: buckets of one kind share PluralKit's advertised limit. */
export function kindOf(key: string): string {
  return `${key.split(':')[0]}:${key.endsWith(':write') ? 'write' : 'read'}`;
}
