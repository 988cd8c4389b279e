import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // one temporary folder per run, removed at its end (test/helpers/tmp-root.ts)
    globalSetup: ['test/helpers/tmp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One file at a time: the dev-server test runs Eleventy's watcher and the browser tests start
    // Chromium; on a 2-core machine they must not compete with each other.
    fileParallelism: false,
  },
});
