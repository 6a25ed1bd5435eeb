import '@billingone/settings-elements/mfa-enrollment';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { totpCode } from '../mock-api/index.js';
import { storyElement, until, visibleText } from '../support/play.js';
import { apiOf, sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, loading, populated } from '../support/states.js';

const tag = 'billingone-mfa-enrollment';
const find = <T extends Element = HTMLElement>(host: HTMLElement, selector: string) => host.shadowRoot?.querySelector<T>(selector) ?? null;
const gateShown = (host: HTMLElement) => find(host, '[data-action="gate-start"]') && visibleText(find(host, '[data-policy]')!).includes('Acme MSP');

// The mandatory enrolment gate, shown instead of the settings while the organization requires MFA
// and the member has no second factor. It offers no way out.
const meta: Meta = {
  title: 'Sections/MFA enrolment gate',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
  parameters: { mockApi: { requireMfa: true } },
  globals: { role: 'viewer' },
};
export default meta;
type Story = StoryObj;

export const Gate: Story = populated(gateShown);

export const Loading: Story = loading(['me.get']);

export const ServerError: Story = failing('me.get', gateShown);

/** The member already has a factor: nothing to do. */
export const AlreadyEnrolled: Story = populated((host) => find(host, '#gate-done'), { requireMfa: true, mfa: { totp: true } });

export const Dark: Story = { ...populated(gateShown), globals: { theme: 'dark', role: 'viewer' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && find(host, '[data-action="gate-start"]')), globals: { locale: 'ar', role: 'viewer' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => gateShown(host) && brandApplied(host)) };

/** Enrolment through the gate with a code computed from the secret it shows; Escape does not dismiss it. */
export const Enrol: Story = {
  play: async ({ canvasElement, loaded, step }) => {
    const host = await storyElement(canvasElement, tag);
    await userEvent.click(await until(() => find<HTMLButtonElement>(host, '[data-action="gate-start"]')));
    const secret = (await until(() => find(host, '[data-secret]'))).textContent!.replace(/\s+/g, '');
    const labels = [...host.shadowRoot!.querySelectorAll('button')].map((button) => button.textContent!.trim());
    await expect(labels).not.toContain('Cancel');
    const input = await until(() => find<HTMLInputElement>(host, '#gate-code'));
    await userEvent.type(input, '{Escape}');
    await expect(find(host, '[data-secret]')).not.toBeNull();
    await step('Verify the code the app shows', async () => {
      await userEvent.type(input, await totpCode(secret));
      await userEvent.click(find<HTMLButtonElement>(host, '[data-action="verify"]')!);
      await until(() => host.shadowRoot!.querySelectorAll('.codes code').length === 10);
    });
    await step('Acknowledge the recovery codes: the gate is done', async () => {
      const enrolled = new Promise((resolve) => host.addEventListener('billingone-mfa-enrolled', resolve, { once: true }));
      await userEvent.click(find<HTMLButtonElement>(host, '[data-action="acknowledge"]')!);
      await enrolled;
      await until(() => find(host, '#gate-done'));
    });
    await expect(apiOf({ loaded }).state.me.totp).not.toBeNull();
  },
};
