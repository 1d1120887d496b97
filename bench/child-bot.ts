/**
 * The bot as production starts it (`runFromEnv`, config from the environment, LOG_LEVEL=silent),
 * in a child process of the benchmark, logged into the parent's Discord emulator.
 * The only test-only setting is the raised REST `globalRequestsPerSecond` (BENCH_GLOBAL_RPS).
 */
import { Events } from 'discord.js';
import { runFromEnv } from '../src/bot/start.js';
import { reportFailure, serveParent, type ChildCounters } from './child-ipc.js';

const counters: ChildCounters = { handled: 0, failed: 0 };
let clientReadyMs: number | undefined;
const globalRequestsPerSecond = Number(process.env['BENCH_GLOBAL_RPS'] ?? '50');

try {
  const bot = await runFromEnv(process.env, {
    restOptions: { globalRequestsPerSecond },
    hooks: {
      clientCreated: (client) => {
        client.once(Events.ClientReady, () => {
          clientReadyMs = performance.now();
        });
      },
      answered: () => {
        counters.handled++;
      },
      error: () => {
        counters.failed++;
      },
    },
  });
  bot.client.on(Events.Error, () => undefined);
  serveParent(counters, () => bot.stop(), clientReadyMs);
} catch (err) {
  reportFailure(err);
}
