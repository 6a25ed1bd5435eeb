import '@billingone/settings-elements/provider';
import '@billingone/settings-elements/profile';
import '@billingone/settings-elements/sessions';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { storyElement, until } from '../support/play.js';
import { apiOf, sectionElement, type SectionStoryContext } from '../support/render.js';
import { customBrandArgs, statusView } from '../support/states.js';

const tag = 'billingone-provider';

/**
 * A host page's main content with a provider and two sections inside: both take its client, stores,
 * locale, theme and tokens (the sections set none of their own, so they inherit the provider's).
 */
function providerWithSections(args: Record<string, unknown>, context: SectionStoryContext): HTMLElement {
  const main = document.createElement('main');
  const provider = sectionElement(tag, args, context);
  provider.append(document.createElement('billingone-profile'), document.createElement('billingone-sessions'));
  main.append(provider);
  return main;
}

const sectionsReady = async (canvasElement: HTMLElement) => {
  const provider = await storyElement(canvasElement, tag);
  const profile = provider.querySelector<HTMLElement>('billingone-profile')!;
  const sessions = provider.querySelector<HTMLElement>('billingone-sessions')!;
  await until(() => profile.shadowRoot?.querySelector<HTMLInputElement>('#name')?.value === 'Olivia Hart');
  await until(() => sessions.shadowRoot?.querySelectorAll('[data-session]').length === 4);
  return { provider, profile, sessions };
};

// Gives the elements inside it a Settings API client (the `client` property, or one made from
// `base-url` and `getToken`), the shared stores and a locale, so a section can sit anywhere in a page.
const meta: Meta = {
  title: 'Shell/Provider',
  component: tag,
  render: (args, context) => providerWithSections(args, context as SectionStoryContext),
  globals: { role: 'owner' },
};
export default meta;
type Story = StoryObj;

/** Profile and Sessions side by side, one client and one cache for both. */
export const TwoSections: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sectionsReady(canvasElement);
    // The sections share the provider's client and stores: the profile is read once.
    await expect(apiOf({ loaded }).calls.filter((call) => call.endpointId === 'profile.get')).toHaveLength(1);
  },
};

/** The provider's locale reaches the sections: Arabic, right to left. */
export const RightToLeft: Story = {
  globals: { locale: 'ar', role: 'owner' },
  play: async ({ canvasElement }) => {
    const { profile, sessions } = await sectionsReady(canvasElement);
    await expect(profile.getAttribute('dir')).toBe('rtl');
    await expect(sessions.getAttribute('dir')).toBe('rtl');
  },
};

export const Dark: Story = { globals: { theme: 'dark', role: 'owner' }, play: async ({ canvasElement }) => void (await sectionsReady(canvasElement)) };

/** Tokens set on the provider reach every element inside. */
export const CustomBrand: Story = {
  args: { ...customBrandArgs },
  play: async ({ canvasElement }) => {
    const { profile } = await sectionsReady(canvasElement);
    await expect(getComputedStyle(profile).getPropertyValue('--billingone-color-primary').trim()).toBe(customBrandArgs['--billingone-color-primary']);
  },
};

/** The API never answers: each section shows its own loading state. */
export const Loading: Story = {
  parameters: { mockApi: { hang: ['*'] } },
  play: async ({ canvasElement }) => {
    const provider = await storyElement(canvasElement, tag);
    await until(() => statusView(provider.querySelector('billingone-profile')!, 'loading'));
    await until(() => statusView(provider.querySelector('billingone-sessions')!, 'loading'));
  },
};

/** Both sections fail once and recover on their own retry. */
export const ServerError: Story = {
  parameters: { mockApi: { fail: { 'profile.get': { times: 1 }, 'sessions.list': { times: 1 } } } },
  play: async ({ canvasElement }) => {
    const provider = await storyElement(canvasElement, tag);
    for (const section of ['billingone-profile', 'billingone-sessions']) {
      const view = await until(() => statusView(provider.querySelector(section)!, 'error'));
      view.querySelector('button')!.click();
    }
    await sectionsReady(canvasElement);
  },
};

/** Held at the MFA gate: the sections inside answer forbidden. */
export const Forbidden: Story = {
  globals: { role: 'viewer' },
  parameters: { mockApi: { requireMfa: true } },
  play: async ({ canvasElement }) => {
    const provider = await storyElement(canvasElement, tag);
    await until(() => statusView(provider.querySelector('billingone-profile')!, 'forbidden'));
    await until(() => statusView(provider.querySelector('billingone-sessions')!, 'forbidden'));
  },
};
