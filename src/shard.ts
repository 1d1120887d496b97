/**
 * The sharded entry, `npm run start:sharded` (node dist/shard.js): one process per shard on this
 * host, under discord.js's ShardingManager. Everything happens in src/ops/run-sharded.ts.
 */
import { die, errorMessage } from './ops/process.js';
import { runShardManager } from './ops/run-sharded.js';

runShardManager().catch((err: unknown) => die(`The shard manager crashed while starting: ${errorMessage(err)}`));
