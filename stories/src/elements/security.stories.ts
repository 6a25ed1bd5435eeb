import '@billingone/settings-elements/security';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { totpCode } from '../mock-api/index.js';
import { announced, retype, storyElement, until, visibleText } from '../support/play.js';
import { apiOf, sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated } from '../support/states.js';

const tag = 'billingone-security';
const find = <T extends Element = HTMLElement>(host: HTMLElement, selector: string) => host.shadowRoot?.querySelector<T>(selector) ?? null;
const showsFactors = (host: HTMLElement) => find(host, '[data-card="totp"]') && find(host, '[data-card="passkeys"]') && find(host, '[data-login]');

// Two-factor authentication with an app, passkeys, recovery codes and the sign-in history of the member.
const meta: Meta = {
  title: 'Sections/Security',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

/** No second factor yet: set up an authenticator app or add a passkey. */
export const NoSecondFactor: Story = populated((host) => showsFactors(host) && find(host, '[data-action="totp-setup"]'));

/** TOTP on, three passkeys, nine recovery codes left, re-authenticated a minute ago. */
export const WithFactors: Story = populated(
  (host) => find(host, '[data-card="recovery"]') && visibleText(find(host, '[data-card="passkeys"]')!).includes('YubiKey 5C'),
  { mfa: { totp: true, passkeys: 3 }, recentAuth: true },
);

/** The organization requires MFA: turning the app off is refused, and the card says why. */
export const RequiredByOrganization: Story = populated((host) => find(host, '[data-note="required-by-org"]'), { requireMfa: true, mfa: { totp: true } });

export const Loading: Story = loading(['security.get']);

/** No sign-ins recorded yet and no factor. */
export const Empty: Story = populated((host) => find(host, '[data-empty="history"]') && find(host, '[data-action="totp-setup"]'), { loginHistory: 'empty' });

export const ServerError: Story = failing('security.get', (host) => find(host, '[data-card="totp"]'));

/** A member held at the MFA gate may set up a factor but not read the sign-in history. */
export const Forbidden: Story = forbidden({ requireMfa: true }, { role: 'engineer' });

export const Dark: Story = { ...populated(showsFactors), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && showsFactors(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => showsFactors(host) && brandApplied(host)) };

/**
 * TOTP enrolment as a member does it: the element shows the secret, the play function computes the
 * code an authenticator app would show (RFC 6238), a wrong code is refused inline, the right one turns
 * TOTP on and the recovery codes are shown once.
 */
export const TotpEnrolment: Story = {
  globals: { role: 'engineer' },
  play: async ({ canvasElement, loaded, step }) => {
    const host = await storyElement(canvasElement, tag);
    const enrolled: Event[] = [];
    host.addEventListener('billingone-mfa-enrolled', (event) => enrolled.push(event));
    let secret = '';
    await step('Start: the QR code and the setup key', async () => {
      await userEvent.click(await until(() => find<HTMLButtonElement>(host, '[data-action="totp-setup"]')));
      const key = await until(() => find(host, '[data-secret]'));
      await expect(find(host, 'svg.qr')?.getAttribute('role')).toBe('img');
      secret = key.textContent!.replace(/\s+/g, '');
    });
    await expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const input = await until(() => find<HTMLInputElement>(host, '#totp-code'));
    await expect(input.autocomplete).toBe('one-time-code');
    const right = await totpCode(secret);
    const near = new Set([await totpCode(secret, Date.now() - 30_000), right, await totpCode(secret, Date.now() + 30_000)]);
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !near.has(code))!;
    await step('A wrong code is refused next to the field and the form stays', async () => {
      await userEvent.type(input, wrong);
      await userEvent.click(find<HTMLButtonElement>(host, '[data-action="verify"]')!);
      await until(() => find(host, '#totp-code-error')?.textContent?.includes('That code is not right'));
      await expect(find<HTMLInputElement>(host, '#totp-code')!.value).toBe(wrong);
    });
    await step('The code the app shows now turns TOTP on; recovery codes are shown once', async () => {
      const field = find<HTMLInputElement>(host, '#totp-code')!;
      await retype(field, right);
      await userEvent.click(find<HTMLButtonElement>(host, '[data-action="verify"]')!);
      await until(() => host.shadowRoot!.querySelectorAll('.codes code').length === 10);
      await until(() => announced(host).includes('Two-factor authentication is on'));
    });
    await step('Saved: the card shows TOTP on and ten codes left', async () => {
      await userEvent.click(find<HTMLButtonElement>(host, '[data-action="acknowledge"]')!);
      await until(() => find(host, '[data-remaining]')?.getAttribute('data-remaining') === '10');
    });
    await expect(enrolled).toHaveLength(1);
    await expect(apiOf({ loaded }).state.me.totp).not.toBeNull();
  },
};
