import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // `*.fixture.test.ts` files are shared test helpers: the suffix keeps them out of the build, this keeps them out of runs.
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.fixture.test.ts'],
  },
});
