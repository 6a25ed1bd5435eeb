import { defineConfig } from 'vitest/config';

// End-to-end tests of the demo (e2e/): one demo server for the run (global setup), one Chromium per
// test file, files one after another (they share the demo's organization), tests in order in a file.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The demo takes a while to seed on a small machine; the global setup has its own limit.
    teardownTimeout: 30_000,
  },
});
