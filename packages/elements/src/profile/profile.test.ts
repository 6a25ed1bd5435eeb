import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall, signInElsewhere } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, choose, chooseFiles, pngFile, typeInto } from '../testing/interact.js';
import { resetDemoData, signInAs, signOut } from '../testing/session.js';
import './define.js';
import type { BillingoneProfile } from './profile.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderProfile(client = newClient()): Promise<BillingoneProfile> {
  const element = await fixture<BillingoneProfile>(html`<billingone-profile locale="en" .client=${client}></billingone-profile>`);
  await until(() => element.shadowRoot!.querySelector('#name'));
  return element;
}

const input = (element: BillingoneProfile, id: string) => shadowQuery<HTMLInputElement>(element, `#${id}`);
const errorOf = (element: BillingoneProfile, id: string) => element.shadowRoot!.querySelector(`#${id}-error`)?.textContent?.trim();
const submit = (element: BillingoneProfile, formTitle: string) =>
  shadowQuery<HTMLButtonElement>(element, `form[aria-labelledby="${formTitle}"] button[type="submit"]`).click();

beforeEach(async () => {
  await resetDemoData();
  await signInAs('viewer');
});

describe('<billingone-profile>', () => {
  it('shows the seeded profile with the email read-only, and is accessible in light and dark', async () => {
    const element = await renderProfile();
    expect(input(element, 'name').value).toBe('Vera Lind');
    const email = input(element, 'email');
    expect(email.value).toBe('viewer@acme.test');
    expect(email.readOnly).toBe(true);
    expect(visibleText(element)).toContain('cannot be changed here');
    expect(shadowQuery<HTMLSelectElement>(element, '#locale').value).toBe('en-GB');
    expect(shadowQuery<HTMLSelectElement>(element, '#time-zone').value).toBe('Europe/London');
    expect(shadowQueryAll(element, '#time-zone option').length).toBeGreaterThan(300);
    const localeLabels = shadowQueryAll<HTMLOptionElement>(element, '#locale option').map((option) => option.textContent?.trim());
    expect(localeLabels).toEqual(expect.arrayContaining(['English', 'British English', 'Français', 'العربية']));
    expect(input(element, 'current-password').autocomplete).toBe('current-password');
    expect(input(element, 'new-password').autocomplete).toBe('new-password');
    expect(input(element, 'confirm-password').autocomplete).toBe('new-password');
    const username = shadowQuery<HTMLInputElement>(element, 'input[autocomplete="username"]');
    expect(username.value).toBe('viewer@acme.test');
    expect(username.hidden).toBe(true);
    expect(shadowQuery(element, '.avatar-initials').textContent).toBe('VL');
    await expectAccessibleInThemes(element);
  });

  it('saves a new name, language and time zone, announces it, fires billingone-saved, and a reload shows them', async () => {
    const element = await renderProfile();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    typeInto(input(element, 'name'), 'Vera Lindqvist');
    choose(shadowQuery<HTMLSelectElement>(element, '#locale'), 'fr');
    choose(shadowQuery<HTMLSelectElement>(element, '#time-zone'), 'America/New_York');
    submit(element, 'details-title');
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'profile', resource: 'profile' });
    expect(saved[0]!.bubbles && saved[0]!.composed).toBe(true);
    await until(() => announced(element) === 'Your profile was saved.');
    // In sight too, until the next edit.
    expect(element.shadowRoot!.querySelector('.saved-note')?.textContent).toBe('Your profile was saved.');
    typeInto(input(element, 'name'), 'Vera Lindqvist-Berg');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.saved-note')).toBeNull();

    const { body } = await apiCall('GET', '/profile');
    expect(body).toMatchObject({ name: 'Vera Lindqvist', locale: 'fr', timeZone: 'America/New_York' });
    const reloaded = await renderProfile();
    expect(input(reloaded, 'name').value).toBe('Vera Lindqvist');
    expect(shadowQuery<HTMLSelectElement>(reloaded, '#locale').value).toBe('fr');
    expect(shadowQuery<HTMLSelectElement>(reloaded, '#time-zone').value).toBe('America/New_York');
  });

  it('refuses an empty name inline before sending, keeping the input', async () => {
    const element = await renderProfile();
    const saved = recordEvents(document, 'billingone-saved');
    typeInto(input(element, 'name'), '   ');
    submit(element, 'details-title');
    await until(() => errorOf(element, 'name') === 'Enter your full name.');
    const name = input(element, 'name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain('name-error');
    expect(name.value).toBe('   ');
    expect(element.shadowRoot!.activeElement).toBe(name);
    expect((await apiCall('GET', '/profile')).body.name).toBe('Vera Lind');
    expect(saved).toHaveLength(0);
  });

  it('shows a wrong current password on that field and keeps what was typed', async () => {
    const element = await renderProfile();
    typeInto(input(element, 'current-password'), 'not-my-password');
    typeInto(input(element, 'new-password'), 'Quiet-Harbour-Lamp-72');
    typeInto(input(element, 'confirm-password'), 'Quiet-Harbour-Lamp-72');
    submit(element, 'password-title');
    await until(() => errorOf(element, 'current-password') === 'The current password is not correct.');
    const current = input(element, 'current-password');
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(current.value).toBe('not-my-password');
    expect(input(element, 'new-password').value).toBe('Quiet-Harbour-Lamp-72');
    expect(input(element, 'confirm-password').value).toBe('Quiet-Harbour-Lamp-72');
    await until(() => element.shadowRoot!.activeElement === current);
  });

  it('checks the confirmation and the strength on the client and lists the rules', async () => {
    const element = await renderProfile();
    typeInto(input(element, 'new-password'), 'short');
    await element.updateComplete;
    expect(visibleText(shadowQuery(element, '#new-password-hint'))).toContain('Strength: Very weak');
    expect(shadowQuery(element, '[data-rule="min_length"]').classList.contains('met')).toBe(false);
    typeInto(input(element, 'new-password'), 'Quiet-Harbour-Lamp-72');
    await element.updateComplete;
    expect(shadowQuery(element, '[data-rule="min_length"]').classList.contains('met')).toBe(true);
    expect(visibleText(shadowQuery(element, '#new-password-hint'))).toMatch(/Strength: (Good|Strong)/);
    typeInto(input(element, 'confirm-password'), 'Quiet-Harbour-Lamp-73');
    submit(element, 'password-title');
    await until(() => errorOf(element, 'confirm-password') === 'The passwords do not match.');
    expect(errorOf(element, 'current-password')).toBe('Enter your current password.');
  });

  it('changes the password and tells how many other sessions were signed out', async () => {
    await signInElsewhere('viewer', { ip: '198.51.100.7' });
    await signInElsewhere('viewer', { ip: '198.51.100.8' });
    expect((await apiCall('GET', '/sessions')).body.items).toHaveLength(3);
    const element = await renderProfile();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    typeInto(input(element, 'current-password'), 'billingone-demo');
    typeInto(input(element, 'new-password'), 'Quiet-Harbour-Lamp-72');
    typeInto(input(element, 'confirm-password'), 'Quiet-Harbour-Lamp-72');
    submit(element, 'password-title');
    await until(() => element.shadowRoot!.querySelector('.success-message'));
    expect(shadowQuery(element, '.success-message').textContent).toBe('Your password was changed. 2 other sessions were signed out.');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'profile', resource: 'password' }]);
    await until(() => announced(element).includes('2 other sessions were signed out'));
    expect((await apiCall('GET', '/sessions')).body.items).toHaveLength(1);
    await signOut();
    await signInAs('viewer', 'Quiet-Harbour-Lamp-72');
  });

  it('refuses a file of the wrong type or too big before uploading, inline', async () => {
    const requests: string[] = [];
    const counting = createSettingsClient({
      baseUrl: location.origin,
      retry: { limit: 0 },
      fetch: (input, init) => {
        requests.push(`${init?.method ?? (input as Request).method ?? 'GET'} ${input instanceof Request ? input.url : String(input)}`);
        return fetch(input, init);
      },
    });
    const element = await renderProfile(counting);
    const fileInput = shadowQuery<HTMLInputElement>(element, 'input[type="file"]');
    expect(fileInput.accept).toBe('image/png,image/jpeg,image/webp');
    chooseFiles(fileInput, new File(['GIF89a'], 'cat.gif', { type: 'image/gif' }));
    await until(() => errorOf(element, 'avatar') === 'This file is a GIF. Choose a PNG, JPEG, or WebP image.');
    expect(shadowQuery(element, '#avatar-error').getAttribute('role')).toBe('alert');
    expect(shadowQuery(element, '[data-action="upload-avatar"]').getAttribute('aria-describedby')).toContain('avatar-error');

    chooseFiles(fileInput, new File([new Uint8Array(3 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
    await until(() => errorOf(element, 'avatar') === 'This file is 3 MB. Choose an image of 2 MB or less.');
    expect((await apiCall('GET', '/profile')).body.avatarUrl).toBeNull();
    expect(requests.filter((request) => request.includes('/avatar'))).toEqual([]);
  });

  it('crops a PNG to a square, uploads it, shows it, and removes it after confirmation', async () => {
    const element = await renderProfile();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    chooseFiles(shadowQuery<HTMLInputElement>(element, 'input[type="file"]'), await pngFile(300, 200));
    await until(() => element.shadowRoot!.querySelector<HTMLImageElement>('img.avatar'));
    const image = shadowQuery<HTMLImageElement>(element, 'img.avatar');
    expect(image.alt).toBe('Your profile photo');
    await until(() => image.complete && image.naturalWidth > 0);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([200, 200]);
    const { body } = await apiCall('GET', '/profile');
    expect(image.src).toBe(new URL(body.avatarUrl, location.origin).href);
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'profile', resource: 'avatar' }]);
    expect(shadowQuery(element, '[data-action="upload-avatar"]').textContent?.trim()).toBe('Replace photo');
    await until(() => announced(element) === 'Your profile photo was updated.');

    shadowQuery<HTMLButtonElement>(element, '[data-action="remove-avatar"]').click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => element.shadowRoot!.querySelector('.avatar-initials'));
    expect((await apiCall('GET', '/profile')).body.avatarUrl).toBeNull();
    expect(saved.map((event) => event.detail.resource)).toEqual(['avatar', 'avatar']);
  });

  it('fires nothing for programmatic changes and speaks French when asked', async () => {
    const element = await renderProfile();
    const saved = recordEvents(document, 'billingone-saved');
    element.locale = 'fr';
    element.theme = 'dark';
    await until(() => visibleText(element).includes('Mot de passe actuel'));
    expect(saved).toHaveLength(0);
  });

  it('shows an error with a retry when the profile cannot be loaded', async () => {
    await signOut();
    const element = await fixture<BillingoneProfile>(html`<billingone-profile .client=${newClient()}></billingone-profile>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    expect(visibleText(element)).toContain('Your session has ended');
    await signInAs('viewer');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => element.shadowRoot!.querySelector<HTMLInputElement>('#name')?.value === 'Vera Lind');
  });
});
