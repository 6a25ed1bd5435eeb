import '@billingone/settings-elements/branding';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated } from '../support/states.js';

const tag = 'billingone-branding';
const showsColours = (host: HTMLElement) => host.shadowRoot?.querySelector('[data-ratio]');
const logo = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32"><rect width="120" height="32" rx="6" fill="#7c2d92"/><text x="60" y="21" font-family="sans-serif" font-size="14" fill="#fff" text-anchor="middle">Northwind IT</text></svg>')}`;

// The MSP's logo and colours, with a live preview and an accessible foreground chosen for each colour.
const meta: Meta = {
  title: 'Sections/Branding',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

/** The default colours, no logo. */
export const Default: Story = populated(showsColours);

/** An organization with its own colours and logo. */
export const Branded: Story = populated(
  (host) => showsColours(host) && host.shadowRoot!.querySelector(`img[src^="data:image/svg+xml"]`),
  { branding: { primaryColor: '#7c2d92', accentColor: '#f59e0b', logoUrl: logo } },
);

export const Loading: Story = loading(['branding.get']);

export const ServerError: Story = failing('branding.get', showsColours);

/** Only Owners and Admins edit the branding (everyone sees it applied). */
export const Forbidden: Story = forbidden({}, { role: 'engineer' });

export const Dark: Story = { ...populated(showsColours), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && showsColours(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => showsColours(host) && brandApplied(host)) };
