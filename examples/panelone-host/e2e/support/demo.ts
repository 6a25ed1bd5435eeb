import type { Role, Section } from '@billingone/settings-core';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, demo } from './browser.js';
import { see } from './expect.js';

/** The email of the seeded demo member of a role, as the demo's banner lists it. */
export function demoEmail(role: Role): string {
  const email = demo.members[role];
  if (!email) throw new Error(`The demo's banner lists no ${role}.`);
  return email;
}

/** The navigation label of each built-in section, as the shell shows it. */
export const sectionLabels: Readonly<Record<Section, string>> = {
  profile: 'Profile',
  security: 'Security',
  sessions: 'Sessions',
  notifications: 'Notifications',
  organization: 'Organization',
  branding: 'Branding',
  team: 'Team',
  integrations: 'Integrations',
  'audit-log': 'Audit log',
};

/** The element of a section, e.g. `billingone-profile`. */
export function sectionElement(page: Page, section: Section | 'mfa-enrollment'): Locator {
  return page.locator(`billingone-${section}`);
}

/** Fills the first step of the sign-in page and submits it (without waiting for the outcome). */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits until the browser is in the settings (past the sign-in page). */
export async function waitForSettings(page: Page, path = '/settings/'): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname.startsWith(path), { timeout: 15_000 });
  } catch (error) {
    const message = await page.locator('[role="alert"]').allTextContents().catch(() => []);
    throw new Error(`Expected to reach ${path} after signing in; the page is ${page.url()} and says ${JSON.stringify(message.filter(Boolean))}.`, { cause: error });
  }
  await see(page.locator('billingone-settings'), 'the settings shell');
}

/** Signs in with email and password (no second factor) and waits for the settings. */
export async function signIn(page: Page, email: string, password = demo.password): Promise<void> {
  await submitPassword(page, email, password);
  await waitForSettings(page);
}

/** Answers the sign-in page's second step with an authenticator code or a recovery code. */
export async function submitSecondFactor(page: Page, code: string): Promise<void> {
  await see(page.getByLabel('Code', { exact: true }), 'the sign-in page asking for a code');
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** Signs out with the host's “Sign out” link. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}

/** Opens a section through the settings navigation and waits for the deep link and the section. */
export async function openSection(page: Page, section: Section): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: sectionLabels[section], exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/settings/${section}`);
  const element = sectionElement(page, section);
  await see(element.getByRole('heading', { level: 2 }), `the ${sectionLabels[section]} section`);
  return element;
}

/** Opens a section by its deep link (a full page load). */
export async function visitSection(page: Page, section: Section): Promise<Locator> {
  await page.goto(`/settings/${section}`);
  const element = sectionElement(page, section);
  await see(element.getByRole('heading', { level: 2 }), `the ${sectionLabels[section]} section`);
  return element;
}

/** The note the Integrations section shows to roles that may only look. */
export const integrationsReadOnlyNote = /your role cannot configure, connect, sync or map them/;

/** Buttons that change an integration (whatever state the integrations are in). */
export const integrationActions = /^(Configure Pax8|Change credentials|Connect Xero|Reconnect Xero|Sync now|Disconnect)$/;

/** Waits for the integration cards and tells whether the section is read-only for this member. */
export async function integrationsReadOnly(integrations: Locator): Promise<{ note: boolean; actions: number }> {
  await see(integrations.getByRole('article', { name: 'Pax8' }), 'the Pax8 card');
  await see(integrations.getByRole('article', { name: 'Xero' }), 'the Xero card');
  return {
    note: (await integrations.getByText(integrationsReadOnlyNote).count()) > 0,
    actions: await integrations.getByRole('button', { name: integrationActions }).count(),
  };
}

/** The labels of the settings navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Settings' });
  await see(nav, 'the settings navigation');
  return (await nav.getByRole('button').allInnerTexts()).map((label) => label.trim());
}

/** Whether the browser's session is over: the settings page sends it to the sign-in page. */
export async function expectSignedOut(page: Page, what: string): Promise<void> {
  await page.goto('/settings/profile');
  try {
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 15_000 });
  } catch (error) {
    throw new Error(`Expected ${what} to be signed out (sent to /sign-in), but it stayed on ${page.url()}.`, { cause: error });
  }
}

/**
 * Calls the Settings API from the page, as a script on the page could, with the session cookie and
 * (for writes) the CSRF token. Answers the status and the problem `code`, if any.
 */
export async function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; code?: string }> {
  return page.evaluate(
    async ({ method, path, body, extraHeaders }) => {
      const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
      if (method !== 'GET') {
        const csrf = await fetch('/v1/auth/csrf', { credentials: 'same-origin' });
        headers['x-csrf-token'] = ((await csrf.json()) as { csrfToken: string }).csrfToken;
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`/v1${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      return { status: response.status, code };
    },
    { method, path, body, extraHeaders },
  );
}

/** The demo's mailbox: the invitation e-mails sent since the demo started, newest first. */
export async function mailbox(page: Page): Promise<{ to: string; acceptUrl: string | null }[]> {
  const response = await page.request.get(`${baseUrl}/dev/mailbox`);
  if (!response.ok()) throw new Error(`GET /dev/mailbox answered ${response.status()}.`);
  return ((await response.json()) as { messages: { to: string; acceptUrl: string | null }[] }).messages;
}
