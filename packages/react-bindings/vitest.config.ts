import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { defineConfig } from 'vitest/config';

const elementsSrc = fileURLToPath(new URL('../elements/src/', import.meta.url));

// The tests run against the elements' sources (`@billingone/settings-elements/<folder>` is that
// element's define module), the way the built package maps them in its exports.
const alias = [
  { find: /^@billingone\/settings-elements$/, replacement: `${elementsSrc}index.ts` },
  { find: /^@billingone\/settings-elements\/([a-z0-9-]+)$/, replacement: `${elementsSrc}$1/define.ts` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        optimizeDeps: {
          include: [
            'react',
            'react/jsx-dev-runtime',
            'react/jsx-runtime',
            'react-dom/client',
            '@lit/react',
            '@billingone/settings-elements > lit',
            '@billingone/settings-elements > lit/directives/ref.js',
            '@billingone/settings-elements > lit/directives/if-defined.js',
            '@billingone/settings-elements > lit/directives/live.js',
            '@billingone/settings-elements > lit/directives/repeat.js',
            '@billingone/settings-elements > @lit/context',
            '@billingone/settings-elements > @simplewebauthn/browser',
            '@billingone/settings-elements > lean-qr/nano',
            '@billingone/settings-elements > @billingone/settings-core > ky',
            '@billingone/settings-elements > @billingone/settings-core > zod/mini',
          ],
        },
        test: {
          name: 'browser',
          include: ['src/**/*.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
            }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
