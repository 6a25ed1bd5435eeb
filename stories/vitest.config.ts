import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import { prebundledDependencies } from './.storybook/prebundled.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** Debian's Chromium (or CHROME_PATH): test tools never download a browser here. */
const chromium = playwright({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] } });

export default defineConfig({
  test: {
    projects: [
      {
        // The mock API and its fixtures, checked against core's schemas in Node.
        test: { name: 'mock-api', include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        // Every story, with its play function and an axe check (violations fail), in Chromium.
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        optimizeDeps: {
          include: ['storybook/test', ...prebundledDependencies],
        },
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 900 },
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
