import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { deepActiveElement } from '../controllers/focus.js';
import type { BillingoneMfaEnrolledEvent } from '../events/mfa-enrolled.js';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall, signInElsewhere } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, openDialog, typeInto } from '../testing/interact.js';
import { demoPassword, embedTokenFor, queryDemoDatabase, resetDemoData, signInAs, signOut } from '../testing/session.js';
import { enrolTotp, setOrganizationRequiresMfa, totpCode } from '../testing/totp.js';
import { virtualAuthenticator } from '../testing/virtual-authenticator.js';
import './define.js';
import type { BillingoneSecurity } from './security.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderSecurity(client: SettingsClient = newClient(), locale = 'en'): Promise<BillingoneSecurity> {
  const element = await fixture<BillingoneSecurity>(html`<billingone-security locale=${locale} .client=${client}></billingone-security>`);
  await until(() => !!element.shadowRoot!.querySelector('[data-card="totp"]'));
  return element;
}

const find = <T extends Element = HTMLElement>(element: Element, selector: string): T | null => element.shadowRoot!.querySelector<T>(selector);
const card = (element: Element, name: string) => shadowQuery(element, `[data-card="${name}"]`);
const action = (element: Element, name: string) => shadowQuery<HTMLButtonElement>(element, `[data-action="${name}"]`);
const codes = (element: Element) => shadowQueryAll(element, '.codes code').map((code) => code.textContent!.trim());
const errorOf = (element: Element, id: string) => find(element, `#${id}-error`)?.textContent?.trim();
const submitOf = (form: Element) => form.querySelector<HTMLButtonElement>('button[type="submit"]')!;

/** Starts the enrolment in the element and answers the secret it shows (spaces removed). */
async function startEnrolment(element: BillingoneSecurity): Promise<string> {
  action(element, 'totp-setup').click();
  await until(() => !!find(element, '[data-secret]'));
  return find(element, '[data-secret]')!.textContent!.replace(/\s+/g, '');
}

/** A well-formed code that is not the one the app would show now (nor one step either side). */
async function wrongCode(secret: string): Promise<string> {
  const near = new Set([await totpCode(secret, -1), await totpCode(secret), await totpCode(secret, 1)]);
  return ['000000', '111111', '222222', '333333'].find((code) => !near.has(code))!;
}

beforeEach(async () => {
  await resetDemoData();
  await signInAs('engineer');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<billingone-security>', () => {
  it('shows a member without MFA their factors and sign-ins, and is accessible in light and dark', async () => {
    const element = await renderSecurity();
    await until(() => !!find(element, '[data-login]'));
    expect(visibleText(card(element, 'totp'))).toContain('Off');
    expect(action(element, 'totp-setup').textContent).toContain('Set up authenticator app');
    expect(find(element, '[data-card="recovery"]')).toBeNull();
    expect(visibleText(card(element, 'passkeys'))).toContain('You have no passkeys yet.');
    const history = visibleText(card(element, 'history'));
    expect(history).toContain('Password');
    expect(history).toContain('Succeeded');
    expect(shadowQuery(element, '[data-login] time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expectAccessibleInThemes(element);
  });

  it('enrols TOTP: QR code and grouped key, a verified code, recovery codes shown once with copy and download', async () => {
    const element = await renderSecurity();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const enrolled = recordEvents<BillingoneMfaEnrolledEvent>(document, 'billingone-mfa-enrolled');

    const secret = await startEnrolment(element);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(find(element, '[data-secret]')!.textContent!.trim()).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const qr = shadowQuery(element, 'svg.qr');
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe('QR code to scan with your authenticator app');
    expect(shadowQuery(element, '.qr-modules').getAttribute('d')!.length).toBeGreaterThan(500);
    await until(() => deepActiveElement()?.textContent?.trim() === 'Connect your authenticator app');
    const code = shadowQuery<HTMLInputElement>(element, '#totp-code');
    expect(code.autocomplete).toBe('one-time-code');
    expect(code.inputMode).toBe('numeric');
    await expectAccessibleInThemes(element);

    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    action(element, 'copy-key').click();
    await until(() => announced(element) === 'Setup key copied to the clipboard.');
    expect(writeText).toHaveBeenLastCalledWith(secret);

    typeInto(code, await totpCode(secret));
    action(element, 'verify').click();
    await until(() => codes(element).length === 10);
    const recoveryCodes = codes(element);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'security', resource: 'totp' }]);
    expect(enrolled.map((event) => event.detail)).toEqual([{ method: 'totp' }]);
    expect(enrolled[0]!.bubbles && enrolled[0]!.composed).toBe(true);
    await until(() => announced(element) === 'Two-factor authentication is on. Save your recovery codes.');
    expect(deepActiveElement()?.textContent?.trim()).toBe('Save your recovery codes');

    action(element, 'copy-codes').click();
    await until(() => announced(element) === 'Recovery codes copied to the clipboard.');
    expect(writeText).toHaveBeenLastCalledWith(recoveryCodes.join('\n'));
    writeText.mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    action(element, 'copy-codes').click();
    await until(() => announced(element).startsWith('Your browser did not allow copying.'));

    const files: Blob[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return createObjectURL(blob);
    });
    const downloads: string[] = [];
    const keepOnPage = (event: Event) => {
      if (event.target instanceof HTMLAnchorElement && event.target.download) {
        downloads.push(event.target.download);
        event.preventDefault();
      }
    };
    element.shadowRoot!.addEventListener('click', keepOnPage, { capture: true });
    onTestFinished(() => element.shadowRoot!.removeEventListener('click', keepOnPage, { capture: true }));
    action(element, 'download-codes').click();
    expect(downloads).toEqual(['billingone-recovery-codes.txt']);
    expect(files[0]!.type).toBe('text/plain;charset=utf-8');
    const text = await files[0]!.text();
    for (const each of recoveryCodes) expect(text).toContain(`\n${each}\n`);
    expect(shadowQueryAll(element, 'a[download]')).toHaveLength(0);
    await expectAccessibleInThemes(element);

    action(element, 'acknowledge').click();
    await until(() => visibleText(card(element, 'totp')).includes('On') && codes(element).length === 0);
    await until(() => find(element, '[data-remaining]')?.getAttribute('data-remaining') === '10');
    expect(visibleText(card(element, 'recovery'))).toContain('10 recovery codes left.');
    expect(action(element, 'totp-disable').disabled).toBe(false);
    const me = await apiCall('GET', '/me');
    expect(me.body.mfa).toMatchObject({ totpEnabled: true });
    expect(enrolled).toHaveLength(1);
  });

  it('shows a wrong code inline and keeps the form, then accepts the right one', async () => {
    const element = await renderSecurity();
    const enrolled = recordEvents(document, 'billingone-mfa-enrolled');
    const secret = await startEnrolment(element);
    const code = shadowQuery<HTMLInputElement>(element, '#totp-code');

    typeInto(code, '12 3');
    action(element, 'verify').click();
    await until(() => errorOf(element, 'totp-code') === 'Enter the 6-digit code from your authenticator app.');

    const wrong = await wrongCode(secret);
    typeInto(code, wrong);
    action(element, 'verify').click();
    await until(() => errorOf(element, 'totp-code') === 'That code is not right. Check your authenticator app and try again.');
    const kept = shadowQuery<HTMLInputElement>(element, '#totp-code');
    expect(kept.value).toBe(wrong);
    expect(kept.getAttribute('aria-invalid')).toBe('true');
    expect(kept.getAttribute('aria-describedby')).toContain('totp-code-error');
    await until(() => deepActiveElement() === kept);
    expect(find(element, '[data-secret]')!.textContent!.replace(/\s+/g, '')).toBe(secret);
    expect(enrolled).toHaveLength(0);
    expect((await apiCall('GET', '/me')).body.mfa.totpEnabled).toBe(false);

    typeInto(kept, await totpCode(secret));
    action(element, 'verify').click();
    await until(() => codes(element).length === 10);
    expect(enrolled).toHaveLength(1);
  });

  it('ends an expired enrolment with a way to start again', async () => {
    const element = await renderSecurity();
    const first = await startEnrolment(element);
    await queryDemoDatabase("UPDATE totp_enrollments SET expires_at = now() - interval '1 minute'");
    typeInto(shadowQuery<HTMLInputElement>(element, '#totp-code'), await totpCode(first));
    action(element, 'verify').click();
    await until(() => find(element, '.enrol[data-state="expired"] [role="alert"]')?.textContent?.trim() === 'This setup expired. Start again to get a new QR code.');
    shadowQuery<HTMLButtonElement>(element, '.enrol[data-state="expired"] button').click();
    await until(() => !!find(element, '[data-secret]'));
    expect(find(element, '[data-secret]')!.textContent!.replace(/\s+/g, '')).not.toBe(first);
  });

  it('cancels an enrolment before the code is verified, leaving TOTP off', async () => {
    const element = await renderSecurity();
    await startEnrolment(element);
    shadowQueryAll<HTMLButtonElement>(element, '.enrol button').find((button) => button.textContent!.trim() === 'Cancel')!.click();
    await until(() => !find(element, '.enrol'));
    expect(visibleText(card(element, 'totp'))).toContain('Off');
    expect((await apiCall('GET', '/security')).body.totp.enabled).toBe(false);
  });

  it('turns TOTP off with a current code, refusing a wrong one inline', async () => {
    const { secret } = await enrolTotp();
    const element = await renderSecurity();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    expect(visibleText(card(element, 'totp'))).toContain('On');

    action(element, 'totp-disable').click();
    const dialog = openDialog(element);
    const input = dialog.querySelector<HTMLInputElement>('#totp-disable-code')!;
    await until(() => deepActiveElement() === input);
    expect(input.autocomplete).toBe('one-time-code');

    typeInto(input, await wrongCode(secret));
    submitOf(dialog).click();
    await until(() => errorOf(element, 'totp-disable-code') === 'That code is not right. Check your authenticator app and try again.');
    expect(dialog.open).toBe(true);
    expect(saved).toHaveLength(0);

    typeInto(input, await totpCode(secret, 1));
    submitOf(dialog).click();
    await until(() => !dialog.open);
    await until(() => visibleText(card(element, 'totp')).includes('Off'));
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'security', resource: 'totp' }]);
    await until(() => announced(element) === 'The authenticator app is turned off.');
    expect((await apiCall('GET', '/me')).body.mfa.totpEnabled).toBe(false);
  });

  it('refuses to turn TOTP off while the organization requires MFA, and explains why', async () => {
    await signInAs('owner');
    const { secret } = await enrolTotp();
    await setOrganizationRequiresMfa(true);
    const element = await renderSecurity();
    const button = action(element, 'totp-disable');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('totp-required');
    expect(shadowQuery(element, '#totp-required').textContent).toBe(
      'Your organization requires two-factor authentication, so you cannot turn off your authenticator app.',
    );
    await expectAccessibleInThemes(element);

    // The policy changes after the page loaded: the server refuses, and the dialog says why.
    await setOrganizationRequiresMfa(false);
    const stale = await renderSecurity();
    await setOrganizationRequiresMfa(true);
    action(stale, 'totp-disable').click();
    const dialog = openDialog(stale);
    typeInto(dialog.querySelector<HTMLInputElement>('#totp-disable-code')!, await totpCode(secret, 1));
    submitOf(dialog).click();
    await until(() => dialog.querySelector('.form-error')?.textContent?.trim() === shadowQuery(element, '#totp-required').textContent);
    expect(dialog.open).toBe(true);
    expect((await apiCall('GET', '/security')).body.totp.enabled).toBe(true);
  });

  it('asks for the password before showing recovery codes when the last sign-in is not recent', async () => {
    await signOut();
    const token = await embedTokenFor('engineer');
    const bearer = { authorization: `Bearer ${token}` };
    const { secret, recoveryCodes } = await enrolTotp(bearer);
    const element = await renderSecurity(createSettingsClient({ baseUrl: location.origin, getToken: () => token, retry: { limit: 0 } }));
    expect(visibleText(card(element, 'recovery'))).toContain('10 recovery codes left.');

    const view = action(element, 'recovery-view');
    view.focus();
    view.click();
    await until(() => find<HTMLDialogElement>(element, 'dialog[data-dialog="step-up"]')?.open === true);
    const dialog = openDialog(element);
    const password = dialog.querySelector<HTMLInputElement>('#step-up-password')!;
    expect(password.type).toBe('password');
    expect(password.autocomplete).toBe('current-password');
    const username = dialog.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    expect(username.value).toBe('engineer@acme.test');
    expect(username.hidden).toBe(true);
    await expectAccessibleInThemes(element);

    submitOf(dialog).click();
    await until(() => errorOf(element, 'step-up-password') === 'Enter your password.');
    typeInto(password, 'not-my-password');
    submitOf(dialog).click();
    await until(() => errorOf(element, 'step-up-password') === 'That password is not right.');
    expect(password.value).toBe('not-my-password');
    expect(codes(element)).toEqual([]);

    typeInto(password, demoPassword);
    submitOf(dialog).click();
    await until(() => !dialog.open && codes(element).length === 10);
    expect(codes(element)).toEqual(recoveryCodes);
    expect(deepActiveElement()?.id).toBe('recovery-shown');

    action(element, 'recovery-hide').click();
    await until(() => codes(element).length === 0);
    // Re-authenticated a moment ago: no second question.
    action(element, 'recovery-view').click();
    await until(() => codes(element).length === 10);
    expect(find<HTMLDialogElement>(element, 'dialog[data-dialog="step-up"]')!.open).toBe(false);

    // A new embed token has no recent re-authentication; a code from the app works too.
    const second = await embedTokenFor('engineer');
    const other = await renderSecurity(createSettingsClient({ baseUrl: location.origin, getToken: () => second, retry: { limit: 0 } }));
    action(other, 'recovery-view').click();
    await until(() => find<HTMLDialogElement>(other, 'dialog[data-dialog="step-up"]')?.open === true);
    const otherDialog = openDialog(other);
    const useCode = otherDialog.querySelector<HTMLInputElement>('input[name="method"][value="code"]')!;
    useCode.click();
    await until(() => !!otherDialog.querySelector('#step-up-code'));
    typeInto(otherDialog.querySelector<HTMLInputElement>('#step-up-code')!, await wrongCode(secret));
    submitOf(otherDialog).click();
    await until(() => errorOf(other, 'step-up-code') === 'That code is not right. Check your authenticator app and try again.');
    typeInto(otherDialog.querySelector<HTMLInputElement>('#step-up-code')!, await totpCode(secret, 1));
    submitOf(otherDialog).click();
    await until(() => codes(other).length === 10);
  });

  it('asks again when the re-authentication lapsed after the page loaded', async () => {
    const { recoveryCodes } = await enrolTotp();
    const element = await renderSecurity();
    // The page believes the sign-in is recent; the server no longer does.
    await queryDemoDatabase("UPDATE sessions SET reauthenticated_at = now() - interval '1 hour'");
    action(element, 'recovery-view').click();
    await until(() => find<HTMLDialogElement>(element, 'dialog[data-dialog="step-up"]')?.open === true);
    typeInto(shadowQuery<HTMLInputElement>(element, '#step-up-password'), demoPassword);
    submitOf(openDialog(element)).click();
    await until(() => codes(element).length === 10);
    expect(codes(element)).toEqual(recoveryCodes);
  });

  it('leaves the step-up with Escape, showing nothing', async () => {
    await signOut();
    const token = await embedTokenFor('engineer');
    await enrolTotp({ authorization: `Bearer ${token}` });
    const element = await renderSecurity(createSettingsClient({ baseUrl: location.origin, getToken: () => token, retry: { limit: 0 } }));
    const view = action(element, 'recovery-view');
    view.focus();
    view.click();
    await until(() => find<HTMLDialogElement>(element, 'dialog[data-dialog="step-up"]')?.open === true);
    await until(() => deepActiveElement()?.id === 'step-up-password');
    await userEvent.keyboard('{Escape}');
    await until(() => deepActiveElement() === view);
    expect(codes(element)).toEqual([]);
    expect(action(element, 'recovery-view').disabled).toBe(false);
  });

  it('regenerates recovery codes after a confirmation; the old ones stop working', async () => {
    const { recoveryCodes: old } = await enrolTotp();
    const element = await renderSecurity();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');

    action(element, 'recovery-regenerate').click();
    await until(() => openDialog(element).textContent!.includes('Regenerate recovery codes?'));
    answerConfirm(element, 'cancel');
    await until(() => !find(element, 'dialog[open]'));
    expect(saved).toHaveLength(0);
    expect((await apiCall('GET', '/security/recovery-codes')).body.codes).toEqual(old);

    action(element, 'recovery-regenerate').click();
    await until(() => !!find(element, 'dialog[open]'));
    answerConfirm(element, 'confirm');
    await until(() => codes(element).length === 10);
    const fresh = codes(element);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    expect(visibleText(card(element, 'recovery'))).toContain('These are your new codes. The old ones no longer work');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'security', resource: 'recovery-codes' }]);
    await until(() => announced(element) === 'New recovery codes created. Your old codes no longer work.');

    const signInWith = async (recoveryCode: string) => {
      const first = await fetch('/v1/auth/sign-in', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'engineer@acme.test', password: demoPassword }),
      });
      const { mfaToken } = (await first.json()) as { mfaToken: string };
      const second = await fetch('/v1/auth/sign-in/mfa', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mfaToken, recoveryCode }),
      });
      return { status: second.status, code: ((await second.json()) as { code?: string; status?: string }).code ?? 'signed_in' };
    };
    expect(await signInWith(old[0]!)).toEqual({ status: 422, code: 'invalid_recovery_code' });
    expect(await signInWith(fresh[0]!)).toEqual({ status: 200, code: 'signed_in' });
  });

  describe('passkeys (Chromium virtual authenticator)', () => {
    async function addPasskey(element: BillingoneSecurity, name: string): Promise<void> {
      action(element, 'passkey-add').click();
      await until(() => deepActiveElement()?.id === 'passkey-name');
      typeInto(shadowQuery<HTMLInputElement>(element, '#passkey-name'), name);
      action(element, 'passkey-create').click();
    }

    it('registers a passkey for real, renames it inline and removes it after a confirmation', async () => {
      const authenticatorId = await virtualAuthenticator();
      const element = await renderSecurity();
      const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
      const enrolled = recordEvents<BillingoneMfaEnrolledEvent>(document, 'billingone-mfa-enrolled');

      action(element, 'passkey-add').click();
      await until(() => deepActiveElement()?.id === 'passkey-name');
      action(element, 'passkey-create').click();
      await until(() => errorOf(element, 'passkey-name') === 'Give the passkey a name of 1 to 64 characters.');

      typeInto(shadowQuery<HTMLInputElement>(element, '#passkey-name'), 'Work laptop');
      action(element, 'passkey-create').click();
      await until(() => shadowQueryAll(element, '[data-passkey]').length === 1);
      const row = shadowQuery(element, '[data-passkey]');
      expect(visibleText(row)).toContain('Work laptop');
      expect(visibleText(row)).toContain('Never');
      expect(enrolled.map((event) => event.detail)).toEqual([{ method: 'passkey' }]);
      expect(saved.map((event) => event.detail)).toEqual([{ section: 'security', resource: 'passkey' }]);
      await until(() => announced(element) === 'Passkey “Work laptop” added.');
      expect((await apiCall('GET', '/me')).body.mfa.passkeyCount).toBe(1);
      const { credentials } = (await cdp().send('WebAuthn.getCredentials', { authenticatorId })) as { credentials: unknown[] };
      expect(credentials).toHaveLength(1);
      await expectAccessibleInThemes(element);

      // The same device again: the browser refuses, and the element says why.
      await addPasskey(element, 'Again');
      await until(() => find(element, '[data-note="failed"]')?.textContent?.trim() === 'This device already has a passkey for your account.');
      shadowQueryAll<HTMLButtonElement>(element, '.add-passkey button').find((button) => button.textContent!.trim() === 'Cancel')!.click();
      await until(() => !find(element, '.add-passkey'));

      const id = row.getAttribute('data-passkey')!;
      const rename = shadowQuery<HTMLButtonElement>(element, `[data-rename="${id}"]`);
      expect(rename.getAttribute('aria-label')).toBe('Rename Work laptop');
      rename.click();
      await until(() => deepActiveElement()?.id === 'passkey-rename');
      const input = shadowQuery<HTMLInputElement>(element, '#passkey-rename');
      expect(input.value).toBe('Work laptop');
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await until(() => !find(element, '#passkey-rename'));
      await until(() => deepActiveElement() === shadowQuery(element, `[data-rename="${id}"]`));

      shadowQuery<HTMLButtonElement>(element, `[data-rename="${id}"]`).click();
      await until(() => !!find(element, '#passkey-rename'));
      typeInto(shadowQuery<HTMLInputElement>(element, '#passkey-rename'), '  ');
      submitOf(shadowQuery(element, 'form.rename')).click();
      await until(() => errorOf(element, 'passkey-rename') === 'Give the passkey a name of 1 to 64 characters.');
      typeInto(shadowQuery<HTMLInputElement>(element, '#passkey-rename'), 'Laptop');
      submitOf(shadowQuery(element, 'form.rename')).click();
      await until(() => !find(element, '#passkey-rename') && visibleText(shadowQuery(element, '[data-passkey]')).includes('Laptop'));
      expect(saved.at(-1)!.detail).toEqual({ section: 'security', resource: 'passkey' });
      expect((await apiCall('GET', '/security')).body.passkeys[0].name).toBe('Laptop');

      shadowQuery<HTMLButtonElement>(element, `[data-remove="${id}"]`).click();
      await until(() => openDialog(element).textContent!.includes('Remove “Laptop”?'));
      answerConfirm(element, 'confirm');
      await until(() => shadowQueryAll(element, '[data-passkey]').length === 0 && !!find(element, '[data-empty="passkeys"]'));
      expect(saved).toHaveLength(3);
      await until(() => announced(element) === 'Passkey “Laptop” removed.');
      expect((await apiCall('GET', '/me')).body.mfa.passkeyCount).toBe(0);
    });

    it('refuses to remove the last passkey while the organization requires MFA (also on a page loaded before the policy), and says what to do instead', async () => {
      await signInAs('owner');
      await virtualAuthenticator();
      const element = await renderSecurity();
      await addPasskey(element, 'Only key');
      await until(() => shadowQueryAll(element, '[data-passkey]').length === 1);
      await setOrganizationRequiresMfa(true);
      const id = shadowQuery(element, '[data-passkey]').getAttribute('data-passkey')!;
      shadowQuery<HTMLButtonElement>(element, `[data-remove="${id}"]`).click();
      await until(() => openDialog(element).textContent!.includes('Remove “Only key”?'));
      answerConfirm(element, 'confirm');
      await until(() => find(element, '[data-passkeys-error]'));
      expect(visibleText(find(element, '[data-passkeys-error]')!)).toBe(
        'Your organization requires two-factor authentication. Add another passkey or set up an authenticator app before removing this one.',
      );
      expect((await apiCall('GET', '/me')).body.mfa.passkeyCount).toBe(1);

      // Loaded under the policy: Remove is off, and says why.
      const fresh = await renderSecurity();
      await until(() => shadowQueryAll(fresh, '[data-passkey]').length === 1);
      const remove = shadowQuery<HTMLButtonElement>(fresh, `[data-remove="${id}"]`);
      expect(remove.disabled).toBe(true);
      expect(remove.getAttribute('aria-describedby')).toBe('passkey-required');
      expect(visibleText(shadowQuery(fresh, '#passkey-required'))).toBe(
        'Your organization requires two-factor authentication. Add another passkey or set up an authenticator app before removing this one.',
      );
      await expectAccessibleInThemes(fresh);
    });

    it('treats a dismissed browser prompt as a calm cancellation, not an error', async () => {
      const authenticatorId = await virtualAuthenticator();
      // Without user verification the authenticator answers NotAllowedError, as a dismissed prompt does.
      await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
      const element = await renderSecurity();
      const saved = recordEvents(document, 'billingone-saved');
      await addPasskey(element, 'Phone');
      await until(() => !!find(element, '[data-note="cancelled"]'));
      expect(find(element, '[data-note="cancelled"]')!.textContent!.trim()).toBe('Passkey setup was cancelled. Nothing was changed.');
      expect(find(element, '[data-note="cancelled"]')!.getAttribute('role')).toBe('status');
      expect(find(element, '.add-passkey .form-error')).toBeNull();
      expect(shadowQuery<HTMLInputElement>(element, '#passkey-name').value).toBe('Phone');
      expect(action(element, 'passkey-create').textContent!.trim()).toBe('Try again');
      expect(saved).toHaveLength(0);
      expect((await apiCall('GET', '/security')).body.passkeys).toEqual([]);

      await cdp().send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
      action(element, 'passkey-create').click();
      await until(() => shadowQueryAll(element, '[data-passkey]').length === 1);
      expect(visibleText(shadowQuery(element, '[data-passkey]'))).toContain('Phone');
    });
  });

  it('pages through the login history, newest first, with failures marked', async () => {
    for (let i = 1; i <= 11; i++) await signInElsewhere('engineer', { ip: `203.0.113.${i}` });
    const failed = await fetch('/v1/auth/sign-in', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ email: 'engineer@acme.test', password: 'wrong-password' }),
    });
    expect(failed.status).toBe(401);
    const element = await renderSecurity();
    await until(() => shadowQueryAll(element, '[data-login]').length === 10);
    const rows = shadowQueryAll(element, '[data-login]');
    expect(visibleText(rows[0]!)).toContain('198.51.100.7');
    expect(visibleText(rows[0]!)).toContain('Failed');
    expect(visibleText(rows[1]!)).toContain('203.0.113.11');
    expect(visibleText(rows[1]!)).toContain('Succeeded');
    // The server does not count sign-ins: the pager says these are the first ones, then how many there are.
    expect(visibleText(card(element, 'history'))).toContain('First 10 results shown');
    const more = shadowQueryAll<HTMLButtonElement>(element, '.pager button').find((button) => button.textContent!.trim() === 'Load more')!;
    more.click();
    await until(() => shadowQueryAll(element, '[data-login]').length === 13);
    expect(visibleText(card(element, 'history'))).not.toContain('Load more');
    expect(visibleText(card(element, 'history'))).toContain('13 results');
  });

  it('shows an error with a retry when the session has ended, and recovers', async () => {
    await signOut();
    const element = await fixture<BillingoneSecurity>(html`<billingone-security locale="en" .client=${newClient()}></billingone-security>`);
    await until(() => !!find(element, '[data-status="error"]'));
    expect(visibleText(element)).toContain('Your session has ended. Sign in again to continue.');
    await signInAs('engineer');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => !!find(element, '[data-card="totp"]'));
  });

  it('shows the sign-in history as forbidden to a member held at the MFA gate', async () => {
    await signInAs('owner');
    await enrolTotp();
    await setOrganizationRequiresMfa(true);
    await signInAs('viewer');
    const element = await renderSecurity();
    await until(() => !!find(element, '[data-card="history"] [data-status="forbidden"]'));
    expect(visibleText(card(element, 'history'))).toContain('You do not have access to this page');
    expect(action(element, 'totp-setup')).toBeTruthy();
  });

  it('fires no event for programmatic changes, and follows the locale (French, Arabic right to left)', async () => {
    await enrolTotp();
    const element = await renderSecurity();
    const saved = recordEvents(document, 'billingone-saved');
    const enrolled = recordEvents(document, 'billingone-mfa-enrolled');
    element.locale = 'fr';
    await until(() => visibleText(element).includes('Sécurité') && visibleText(element).includes('Application d’authentification'));
    element.client = newClient();
    await until(() => !!find(element, '[data-card="totp"]'));
    element.theme = 'dark';
    element.locale = 'ar';
    await until(() => element.getAttribute('dir') === 'rtl' && visibleText(element).includes('الأمان'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(saved).toHaveLength(0);
    expect(enrolled).toHaveLength(0);
  });
});
