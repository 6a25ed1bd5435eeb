import type { Section } from '@billingone/settings-core';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { demo, screenshot, useBrowser, type Visitor } from './support/browser.js';
import {
  callApi,
  demoEmail,
  expectSignedOut,
  openSection,
  sectionElement,
  signIn,
  signOut,
  submitPassword,
  submitSecondFactor,
  visitSection,
  waitForSettings,
} from './support/demo.js';
import { announced, see, seeNo } from './support/expect.js';
import { solidPng } from './support/png.js';
import { Authenticator } from './support/totp.js';

// The Admin looks after their own account: profile, photo, password, authenticator app, passkey and
// sessions; then, with two-factor authentication set up, requires it for the whole organization.
const suite = useBrowser();
const email = demoEmail('admin');
const newName = 'Adam Price-Whitfield';
const newPassword = 'Ledger-Harbour-Quartz-58';
const since = new Date();
let admin: Visitor;
let page: Page;
let authenticator: Authenticator;
let recoveryCodes: string[] = [];

async function confirmDialog(page: Page, within: Section, button: string): Promise<void> {
  const dialog = sectionElement(page, within).getByRole('dialog');
  await see(dialog, `a confirmation dialog in ${within}`);
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

describe('account: an Admin secures their own account', () => {
  afterAll(async () => {
    // Leave the organization as it was even when a test failed halfway (the other files sign in
    // members without two-factor authentication).
    if (page && !page.isClosed()) await callApi(page, 'PATCH', '/organization', { requireMfa: false }, { 'if-match': '*' }).catch(() => undefined);
  });

  it('signs in from a deep link, with a clear message for a wrong password', async () => {
    admin = await suite.visitor();
    page = admin.page;
    await page.goto('/settings/security');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/security');
    await screenshot(page, 'sign-in');
    expect(await page.getByLabel('Code', { exact: true }).isVisible(), 'the code step is hidden until the password step asks for it').toBe(false);

    await submitPassword(page, email, 'not-the-password');
    await see(page.locator('#password-error').filter({ hasText: /password/i }), 'an error about the email or password');

    await submitPassword(page, email, demo.password);
    await waitForSettings(page, '/settings/security');
    await see(sectionElement(page, 'security').getByRole('heading', { name: 'Security', level: 2 }), 'the Security section of the deep link');
  });

  it('edits the full name, which the top bar follows and which persists after a reload', async () => {
    const profile = await openSection(page, 'profile');
    const name = profile.getByLabel('Full name');
    await expect.poll(() => name.inputValue()).toBe('Adam Price');
    await name.fill(newName);
    await profile.getByRole('button', { name: 'Save changes' }).click();
    await announced(profile, 'Your profile was saved.');
    await expect.poll(() => page.locator('#who').textContent(), { message: 'the host heard billingone-saved' }).toContain(newName);

    await page.reload();
    await expect.poll(() => sectionElement(page, 'profile').getByLabel('Full name').inputValue()).toBe(newName);
    await expect.poll(() => page.locator('#who').textContent()).toContain(newName);
    expect(await sectionElement(page, 'profile').getByLabel('Email address').inputValue()).toBe(email);
  });

  it('uploads a profile photo, refusing a file of the wrong type with a clear error', async () => {
    const profile = sectionElement(page, 'profile');
    const fileInput = profile.locator('input[type="file"]');

    await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await see(profile.getByText(/Choose a PNG, JPEG or WebP image/), 'an error naming the accepted image types');

    await fileInput.setInputFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: solidPng(96, 64, [37, 99, 235]) });
    await announced(profile, 'Your profile photo was updated.');
    await see(profile.getByRole('button', { name: 'Replace photo' }), 'the “Replace photo” button');

    await page.reload();
    const photo = sectionElement(page, 'profile').getByRole('img', { name: 'Your profile photo' });
    await see(photo, 'the uploaded profile photo after a reload');
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const size = await photo.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(size[0], 'the photo is cropped square').toBe(size[1]);
    await screenshot(page, 'profile');
  });

  it('changes the password, which signs out the session in another browser', async () => {
    const other = await suite.visitor();
    await signIn(other.page, email);

    const profile = sectionElement(page, 'profile');
    await profile.getByLabel('Current password').fill(demo.password);
    await profile.getByLabel('New password', { exact: true }).fill(newPassword);
    await profile.getByLabel('Confirm new password').fill(newPassword);
    await profile.getByRole('button', { name: 'Change password' }).click();
    await announced(profile, 'Your password was changed. 1 other session was signed out.');

    await expectSignedOut(other.page, 'the other browser');
    await submitPassword(other.page, email, demo.password);
    await see(other.page.locator('#password-error').filter({ hasText: /password/i }), 'the old password refused');
    await submitPassword(other.page, email, newPassword);
    await waitForSettings(other.page);
    await signOut(other.page);
    await other.close();
  });

  it('turns on the authenticator app with a code computed from the setup key, then signs in with a code', async () => {
    const security = await openSection(page, 'security');
    const totp = security.getByRole('region', { name: 'Authenticator app' });
    await totp.getByRole('button', { name: 'Set up authenticator app' }).click();
    await see(totp.getByRole('img', { name: 'QR code to scan with your authenticator app' }), 'the QR code');
    const key = (await totp.getByRole('code').first().textContent())?.trim() ?? '';
    expect(key, 'the setup key shown for manual entry').toMatch(/^[A-Z2-7 ]{16,}$/);
    authenticator = new Authenticator(key);
    await screenshot(page, 'security-totp-setup');

    await totp.getByLabel('Code from the app').fill(await authenticator.nextCode());
    await totp.getByRole('button', { name: 'Verify and turn on' }).click();
    await see(totp.getByRole('heading', { name: 'Save your recovery codes' }), 'the recovery codes, shown once');
    recoveryCodes = (await totp.getByRole('list', { name: /recovery codes/ }).getByRole('listitem').allInnerTexts()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await totp.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await seeNo(totp.getByRole('heading', { name: 'Save your recovery codes' }), 'the recovery codes');
    await see(totp.getByText(/Turned on/), 'the authenticator app shown as turned on');

    await signOut(page);
    await submitPassword(page, email, newPassword);
    await submitSecondFactor(page, '000000');
    await see(page.locator('#mfa-error').filter({ hasText: /./ }), 'a wrong code refused');
    await submitSecondFactor(page, await authenticator.nextCode());
    await waitForSettings(page);
  });

  it('registers a passkey with the browser’s authenticator and signs in with it', async () => {
    const cdp = await admin.context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    const security = await visitSection(page, 'security');
    const passkeys = security.getByRole('region', { name: 'Passkeys' });
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await passkeys.getByLabel('Passkey name').fill('Work laptop');
    await passkeys.getByRole('button', { name: 'Continue' }).click();
    await announced(security, 'Passkey “Work laptop” added.');
    await see(passkeys.getByRole('cell', { name: 'Work laptop', exact: true }), 'the new passkey in the list');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials, 'one discoverable credential on the authenticator').toHaveLength(1);
    await screenshot(page, 'security');

    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await waitForSettings(page);
    const history = (await visitSection(page, 'security')).getByRole('table', { name: 'Recent sign-ins' });
    await see(history.getByRole('row').nth(1).filter({ hasText: 'Passkey' }), 'the passkey sign-in at the top of the sign-in history');
  });

  it('signs in elsewhere with a recovery code, then terminates that session', async () => {
    const other = await suite.visitor();
    await submitPassword(other.page, email, newPassword);
    await submitSecondFactor(other.page, recoveryCodes[0]!);
    await waitForSettings(other.page);

    const sessions = await openSection(page, 'sessions');
    const devices = sessions.getByRole('list', { name: 'Signed-in devices' });
    await expect.poll(() => devices.getByRole('listitem').count(), { message: 'this browser and the other one' }).toBe(2);
    // The host passes the browser's address through to the API.
    expect(await devices.textContent()).toMatch(/127\.0\.0\.1/);
    await screenshot(page, 'sessions');
    await devices.getByRole('button', { name: /^Sign out (?!here)/ }).click();
    await confirmDialog(page, 'sessions', 'Sign out');
    await announced(sessions, /was signed out\./);
    await expect.poll(() => devices.getByRole('listitem').count()).toBe(1);

    await expectSignedOut(other.page, 'the terminated session');
    await other.close();
  });

  it('requires MFA for everyone: a member without it meets the enrolment gate until the policy is lifted', async () => {
    const organization = await openSection(page, 'organization');
    const policy = organization.getByRole('switch', { name: 'Require MFA for all team members' });
    await policy.click();
    await confirmDialog(page, 'organization', 'Require MFA');
    await announced(organization, 'Two-factor authentication is now required for all team members.');
    expect(await policy.isChecked()).toBe(true);

    const engineer = await suite.visitor();
    await submitPassword(engineer.page, demoEmail('engineer'), demo.password);
    const gate = sectionElement(engineer.page, 'mfa-enrollment');
    await see(gate.getByRole('heading', { name: 'Set up two-factor authentication' }), 'the MFA enrolment gate');
    await screenshot(engineer.page, 'mfa-enrollment-gate');
    expect(await engineer.page.getByRole('navigation', { name: 'Settings' }).count(), 'no settings navigation behind the gate').toBe(0);

    // It cannot be dismissed: not with Escape, not by a deep link, not by calling the API.
    await engineer.page.keyboard.press('Escape');
    await see(gate.getByRole('heading', { name: 'Set up two-factor authentication' }), 'the gate after Escape');
    await engineer.page.goto('/settings/notifications');
    await see(gate.getByRole('heading', { name: 'Set up two-factor authentication' }), 'the gate on a deep link');
    expect(await sectionElement(engineer.page, 'notifications').count()).toBe(0);
    expect(await callApi(engineer.page, 'GET', '/notifications/preferences')).toEqual({ status: 403, code: 'mfa_enrollment_required' });

    await policy.click();
    await announced(organization, 'Two-factor authentication is no longer required.');
    await engineer.page.reload();
    await see(sectionElement(engineer.page, 'notifications').getByRole('heading', { name: 'Notifications', level: 2 }), 'the engineer’s settings once the policy is lifted');
    await engineer.close();
  });

  it('finds each of these actions in the audit log', async () => {
    await expectInAuditLog(page, since, [
      { action: 'profile.updated', label: 'Profile updated', texts: [email, newName] },
      { action: 'profile.avatar_updated', label: 'Photo uploaded', texts: [email] },
      { action: 'member.password_changed', label: 'Password changed', texts: [email] },
      { action: 'security.totp.enabled', label: 'Authenticator app turned on', texts: [email] },
      { action: 'security.passkey.registered', label: 'Passkey added', texts: [email, 'Work laptop'] },
      { action: 'security.recovery_code.used', label: 'Recovery code used', texts: [email] },
      { action: 'session.terminated', label: 'Session ended', texts: [email] },
      { action: 'organization.updated', label: 'Organization updated', texts: [email] },
    ]);
  });
});
