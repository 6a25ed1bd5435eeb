import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30000,
    // Each test file opens its own database (PGlite in memory starts in about 3 s).
    hookTimeout: 60000,
  },
});
