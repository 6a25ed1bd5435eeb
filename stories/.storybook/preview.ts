import manifest from '@billingone/settings-elements/custom-elements.json';
import { roles, roleLabels } from '@billingone/settings-core';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { createMockApi, type MockApi, type MockApiOptions } from '../src/mock-api/index.js';
import { prepareManifest, type CustomElementsManifest } from '../src/support/manifest.js';
import './preview.css';

// Docs tables (properties, attributes, events, slots, parts, CSS properties) come from the elements' JSDoc.
setCustomElementsManifest(prepareManifest(manifest as unknown as CustomElementsManifest));

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the elements (Arabic is right to left)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
    role: {
      description: 'Role of the signed-in member in the mock organization',
      toolbar: {
        title: 'Role',
        icon: 'user',
        items: roles.map((role) => ({ value: role, title: roleLabels[role] })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', role: 'owner' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    actions: {
      handles: [
        'billingone-saved',
        'billingone-navigate',
        'billingone-error',
        'billingone-signed-out',
        'billingone-mfa-enrolled',
        'billingone-integration-connected',
        'billingone-integration-disconnected',
        'billingone-oauth-redirect',
      ],
    },
  },
  decorators: [
    withActions,
    (story, context) => {
      const dark = context.globals.theme === 'dark';
      document.body.classList.toggle('billingone-story-dark', dark);
      document.body.classList.toggle('billingone-story-light', !dark);
      document.documentElement.lang = String(context.globals.locale ?? 'en');
      return story();
    },
  ],
  // Every story gets its own mock organization: the role from the toolbar, the fixtures from `parameters.mockApi`.
  loaders: [
    (context) => ({
      api: createMockApi({ role: context.globals.role, ...(context.parameters.mockApi as MockApiOptions | undefined) }),
    }),
  ],
  // Stories cannot drift from the contract: an answer outside it fails the story (and its test).
  afterEach: (context) => {
    const api = context.loaded.api as MockApi | undefined;
    const violations = api?.violations ?? [];
    if (violations.length > 0) {
      throw new Error(`The mock API answered outside the contract:\n${violations.map((v) => `${v.endpointId} (${v.status}): ${v.issues.join('; ')}`).join('\n')}`);
    }
  },
};

export default preview;
