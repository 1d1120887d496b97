/**
 * The bot's entry point (`npm start`, node dist/index.js): everything happens in src/ops/run.ts.
 * Also the per-shard entry src/shard.ts spawns.
 */
import { runBot } from './ops/run.js';
import { die, errorMessage } from './ops/process.js';

runBot().catch((err: unknown) => die(`The bot crashed while starting: ${errorMessage(err)}`));
