import '@billingone/settings-elements/notifications';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated } from '../support/states.js';

const tag = 'billingone-notifications';
const showsMatrix = (host: HTMLElement) => host.shadowRoot?.querySelectorAll('[data-event]').length === 11;

// The matrix of billing events × channels (email, in-app); security e-mails cannot be switched off.
const meta: Meta = {
  title: 'Sections/Notifications',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

export const Defaults: Story = populated(showsMatrix);

/** A member who changed a few cells. */
export const Customised: Story = populated(showsMatrix, { notifications: 'custom' });

export const Loading: Story = loading(['notifications.get']);

export const ServerError: Story = failing('notifications.get', showsMatrix);

export const Forbidden: Story = forbidden({ requireMfa: true }, { role: 'viewer' });

export const Dark: Story = { ...populated(showsMatrix), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && showsMatrix(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => showsMatrix(host) && brandApplied(host)) };
