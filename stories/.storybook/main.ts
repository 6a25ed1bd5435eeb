import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

/**
 * Storybook for the BillingOne settings elements. Stories render the built package
 * (`@billingone/settings-elements`, after `pnpm -r build`) against the mock Settings API in
 * `src/mock-api`, so neither the dev server nor the static build needs a network or a server.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../src/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(base) {
    return mergeConfig(base, {
      optimizeDeps: {
        // Sections load on demand: pre-bundle what they import so Vite never re-optimises mid-run.
        include: [
          '@billingone/settings-elements > lit',
          '@billingone/settings-elements > lit/directives/live.js',
          '@billingone/settings-elements > lit/directives/if-defined.js',
          '@billingone/settings-elements > lit/directives/ref.js',
          '@billingone/settings-elements > lit/directives/repeat.js',
          '@billingone/settings-elements > @lit/context',
          '@billingone/settings-elements > lean-qr/nano',
          '@billingone/settings-elements > @simplewebauthn/browser',
          '@billingone/settings-core > ky',
          '@billingone/settings-core > zod/mini',
        ],
      },
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
