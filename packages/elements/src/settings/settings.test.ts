import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BillingoneNavigateEvent } from '../events/navigate.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { queryDemoDatabase, resetDemoData, signInAs, signOut } from '../testing/session.js';
import type { BillingoneSettings } from './define.js';
import './define.js';
import { sectionLoaders } from './sections.js';
import { brandingEndpoints, createSettingsClient } from '@billingone/settings-core';
import { pngFile } from '../testing/interact.js';

const navLabels = (shell: BillingoneSettings) => shadowQueryAll(shell, '[part="nav-item"]').map((item) => visibleText(item));
const current = (shell: BillingoneSettings) => visibleText(shadowQuery(shell, '[part="nav-item"][aria-current="page"]'));
const content = (shell: BillingoneSettings) => shadowQuery(shell, '[part="body"]');
const statusOf = (shell: BillingoneSettings) => content(shell).querySelector<HTMLElement>('[part="status"]')?.dataset.status;
const navItem = (shell: BillingoneSettings, section: string) => shadowQuery<HTMLButtonElement>(shell, `[part="nav-item"][data-section="${section}"]`);

async function shell(template = html`<billingone-settings></billingone-settings>`): Promise<BillingoneSettings> {
  const element = await fixture<BillingoneSettings>(template);
  await until(() => element.shadowRoot!.querySelector('[part="nav"], [data-status="error"], billingone-mfa-enrollment'));
  return element;
}

describe('<billingone-settings>', () => {
  beforeAll(async () => {
    await resetDemoData();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a loading state, then every section to an Owner, opening the first', async () => {
    await signInAs('owner');
    const element = await fixture<BillingoneSettings>(html`<billingone-settings></billingone-settings>`);
    expect(shadowQuery(element, '[part="status"]').dataset.status).toBe('loading');
    await until(() => shadowQuery(element, '[part="nav"]'));
    expect(navLabels(element)).toEqual(['Profile', 'Security', 'Sessions', 'Notifications', 'Organization', 'Branding', 'Team', 'Integrations', 'Audit log']);
    expect(current(element)).toBe('Profile');
    const profile = await until(() => content(element).querySelector('billingone-profile')!);
    expect(profile.getAttribute('part')).toBe('section');
    expect(profile.getAttribute('exportparts')).toContain('primary-button');
    expect(visibleText(shadowQuery(element, '[part="header"]'))).toBe('Acme MSP');
    expect(shadowQuery(element, 'nav').getAttribute('aria-label')).toBe('Settings');
  });

  it('shows a Viewer only the sections of their role, and forbids the others', async () => {
    await signInAs('viewer');
    const element = await shell(html`<billingone-settings section="team"></billingone-settings>`);
    expect(navLabels(element)).toEqual(['Profile', 'Security', 'Sessions', 'Notifications', 'Integrations']);
    expect(statusOf(element)).toBe('forbidden');
    expect(visibleText(content(element))).toContain('You do not have access to this page');
    expect(content(element).querySelector('billingone-team')).toBeNull();
    expect(element.shadowRoot!.querySelector('[part="nav-item"][aria-current]')).toBeNull();
  });

  it('narrows and orders the built-in sections with the sections attribute', async () => {
    await signInAs('admin');
    const element = await shell(html`<billingone-settings sections="team, profile audit-log"></billingone-settings>`);
    expect(navLabels(element)).toEqual(['Team', 'Profile', 'Audit log']);
    expect(current(element)).toBe('Team');
    element.section = 'security';
    await element.updateComplete;
    expect(statusOf(element)).toBe('not-found');
  });

  it('warns about names in sections that can never match', async () => {
    await signInAs('admin');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await shell(html`<billingone-settings sections="profile Team_Page"></billingone-settings>`);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"Team_Page" in sections is neither a built-in section'));
  });

  it('says so when section names no page', async () => {
    await signInAs('viewer');
    const element = await shell(html`<billingone-settings section="payroll"></billingone-settings>`);
    expect(statusOf(element)).toBe('not-found');
    expect(visibleText(content(element))).toContain('There is no settings page called “payroll”.');
  });

  it('fires a cancelable billingone-navigate when the user picks a section, and switches unless cancelled', async () => {
    await signInAs('owner');
    const element = await shell();
    const events = recordEvents<BillingoneNavigateEvent>(document, 'billingone-navigate');

    await userEvent.click(navItem(element, 'security'));
    await until(() => element.section === 'security');
    expect(events.map((event) => event.detail)).toEqual([{ section: 'security' }]);
    expect(events[0]).toBeInstanceOf(BillingoneNavigateEvent);
    expect(element.getAttribute('section')).toBe('security');
    expect(current(element)).toBe('Security');
    await until(() => content(element).querySelector('billingone-security'));
    await until(() => visibleText(element.shadowRoot!.querySelector('.billingone-live-region[aria-live="polite"]')!) === 'Security settings');

    element.addEventListener('billingone-navigate', (event) => event.preventDefault(), { once: true });
    await userEvent.click(navItem(element, 'team'));
    await until(() => events.length === 2);
    expect(events[1]!.detail).toEqual({ section: 'team' });
    await element.updateComplete;
    expect(element.section).toBe('security');
    expect(current(element)).toBe('Security');

    // The current section again: nothing to do, no event.
    await userEvent.click(navItem(element, 'security'));
    await element.updateComplete;
    expect(events).toHaveLength(2);
  });

  it('fires nothing when the host sets section (deep link)', async () => {
    await signInAs('owner');
    const element = await shell();
    const events = recordEvents(document, 'billingone-navigate');
    element.setAttribute('section', 'team');
    await until(() => content(element).querySelector('billingone-team'));
    expect(current(element)).toBe('Team');
    expect(events).toEqual([]);
  });

  it('adds host pages to the navigation through named slots', async () => {
    await signInAs('finance');
    const element = await shell(html`<billingone-settings>
      <span slot="nav-billing">Billing</span>
      <section slot="page-billing"><h2>Billing plan</h2><p>Pro, billed yearly.</p></section>
    </billingone-settings>`);
    expect(navLabels(element)).toEqual(['Profile', 'Security', 'Sessions', 'Notifications', 'Integrations', 'Billing']);
    const events = recordEvents<BillingoneNavigateEvent>(element, 'billingone-navigate');
    await userEvent.click(navItem(element, 'billing'));
    await until(() => element.section === 'billing');
    expect(events.map((event) => event.detail.section)).toEqual(['billing']);
    expect(visibleText(content(element))).toBe('Billing plan Pro, billed yearly.');
    expect(current(element)).toBe('Billing');

    // A page added later joins the navigation; `sections` can place it.
    const nav = document.createElement('span');
    nav.slot = 'nav-usage';
    nav.textContent = 'Usage';
    element.append(nav);
    element.sections = ['usage', 'profile'];
    await until(() => navLabels(element).join() === 'Usage,Profile,Billing');
  });

  it('shows an error with retry when a section cannot be loaded', async () => {
    await signInAs('viewer');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempts = 0;
    const flaky = () => (++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : sectionLoaders.sessions());
    const element = await shell(html`<billingone-settings section="sessions" .loaders=${{ sessions: flaky, notifications: async () => ({}) }}></billingone-settings>`);
    await until(() => statusOf(element) === 'error');
    expect(visibleText(content(element))).toContain('This section could not be loaded');
    expect(error).toHaveBeenCalledWith('<billingone-settings>: the "sessions" section could not be loaded.', expect.any(TypeError));

    await userEvent.click(content(element).querySelector('button')!);
    await until(() => content(element).querySelector('billingone-sessions'));
    expect(attempts).toBe(2);

    // A module that loads but does not define its element is an error too.
    element.section = 'notifications';
    await until(() => statusOf(element) === 'error');
    expect(error).toHaveBeenCalledWith(
      '<billingone-settings>: the "notifications" section could not be loaded.',
      expect.objectContaining({ message: 'loading the "notifications" section did not define <billingone-notifications>.' }),
    );
  });

  it('shows an error with retry when /me fails, and recovers', async () => {
    await signOut();
    const element = await shell();
    expect(shadowQuery(element, '[part="status"]').dataset.status).toBe('error');
    expect(visibleText(element)).toContain('We could not load your settings');
    expect(visibleText(element)).toContain('Your session has ended. Sign in again to continue.');
    await signInAs('engineer');
    await userEvent.click(shadowQuery(element, '[data-status="error"] button'));
    await until(() => shadowQuery(element, '[part="nav"]'));
    expect(navLabels(element)).toEqual(['Profile', 'Security', 'Sessions', 'Notifications', 'Integrations']);
  });

  it('holds a member without MFA at the enrolment gate when the organization requires it', async () => {
    // The API refuses to require MFA while the owner has none; set the policy directly.
    await queryDemoDatabase('UPDATE organizations SET require_mfa = true');
    try {
      await signInAs('viewer');
      const element = await shell(html`<billingone-settings section="profile"></billingone-settings>`);
      await until(() => element.shadowRoot!.querySelector('billingone-mfa-enrollment'));
      expect(element.shadowRoot!.querySelector('[part="nav"]')).toBeNull();
      expect(element.shadowRoot!.querySelector('billingone-profile')).toBeNull();
    } finally {
      await resetDemoData();
    }
  });

  it("applies the organization's colours, and a host rule on the element still wins", async () => {
    await signInAs('owner');
    const etag = (await apiCall('GET', '/branding')).headers.get('etag')!;
    expect((await apiCall('PATCH', '/branding', { body: { primaryColor: '#fde047' }, headers: { 'if-match': etag } })).status).toBe(200);
    try {
      const element = await shell();
      const token = (name: string) => getComputedStyle(shadowQuery(element, '[part="nav"]')).getPropertyValue(name).trim();
      await until(() => token('--billingone-color-primary') === '#fde047');
      expect(token('--billingone-color-primary-fg')).toBe('#0f172a');
      const style = document.createElement('style');
      style.textContent = 'billingone-settings { --billingone-color-primary: #0e7490; }';
      document.head.append(style);
      try {
        expect(token('--billingone-color-primary')).toBe('#0e7490');
      } finally {
        style.remove();
      }
    } finally {
      await resetDemoData();
    }
  });

  it("shows the organization's logo beside its name, with a same-origin client (no base URL)", async () => {
    await signInAs('owner');
    const sameOrigin = createSettingsClient({ baseUrl: '' });
    await sameOrigin.upload(brandingEndpoints.uploadLogo, await pngFile(48, 24, 'logo.png'));
    try {
      const element = await shell(html`<billingone-settings .client=${sameOrigin}></billingone-settings>`);
      const logo = await until(() => element.shadowRoot!.querySelector<HTMLImageElement>('[part="header"] img'));
      await until(() => logo.complete && logo.naturalWidth === 48);
      expect(new URL(logo.src).origin).toBe(location.origin);
      expect(visibleText(shadowQuery(element, '[part="header"]'))).toBe('Acme MSP');
    } finally {
      await resetDemoData();
    }
  });

  it('collapses the navigation into a menu button in a narrow container', async () => {
    await signInAs('owner');
    const element = await shell(html`<billingone-settings style="inline-size: 30rem"></billingone-settings>`);
    const toggle = shadowQuery<HTMLButtonElement>(element, '[part="menu-button"]');
    const nav = shadowQuery(element, '[part="nav"]');
    expect(getComputedStyle(toggle).display).not.toBe('none');
    expect(getComputedStyle(nav).display).toBe('none');
    expect(visibleText(toggle)).toBe('Settings menu: Profile');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(getComputedStyle(nav).display).not.toBe('none');
    navItem(element, 'team').focus();
    await userEvent.keyboard('{Escape}');
    await until(() => getComputedStyle(nav).display === 'none');
    expect(element.shadowRoot!.activeElement).toBe(toggle);

    await userEvent.click(toggle);
    await userEvent.click(navItem(element, 'team'));
    await until(() => element.section === 'team');
    expect(getComputedStyle(nav).display).toBe('none');
    expect(element.shadowRoot!.activeElement).toBe(toggle);
    expect(visibleText(toggle)).toBe('Settings menu: Team');

    element.style.setProperty('inline-size', '70rem');
    await until(() => getComputedStyle(toggle).display === 'none');
    expect(getComputedStyle(nav).display).not.toBe('none');
  });

  it("speaks the member's language unless the locale attribute says otherwise", async () => {
    await signInAs('finance');
    expect((await apiCall('PATCH', '/profile', { body: { locale: 'fr-FR' } })).status).toBe(200);
    try {
      const element = await shell();
      await until(() => navLabels(element)[0] === 'Profil');
      expect(navLabels(element)).toEqual(['Profil', 'Sécurité', 'Sessions', 'Notifications', 'Intégrations']);
      expect(element.getAttribute('lang')).toBe('fr-FR');
      const section = await until(() => content(element).querySelector('billingone-profile')!);
      await until(() => section.getAttribute('lang') === 'fr-FR');

      element.locale = 'ar';
      await until(() => navLabels(element)[0] === 'الملف الشخصي');
      expect(element.getAttribute('dir')).toBe('rtl');
      expect(getComputedStyle(shadowQuery(element, '[part="nav"]')).direction).toBe('rtl');
      await until(() => section.getAttribute('dir') === 'rtl');
    } finally {
      await resetDemoData();
    }
  });

  it('is accessible in light and dark', async () => {
    await signInAs('owner');
    const element = await shell(html`<billingone-settings section="billing">
      <span slot="nav-billing">Billing</span>
      <section slot="page-billing"><h2>Billing plan</h2></section>
    </billingone-settings>`);
    await expectAccessibleInThemes(element);
    element.style.setProperty('inline-size', '30rem');
    await userEvent.click(shadowQuery(element, '[part="menu-button"]'));
    await expectAccessibleInThemes(element);
  });
});
