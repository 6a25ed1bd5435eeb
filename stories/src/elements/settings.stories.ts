import '@billingone/settings-elements/settings';
import { visibleSections, type Role } from '@billingone/settings-core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { totpCode } from '../mock-api/index.js';
import { inShadow, storyElement, until, visibleText } from '../support/play.js';
import { apiOf, sectionElement, type SectionStoryContext } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, loading, populated, statusView } from '../support/states.js';

const tag = 'billingone-settings';
const navItems = (host: HTMLElement) => [...(host.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="nav-item"]') ?? [])].map((item) => item.dataset.section);
/** The shell shows the sections the role may see, in order, and the first one's element. */
const navigationFor = (role: Role) => (host: HTMLElement) =>
  JSON.stringify(navItems(host)) === JSON.stringify(visibleSections({ role })) && host.shadowRoot!.querySelector('[part~="section"]');
const hasNavigation = (host: HTMLElement) => navItems(host).length > 0 && host.shadowRoot!.querySelector('[part~="section"]');

// The settings area: a sidebar of the sections the member's role may see, one section at a time,
// the organization's branding applied, and the mandatory MFA gate instead of everything when the
// organization requires MFA and the member has none. Sections load on demand.
const meta: Meta = {
  title: 'Shell/Settings',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

const roleStory = (role: Role): Story => populated(navigationFor(role), undefined, { role });

/** All nine sections. */
export const Owner: Story = roleStory('owner');
/** All nine sections; the team's Owner rows are read-only for an Admin. */
export const Admin: Story = roleStory('admin');
/** Profile, Security, Sessions, Notifications and Integrations (which Finance may manage). */
export const Finance: Story = roleStory('finance');
/** The same five sections; Integrations is read-only. */
export const Engineer: Story = roleStory('engineer');
/** The same five sections; Integrations is read-only. */
export const Viewer: Story = roleStory('viewer');

/** Integrations as an Engineer sees them inside the shell: status only. */
export const EngineerIntegrations: Story = {
  args: { section: 'integrations' },
  globals: { role: 'engineer' },
  parameters: { mockApi: { integrations: 'connected' } },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    const section = await inShadow<HTMLElement>(host, 'billingone-integrations');
    await until(() => section.shadowRoot?.querySelector('[data-status="read-only"]'));
  },
};

/** A deep link to a section the role may not open shows the forbidden state, the navigation stays. */
export const Forbidden: Story = {
  args: { section: 'audit-log' },
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => statusView(host, 'forbidden'));
    await expect(navItems(host)).not.toContain('audit-log');
  },
};

/** The organization requires MFA and this Viewer has none: only the enrolment gate, no navigation. */
export const MandatoryMfaGate: Story = {
  globals: { role: 'viewer' },
  parameters: { mockApi: { requireMfa: true } },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    const gate = await inShadow<HTMLElement>(host, 'billingone-mfa-enrollment');
    await until(() => gate.shadowRoot?.querySelector('[data-action="gate-start"]'));
    await expect(host.shadowRoot!.querySelector('[part~="nav"]')).toBeNull();
  },
};

/** Through the gate: once the app is set up and the recovery codes saved, the shell lets the member in. */
export const MandatoryMfaGateEnrol: Story = {
  globals: { role: 'viewer' },
  parameters: { mockApi: { requireMfa: true } },
  play: async ({ canvasElement, step }) => {
    const host = await storyElement(canvasElement, tag);
    const gate = await inShadow<HTMLElement>(host, 'billingone-mfa-enrollment');
    const find = <T extends Element>(selector: string) => gate.shadowRoot!.querySelector<T>(selector);
    await userEvent.click(await until(() => find<HTMLButtonElement>('[data-action="gate-start"]')));
    const secret = (await until(() => find<HTMLElement>('[data-secret]'))).textContent!.replace(/\s+/g, '');
    await step('Verify a code computed from the secret shown', async () => {
      await userEvent.type(find<HTMLInputElement>('#gate-code')!, await totpCode(secret));
      await userEvent.click(find<HTMLButtonElement>('[data-action="verify"]')!);
      await until(() => gate.shadowRoot!.querySelectorAll('.codes code').length === 10);
    });
    // TOTP is on, but until the codes are acknowledged the gate stays.
    await expect(host.shadowRoot!.querySelector('[part~="nav"]')).toBeNull();
    await userEvent.click(find<HTMLButtonElement>('[data-action="acknowledge"]')!);
    await until(() => JSON.stringify(navItems(host)) === JSON.stringify(visibleSections({ role: 'viewer' })));
  },
};

export const Loading: Story = loading(['me.get']);

export const ServerError: Story = failing('me.get', hasNavigation);

/** The organization's colours (from `/me`) become the shell's tokens; the logo heads the sidebar. */
export const OrganizationBranding: Story = populated(
  (host) => hasNavigation(host) && getComputedStyle(host).getPropertyValue('--billingone-color-primary').trim() === '#0b5cab',
  { branding: { primaryColor: '#0b5cab', accentColor: '#b45309' } },
);

/** Host tokens on the element win over the organization's branding. */
export const CustomBrand: Story = {
  args: { ...customBrandArgs },
  ...populated((host) => hasNavigation(host) && brandApplied(host), { branding: { primaryColor: '#0b5cab' } }),
};

export const Dark: Story = { ...populated(hasNavigation), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && hasNavigation(host)), globals: { locale: 'ar' } };

/** A host page joins the navigation through `nav-<name>` and `page-<name>` slots. */
export const HostPage: Story = {
  args: { section: 'support' },
  render: (args, context) => {
    const shell = sectionElement(tag, args, context as SectionStoryContext);
    const label = document.createElement('span');
    label.slot = 'nav-support';
    label.textContent = 'Support';
    const page = document.createElement('section');
    page.slot = 'page-support';
    page.innerHTML = '<h2>Northwind IT support</h2><p>Questions about billing or access? Our service desk answers within one working day.</p>';
    shell.append(label, page);
    return shell;
  },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => navItems(host).includes('support'));
    await until(() => visibleText(host).includes('Northwind IT support'));
  },
};

/** Choosing a section fires a cancelable `billingone-navigate` and shows it. */
export const Navigate: Story = {
  play: async ({ canvasElement, loaded }) => {
    const host = await storyElement(canvasElement, tag);
    const navigations: string[] = [];
    host.addEventListener('billingone-navigate', (event) => navigations.push((event as CustomEvent<{ section: string }>).detail.section));
    const team = await until(() => host.shadowRoot!.querySelector<HTMLButtonElement>('[data-section="team"]'));
    await userEvent.click(team);
    await inShadow(host, 'billingone-team');
    await expect(navigations).toEqual(['team']);
    await expect(host.getAttribute('section')).toBe('team');
    await expect(apiOf({ loaded }).violations).toEqual([]);
  },
};

