import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    // Each test file opens its own database, from a migrated PGlite archive the global setup builds once.
    globalSetup: ['src/testing/global-setup.ts'],
    hookTimeout: 60000,
  },
});
