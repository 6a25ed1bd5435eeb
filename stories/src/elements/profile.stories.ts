import '@billingone/settings-elements/profile';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { apiOf, sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated, type ReadyCheck } from '../support/states.js';

const tag = 'billingone-profile';
const value = (host: HTMLElement, id: string) => host.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`)?.value;
/** The signed-in member's name and (read-only) email are in the form. */
const showsMember: ReadyCheck = (host, context) => {
  const me = apiOf(context).state.me;
  return value(host, 'name') === me.name && value(host, 'email') === me.email;
};

// Full name, email (read-only), avatar, password, locale and time zone of the signed-in member.
const meta: Meta = {
  title: 'Sections/Profile',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

export const Populated: Story = populated(showsMember);

export const Loading: Story = loading(['profile.get']);

export const ServerError: Story = failing('profile.get', showsMember);

/** A member held at the MFA gate cannot open their profile until they set up a second factor. */
export const Forbidden: Story = forbidden({ requireMfa: true }, { role: 'viewer' });

export const Dark: Story = { ...populated(showsMember), globals: { theme: 'dark' } };

export const French: Story = { ...populated((host, context) => host.getAttribute('lang') === 'fr' && showsMember(host, context)), globals: { locale: 'fr' } };

export const RightToLeft: Story = { ...populated((host, context) => host.getAttribute('dir') === 'rtl' && showsMember(host, context)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host, context) => showsMember(host, context) && brandApplied(host)) };
