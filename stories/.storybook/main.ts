import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { prebundledDependencies } from './prebundled.js';

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
        include: prebundledDependencies,
      },
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
