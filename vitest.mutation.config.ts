import { defineConfig } from 'vitest/config';

/**
 * The fast unit tests that cover the mutated files (see stryker.config.json): no e2e suite, no
 * CLI subprocess (a child process would not see Stryker's active mutant).
 */
export default defineConfig({
  test: {
    include: ['test/knowledge/**/*.test.ts', 'test/bot/custom-ids.test.ts', 'test/bot/views/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    maxWorkers: 1,
  },
});
