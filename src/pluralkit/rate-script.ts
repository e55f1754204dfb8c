import { createHash } from 'node:crypto';
import type { SharedRedis } from '../redis/connection.js';

/**
 * PluralKit's GCRA (docs/pluralkit-rate-limits.md) as one Lua script on Redis's own clock (`TIME`), so every
 * process counts one bucket the way the server does, and a check-and-take is atomic. Times are epoch ms.
 *
 * KEYS: the bucket, the limit PluralKit advertised for its kind, the gate that paces every bucket of a
 * kind whose limit is not known yet, and the epoch: when this Redis first counted anything. A bucket Redis does
 * not hold is whole, unless Redis itself is newer than a bucket's refill (restarted empty, or the deployment's
 * first second): meanwhile processes kept to their local share and spent PluralKit's real bucket, so a bucket
 * of a new Redis starts spent at the epoch and refills at the rate, never granting a fresh burst. ARGV: the operation (`take`, `hold` or `follow`), the starting rate,
 * the operation's number (hold: pause in ms; follow: how many sends the bucket still allows), the limit
 * this process knows (0: none; `follow` always stores it, the others only when Redis lost it), and the
 * limit key's TTL in ms. Replies `{ wait ms, limit }` (limit 0 while unknown). Every key it writes expires
 * once it holds nothing (a bucket whole again is the same as no bucket), so Redis never fills.
 */
export const GcraScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local op = ARGV[1]
local known = tonumber(ARGV[4])
local limit = tonumber(redis.call('GET', KEYS[2]))
if known > 0 and (op == 'follow' or not limit) then
  limit = known
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
end
local epoch = tonumber(redis.call('GET', KEYS[4]))
if not epoch then
  epoch = now
  redis.call('SET', KEYS[4], string.format('%.3f', now))
end
local key = KEYS[1]
if not limit then
  limit = tonumber(ARGV[2])
  key = KEYS[3]
end
local interval = 1000 / limit
local burst = math.max(1, limit - 1)
local tat = math.max(tonumber(redis.call('GET', key)) or (epoch + burst * interval), now)
local wait = 0
if op == 'take' then
  wait = tat - (burst - 1) * interval - now
  if wait <= 0 then
    wait = 0
    tat = tat + interval
  end
elseif op == 'hold' then
  tat = math.max(tat, now + tonumber(ARGV[3]) + (burst - 1) * interval)
else
  local target = math.min(burst, math.max(0, tonumber(ARGV[3])))
  tat = math.max(tat, now + (burst - target) * interval)
end
if tat > now then
  redis.call('SET', key, string.format('%.3f', tat), 'PX', math.ceil(tat - now) + 1000)
end
if key == KEYS[3] then limit = 0 end
return { math.ceil(wait), tostring(limit) }
`;

const sha = createHash('sha1').update(GcraScript).digest('hex');

/** One operation of {@link GcraScript}. */
export type GcraOperation = 'take' | 'hold' | 'follow';

/** What the script answered: how long to wait (0: the send was counted), and the kind's limit (0: unknown). */
export interface GcraReply {
  readonly waitMs: number;
  readonly limit: number;
}

/** Thrown when Redis did not answer within the bound. */
export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError';
}

/** Settles like `promise`, or rejects after `ms`; a late rejection of `promise` is swallowed. */
export function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  promise.catch(() => undefined);
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(`Redis gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs {@link GcraScript} by its hash, and loads it again when Redis answers NOSCRIPT (a restart or
 * `SCRIPT FLUSH` lost it). Rejects when Redis is away, fails, or does not answer within `timeoutMs`.
 */
export async function runGcra(
  redis: SharedRedis,
  timeoutMs: number,
  keys: [bucket: string, limit: string, gate: string, epoch: string],
  args: [op: GcraOperation, startRate: number, value: number, known: number, limitTtlMs: number],
): Promise<GcraReply> {
  if (!redis.isReady) throw new Error('Redis is not connected');
  const options = { keys, arguments: args.map(String) };
  const run = async (): Promise<unknown> => {
    try {
      return await redis.evalSha(sha, options);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(GcraScript, options);
    }
  };
  const reply = await bounded(run(), timeoutMs);
  if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected reply from the rate script');
  return { waitMs: Number(reply[0]), limit: Number(reply[1]) };
}
