import { readShard, type ShardPair } from './shards.js';

/** GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT: an IDENTIFY asking for one not enabled is closed with 4014. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

/** An IDENTIFY the gateway accepts, or the close Discord answers it with (and why, for the event log). */
export type IdentifyVerdict =
  { ok: true; intents: number; shard: ShardPair } | { ok: false; code: number; reason: string; detail: string };

/** Checks an IDENTIFY's token, intents and shard, in the order Discord's close codes suggest. */
export function judgeIdentify(
  d: Record<string, unknown>,
  botToken: string,
  privilegedIntents: number,
): IdentifyVerdict {
  if (d['token'] !== botToken)
    return { ok: false, code: 4004, reason: 'Authentication failed.', detail: 'identify with a wrong token' };
  const intents = Number(d['intents'] ?? 0);
  const disallowed = intents & PRIVILEGED_INTENTS & ~privilegedIntents;
  if (disallowed !== 0) {
    const detail = `identify with privileged intents not enabled: ${disallowed}`;
    return { ok: false, code: 4014, reason: 'Disallowed intent(s).', detail };
  }
  const shard = readShard(d['shard']);
  if (shard === undefined) {
    const detail = `identify with an invalid shard: ${JSON.stringify(d['shard'])}`;
    return { ok: false, code: 4010, reason: 'Invalid shard.', detail };
  }
  return { ok: true, intents, shard };
}
