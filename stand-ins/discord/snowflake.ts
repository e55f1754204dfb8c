/** Discord's epoch (2015-01-01T00:00:00Z) in ms, per discord-api-docs `reference.mdx`. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/**
 * Makes a generator of realistic snowflakes (19 digits today, increasing with time).
 * `@discordjs/rest` only generalises rate-limit buckets for 17–19-digit ids, and `createdTimestamp`
 * getters decode the time from the id, so toy ids like `'12'` would mislead tests.
 */
export function createSnowflakeFactory(): (atMs?: number) => string {
  let increment = 0n;
  return (atMs = Date.now()) => {
    increment = (increment + 1n) & 0xfffn;
    const sinceEpoch = BigInt(Math.max(0, Math.floor(atMs) - DISCORD_EPOCH_MS));
    // Worker and process ids (bits 12–21) are fixed at 1 so ids never collide with the increment alone.
    return ((sinceEpoch << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
  };
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}
