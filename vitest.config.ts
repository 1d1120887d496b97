import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The e2e suites each start an emulator and a bot; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
