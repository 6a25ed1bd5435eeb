import '@billingone/settings-elements/organization';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { retype, storyElement, until, visibleText } from '../support/play.js';
import { sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated } from '../support/states.js';

const tag = 'billingone-organization';
const value = (host: HTMLElement, id: string) => host.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`)?.value;
const showsAcme = (host: HTMLElement) => value(host, 'name') === 'Acme MSP' && value(host, 'slug') === 'acme';

// Name, URL slug (live availability), the MFA policy, embedding origins and the organization ID.
const meta: Meta = {
  title: 'Sections/Organization',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

export const Owner: Story = populated(showsAcme, undefined, { role: 'owner' });

/** Admins edit the organization too, MFA policy included. */
export const Admin: Story = populated(showsAcme, undefined, { role: 'admin' });

/** The organization already requires MFA of everyone. */
export const MfaRequired: Story = populated((host) => showsAcme(host) && host.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked === true, { requireMfa: true, mfa: { totp: true } });

export const Loading: Story = loading(['organization.get']);

export const ServerError: Story = failing('organization.get', showsAcme);

/** Finance, Engineers and Viewers do not manage the organization. */
export const Forbidden: Story = forbidden({}, { role: 'finance' });

export const Dark: Story = { ...populated(showsAcme), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && showsAcme(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => showsAcme(host) && brandApplied(host)) };

/** The live slug check: another organization's slug is taken. */
export const SlugTaken: Story = {
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    const slug = await until(() => host.shadowRoot!.querySelector<HTMLInputElement>('#slug'));
    await userEvent.click(slug);
    await retype(slug, 'northwind');
    const status = await until(() => host.shadowRoot!.querySelector('[data-slug-status="checked"]'));
    await until(() => visibleText(status.closest('[part~="field"]') ?? host).includes('This URL is already taken.'));
  },
};
