import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // browser tests build the site and start Chromium: keep them from competing for 2 cores
    fileParallelism: true,
    maxWorkers: 2,
  },
});
