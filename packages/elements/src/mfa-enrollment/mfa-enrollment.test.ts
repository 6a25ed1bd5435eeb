import { createSettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { deepActiveElement } from '../controllers/focus.js';
import type { BillingoneMfaEnrolledEvent } from '../events/mfa-enrolled.js';
import type { BillingoneSavedEvent } from '../events/saved.js';
import '../settings/define.js';
import type { BillingoneSettings } from '../settings/settings.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { typeInto } from '../testing/interact.js';
import { queryDemoDatabase, resetDemoData, signInAs } from '../testing/session.js';
import { enrolTotp, totpCode } from '../testing/totp.js';
import { virtualAuthenticator } from '../testing/virtual-authenticator.js';
import './define.js';
import type { BillingoneMfaEnrollment } from './mfa-enrollment.js';

const find = <T extends Element = HTMLElement>(element: Element, selector: string): T | null => element.shadowRoot!.querySelector<T>(selector);
const action = (element: Element, name: string) => shadowQuery<HTMLButtonElement>(element, `[data-action="${name}"]`);
const codes = (element: Element) => shadowQueryAll(element, '.codes code').map((code) => code.textContent!.trim());

beforeEach(async () => {
  await resetDemoData();
  // The API refuses to require MFA while the person asking has none; the policy is set directly.
  await queryDemoDatabase('UPDATE organizations SET require_mfa = true');
  await signInAs('viewer');
});

async function renderGate(): Promise<BillingoneMfaEnrollment> {
  const client = createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });
  const element = await fixture<BillingoneMfaEnrollment>(html`<billingone-mfa-enrollment locale="en" .client=${client}></billingone-mfa-enrollment>`);
  await until(() => !!find(element, '[data-action="gate-start"]'));
  return element;
}

describe('<billingone-mfa-enrollment>', () => {
  it('explains the policy, offers no way out, and is accessible in light and dark', async () => {
    const element = await renderGate();
    expect(visibleText(element)).toContain('Set up two-factor authentication');
    expect(visibleText(element)).toContain('Acme MSP requires everyone to use two-factor authentication.');
    await expectAccessibleInThemes(element);

    action(element, 'gate-start').click();
    await until(() => !!find(element, '[data-secret]'));
    const labels = shadowQueryAll<HTMLButtonElement>(element, 'button').map((button) => button.textContent!.trim());
    expect(labels).not.toContain('Cancel');
    expect(labels).not.toContain('Close');
    shadowQuery<HTMLInputElement>(element, '#gate-code').focus();
    await userEvent.keyboard('{Escape}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(find(element, '[data-secret]')).not.toBeNull();
    await expectAccessibleInThemes(element);
  });

  it('holds the member in the shell until the enrolment is done, then lets them in', async () => {
    const shell = await fixture<BillingoneSettings>(html`<billingone-settings locale="en"></billingone-settings>`);
    const gate = await until(() => find<BillingoneMfaEnrollment>(shell, 'billingone-mfa-enrollment'));
    await until(() => !!find(gate, '[data-action="gate-start"]'));
    expect(find(shell, '[part="nav"]')).toBeNull();
    const enrolled = recordEvents<BillingoneMfaEnrolledEvent>(document, 'billingone-mfa-enrolled');

    action(gate, 'gate-start').click();
    await until(() => !!find(gate, '[data-secret]'));
    const secret = find(gate, '[data-secret]')!.textContent!.replace(/\s+/g, '');
    await until(() => deepActiveElement()?.textContent?.trim() === 'Connect your authenticator app');

    const input = shadowQuery<HTMLInputElement>(gate, '#gate-code');
    const near = new Set([await totpCode(secret, -1), await totpCode(secret), await totpCode(secret, 1)]);
    const wrong = ['000000', '111111', '222222'].find((code) => !near.has(code))!;
    typeInto(input, wrong);
    action(gate, 'verify').click();
    await until(() => find(gate, '#gate-code-error')?.textContent?.trim() === 'That code is not right. Check your authenticator app and try again.');
    expect(shadowQuery<HTMLInputElement>(gate, '#gate-code').value).toBe(wrong);

    typeInto(shadowQuery<HTMLInputElement>(gate, '#gate-code'), await totpCode(secret));
    action(gate, 'verify').click();
    await until(() => codes(gate).length === 10);
    // TOTP is on, but the member has not saved the codes yet: the gate stays.
    expect((await apiCall('GET', '/me')).body.mfa.enrollmentRequired).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(enrolled).toHaveLength(0);
    expect(find(shell, 'billingone-mfa-enrollment')).toBe(gate);

    action(gate, 'acknowledge').click();
    await until(() => enrolled.length === 1);
    expect(enrolled[0]!.detail).toEqual({ method: 'totp' });
    expect(enrolled[0]!.bubbles && enrolled[0]!.composed).toBe(true);
    await until(() => !!find(shell, '[part="nav"]'));
    expect(find(shell, 'billingone-mfa-enrollment')).toBeNull();
  });

  it('lets the member in with a passkey instead of the authenticator app', async () => {
    await virtualAuthenticator();
    const shell = await fixture<BillingoneSettings>(html`<billingone-settings locale="en"></billingone-settings>`);
    const gate = await until(() => find<BillingoneMfaEnrollment>(shell, 'billingone-mfa-enrollment'));
    const add = await until(() => find<HTMLButtonElement>(gate, '[data-action="passkey-add"]'));
    const enrolled = recordEvents<BillingoneMfaEnrolledEvent>(document, 'billingone-mfa-enrolled');
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    add.click();
    await until(() => deepActiveElement()?.id === 'passkey-name');
    typeInto(shadowQuery<HTMLInputElement>(gate, '#passkey-name'), 'Phone');
    shadowQuery<HTMLButtonElement>(gate, '[data-action="passkey-create"]').click();
    await until(() => enrolled.length === 1);
    expect(enrolled[0]!.detail).toEqual({ method: 'passkey' });
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'security', resource: 'passkey' }]);
    expect((await apiCall('GET', '/me')).body.mfa).toMatchObject({ passkeyCount: 1, enrollmentRequired: false });
    await until(() => !!find(shell, '[part="nav"]'));
    expect(find(shell, 'billingone-mfa-enrollment')).toBeNull();
  });

  it('says so when the member already has a second factor, or when the organization does not require one', async () => {
    const client = createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });
    await enrolTotp();
    const enrolled = await fixture<BillingoneMfaEnrollment>(html`<billingone-mfa-enrollment locale="fr" .client=${client}></billingone-mfa-enrollment>`);
    await until(() => !!find(enrolled, '#gate-done'));
    expect(visibleText(enrolled)).toContain('L’authentification à deux facteurs est déjà configurée pour votre compte.');

    await queryDemoDatabase('UPDATE organizations SET require_mfa = false');
    await signInAs('engineer');
    const free = await renderGate();
    expect(find(free, '[data-policy]')!.textContent!.trim()).toBe(
      'Your organization does not require two-factor authentication, but it protects your account if your password is ever exposed.',
    );
  });
});
