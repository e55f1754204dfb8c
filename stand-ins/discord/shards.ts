/** A shard as IDENTIFY names it: `[shard_id, num_shards]`. */
export type ShardPair = readonly [id: number, count: number];

/** The shard a guild's events go to, as Discord routes them: `(guild_id >> 22) % num_shards`; DMs go to 0. */
export function shardOf(guildId: string | undefined, count: number): number {
  return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * IDENTIFY's optional `shard` field, or undefined when it is not a valid pair (Discord closes with 4010).
 * Absent means `[0, 1]`: the one shard that gets everything.
 */
export function readShard(value: unknown): ShardPair | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(count)) return undefined;
  const [shardId, shardCount] = [id as number, count as number];
  return shardCount >= 1 && shardId >= 0 && shardId < shardCount ? [shardId, shardCount] : undefined;
}

/** True when events for `guildId` (undefined: a DM) belong on `shard`. */
export function isOnShard(guildId: string | undefined, shard: ShardPair): boolean {
  return shardOf(guildId, shard[1]) === shard[0];
}
