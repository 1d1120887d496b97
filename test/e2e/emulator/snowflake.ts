// Real Discord ids are 64-bit snowflakes whose top 42 bits are milliseconds since the Discord
// epoch. We mint real ones (17–19 digits) rather than "1", "2", ... because the code under test
// may sort them, parse their timestamps, or route guilds to shards with `(id >> 22) % count`.

const DISCORD_EPOCH = 1_420_070_400_000n;

let lastMs = 0n;
let increment = 0n;

/** A fresh, strictly increasing snowflake (so ids also sort by creation order, as on Discord). */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms <= lastMs) {
    ms = lastMs;
    increment += 1n;
    if (increment > 0xfffn) {
      ms += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMs = ms;
  // Worker 1, process 0: any fixed value works, Discord does not interpret them.
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}

/** The shard a guild's events go to, the formula Discord documents for sharding. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

/**
 * A snowflake that lands on `shardId` of `shardCount`, so a multi-shard emulator can give
 * every shard at least one guild without the caller hand-picking ids.
 */
export function snowflakeForShard(shardId: number, shardCount: number): string {
  for (;;) {
    const id = snowflake();
    if (shardForGuild(id, shardCount) === shardId) return id;
    // Nudge the clock forward one millisecond at a time; the shard is the timestamp mod count.
    lastMs += 1n;
    increment = -1n;
  }
}

/** When a snowflake was minted. */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}
