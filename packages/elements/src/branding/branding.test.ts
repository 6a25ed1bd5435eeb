import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BillingoneSavedEvent } from '../events/saved.js';
import '../settings/define.js';
import type { BillingoneSettings } from '../settings/settings.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, chooseFiles, openDialog, pngFile, typeInto } from '../testing/interact.js';
import { resetDemoData, signInAs } from '../testing/session.js';
import { contrastRatio } from '../theme/contrast.js';
import type { BillingoneBranding } from './branding.js';
import './define.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderBranding(client = newClient()): Promise<BillingoneBranding> {
  const element = await fixture<BillingoneBranding>(html`<billingone-branding locale="en" .client=${client}></billingone-branding>`);
  await until(() => element.shadowRoot!.querySelector('#primary-hex'));
  return element;
}

const hexInput = (element: BillingoneBranding, name: 'primary' | 'accent') => shadowQuery<HTMLInputElement>(element, `#${name}-hex`);
const picker = (element: BillingoneBranding, name: 'primary' | 'accent') => shadowQuery<HTMLInputElement>(element, `#${name}-picker`);
const save = (element: BillingoneBranding) => shadowQuery<HTMLButtonElement>(element, 'button[type="submit"]').click();

/** `rgb(r, g, b)` as `#rrggbb`. */
function hexOf(rgb: string): string {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((channel) => channel!.toString(16).padStart(2, '0')).join('')}`;
}

beforeEach(async () => {
  await resetDemoData();
  await signInAs('admin');
});

describe('<billingone-branding>', () => {
  it('shows the default colours with their accessible text colour, and is accessible in light and dark', async () => {
    const element = await renderBranding();
    expect(hexInput(element, 'primary').value).toBe('#1d4ed8');
    expect(hexInput(element, 'accent').value).toBe('#0f766e');
    expect(picker(element, 'primary').value).toBe('#1d4ed8');
    expect(visibleText(shadowQuery(element, '#primary-hex-hint'))).toMatch(/Text on it: #ffffff, contrast \d+\.\d:1 Meets WCAG AA/);
    expect(visibleText(element)).toContain('No logo yet');
    await expectAccessibleInThemes(element);
  });

  it('previews a new colour live with a readable text colour and saves it', async () => {
    const element = await renderBranding();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    typeInto(hexInput(element, 'primary'), 'FDE047');
    await element.updateComplete;
    const header = shadowQuery(element, '.preview-header');
    expect(hexOf(getComputedStyle(header).backgroundColor)).toBe('#fde047');
    const foreground = hexOf(getComputedStyle(header).color);
    expect(foreground).toBe('#0f172a');
    expect(contrastRatio('#fde047', foreground)).toBeGreaterThanOrEqual(4.5);
    expect(shadowQuery(element, '#primary-hex-hint [data-foreground]').dataset.foreground).toBe('#0f172a');
    expect(Number(shadowQuery(element, '#primary-hex-hint [data-ratio]').dataset.ratio)).toBeGreaterThanOrEqual(4.5);
    expect(picker(element, 'primary').value).toBe('#fde047');
    // The colours reach the preview through CSSOM custom properties, not a style attribute in the template.
    expect(shadowQuery(element, '.preview').style.getPropertyValue('--preview-primary')).toBe('#fde047');

    // The picker writes the hex box.
    const accent = picker(element, 'accent');
    accent.value = '#7c3aed';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    await element.updateComplete;
    expect(hexInput(element, 'accent').value).toBe('#7c3aed');
    expect(hexOf(getComputedStyle(shadowQuery(element, '.preview-accent')).backgroundColor)).toBe('#7c3aed');

    save(element);
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'branding', resource: 'colors' });
    await until(() => announced(element) === 'The colours were saved.');
    expect(hexInput(element, 'primary').value).toBe('#fde047');
    const { body } = await apiCall('GET', '/branding');
    expect(body).toMatchObject({ primaryColor: '#fde047', accentColor: '#7c3aed', isDefault: false });
    expect((await apiCall('GET', '/me')).body.organization.branding.primaryColor).toBe('#fde047');
  });

  it('applies saved colours to the settings shell around it', async () => {
    const shell = await fixture<BillingoneSettings>(html`<billingone-settings section="branding" .client=${newClient()}></billingone-settings>`);
    const element = await until(() => shell.shadowRoot!.querySelector('billingone-branding'));
    await until(() => element.shadowRoot!.querySelector('#primary-hex'));
    typeInto(hexInput(element, 'primary'), '#0b5cab');
    save(element);
    await until(() => getComputedStyle(shell).getPropertyValue('--billingone-color-primary').trim() === '#0b5cab');
  });

  it('refuses a colour that is not hex inline and keeps what was typed', async () => {
    const element = await renderBranding();
    const saved = recordEvents(document, 'billingone-saved');
    typeInto(hexInput(element, 'primary'), 'blue', { change: true });
    await until(() => element.shadowRoot!.querySelector('#primary-hex-error'));
    expect(visibleText(shadowQuery(element, '#primary-hex-error'))).toBe('Enter a hex colour such as #1d4ed8.');
    expect(hexInput(element, 'primary').getAttribute('aria-invalid')).toBe('true');
    expect(hexInput(element, 'primary').getAttribute('aria-describedby')).toContain('primary-hex-error');
    // The preview keeps the last valid colour.
    expect(hexOf(getComputedStyle(shadowQuery(element, '.preview-header')).backgroundColor)).toBe('#1d4ed8');
    save(element);
    await element.updateComplete;
    expect(hexInput(element, 'primary').value).toBe('blue');
    await until(() => element.shadowRoot!.activeElement === hexInput(element, 'primary'));
    expect(saved).toHaveLength(0);
    expect((await apiCall('GET', '/branding')).body.primaryColor).toBe('#1d4ed8');
  });

  it('keeps the colours typed when someone else saved meanwhile, then saves them', async () => {
    const element = await renderBranding();
    expect((await apiCall('PATCH', '/branding', { body: { accentColor: '#b45309' }, headers: { 'if-match': '*' } })).status).toBe(200);
    typeInto(hexInput(element, 'primary'), '#14532d');
    save(element);
    await until(() => element.shadowRoot!.querySelector('.form-error'));
    expect(visibleText(shadowQuery(element, '.form-error'))).toContain('Someone else changed the branding in the meantime');
    expect(hexInput(element, 'primary').value).toBe('#14532d');
    save(element);
    await until(() => announced(element) === 'The colours were saved.');
    // The colour the user did not touch follows the other person's change.
    expect(hexInput(element, 'accent').value).toBe('#b45309');
    const { body } = await apiCall('GET', '/branding');
    expect(body).toMatchObject({ primaryColor: '#14532d', accentColor: '#b45309' });
  });

  it('checks the logo before uploading, uploads a small PNG, shows it and removes it', async () => {
    const element = await renderBranding();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const input = shadowQuery<HTMLInputElement>(element, '#logo-file');
    const upload = shadowQuery<HTMLButtonElement>(element, '[data-action="upload-logo"]');
    // A button in the element's own words opens the file picker; the native control stays hidden.
    expect(input.hidden).toBe(true);
    expect(visibleText(upload)).toBe('Upload a logo');
    const picker = vi.spyOn(input, 'click').mockImplementation(() => {});
    upload.click();
    expect(picker).toHaveBeenCalledOnce();
    chooseFiles(input, new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    await until(() => element.shadowRoot!.querySelector('#logo-file-error'));
    expect(visibleText(shadowQuery(element, '#logo-file-error'))).toBe('This file type is not supported. Choose a PNG, JPEG, WebP, or SVG image.');
    expect(upload.getAttribute('aria-describedby')).toContain('logo-file-error');
    chooseFiles(input, new File([new Uint8Array(1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }));
    await until(() => visibleText(shadowQuery(element, '#logo-file-error')).includes('Choose an image of 1 MB or less.'));
    expect(saved).toHaveLength(0);

    chooseFiles(shadowQuery<HTMLInputElement>(element, '#logo-file'), await pngFile(64, 32, 'logo.png'));
    const logo = await until(() => element.shadowRoot!.querySelector<HTMLImageElement>('img.logo'));
    await until(() => logo.complete && logo.naturalWidth === 64);
    expect(logo.alt).toBe('Organization logo');
    expect(visibleText(shadowQuery(element, '[data-action="upload-logo"]'))).toBe('Replace the logo');
    expect(element.shadowRoot!.querySelector('#logo-file-error')).toBeNull();
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'branding', resource: 'logo' }]);
    expect((await apiCall('GET', '/branding')).body.logoUrl).toBeTruthy();

    [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Remove logo')!.click();
    await until(() => openDialog(element));
    answerConfirm(element, 'confirm');
    await until(() => element.shadowRoot!.querySelector('img.logo') === null);
    expect((await apiCall('GET', '/branding')).body.logoUrl).toBeNull();
  });

  it('resets to the defaults after confirmation', async () => {
    await apiCall('PATCH', '/branding', { body: { primaryColor: '#be123c' }, headers: { 'if-match': '*' } });
    const element = await renderBranding();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    expect(hexInput(element, 'primary').value).toBe('#be123c');
    [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Reset to defaults')!.click();
    await until(() => openDialog(element));
    expect(visibleText(openDialog(element))).toContain('The default colours come back and the logo is removed');
    answerConfirm(element, 'confirm');
    await until(() => hexInput(element, 'primary').value === '#1d4ed8');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'branding', resource: 'branding' }]);
    expect((await apiCall('GET', '/branding')).body).toMatchObject({ primaryColor: '#1d4ed8', isDefault: true });
  });

  it('shows the forbidden state to a Viewer and fires nothing for programmatic changes', async () => {
    await signInAs('viewer');
    const saved = recordEvents(document, 'billingone-saved');
    const element = await fixture<BillingoneBranding>(html`<billingone-branding locale="en" .client=${newClient()}></billingone-branding>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="forbidden"]'));
    expect(element.shadowRoot!.querySelector('#primary-hex')).toBeNull();
    element.locale = 'ar';
    await until(() => element.getAttribute('dir') === 'rtl');
    expect(saved).toHaveLength(0);
    await expectAccessibleInThemes(element);
  });
});
