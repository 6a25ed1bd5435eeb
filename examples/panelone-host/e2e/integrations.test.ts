import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { demo, screenshot, useBrowser } from './support/browser.js';
import { demoEmail, openSection, sectionElement, signIn, waitForSettings } from './support/demo.js';
import { announced, see } from './support/expect.js';

// The Owner connects Pax8 (a wrong secret first, then the right one), syncs and maps its companies;
// then connects Xero through its consent page, picks one of two organisations and syncs invoices.
const suite = useBrowser();
const email = demoEmail('owner');
const since = new Date();
const wrongSecret = 'p8s_not_the_right_secret_0000000000000000';
let page: Page;

const integrations = () => sectionElement(page, 'integrations');
const card = (provider: 'Pax8' | 'Xero'): Locator => integrations().getByRole('article', { name: provider });

describe('integrations: Pax8 and Xero through their simulators', () => {
  it('refuses a wrong Pax8 secret with a clear error, then tests and saves the right one', async () => {
    page = (await suite.visitor()).page;
    await signIn(page, email);
    await openSection(page, 'integrations');
    await card('Pax8').getByRole('button', { name: 'Configure Pax8' }).click();
    const form = card('Pax8').getByRole('form', { name: 'Connect Pax8' });
    await see(form, 'the Pax8 form');
    await form.getByLabel('Client ID').fill(demo.pax8.clientId);
    await form.getByLabel('Client secret').fill(wrongSecret);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await see(form.getByText('Pax8 refused the client ID or secret. Check both and try again.'), 'the invalid-credentials error');
    expect(await form.getByRole('button', { name: 'Save', exact: true }).isDisabled(), 'nothing to save after a failed test').toBe(true);
    await screenshot(page, 'integrations-pax8-refused');

    await form.getByLabel('Client secret').fill(demo.pax8.clientSecret);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await announced(integrations(), 'The connection works. Pax8 returned 25 companies.');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await announced(integrations(), 'Pax8 credentials saved.');
    await see(card('Pax8').getByText('Connected', { exact: true }), 'Pax8 shown as connected');
    await see(card('Pax8').getByText(`Stored secret ending in ${demo.pax8.clientSecret.slice(-4)}`), 'the secret shown only by its last four characters');
    expect(await page.content(), 'the secret never reaches the page').not.toContain(demo.pax8.clientSecret);
  });

  it('syncs Pax8 and accepts the suggested company mappings', async () => {
    await card('Pax8').getByRole('button', { name: 'Sync now' }).click();
    await announced(integrations(), 'The Pax8 sync finished.', 60_000);
    await see(card('Pax8').getByText('25 companies'), 'the number of Pax8 companies imported');

    const mappings = integrations().getByRole('table', { name: 'Pax8 companies and the BillingOne clients they map to' });
    await see(mappings, 'the company mappings');
    await integrations().getByRole('button', { name: 'Accept all suggestions' }).click();
    await announced(integrations(), /suggestions? accepted/);
    await integrations().getByRole('button', { name: 'Save mappings' }).click();
    await announced(integrations(), /mappings? saved\./);
    await screenshot(page, 'integrations-pax8-mapped');

    await page.reload();
    const mapped = sectionElement(page, 'integrations').getByRole('table', { name: 'Pax8 companies and the BillingOne clients they map to' }).getByRole('row').filter({ hasText: 'Mapped' });
    await expect.poll(() => mapped.count(), { message: 'mapped companies after a reload' }).toBeGreaterThan(0);
  });

  it('connects Xero on its consent page, picks one of two organisations and syncs its invoices', async () => {
    await card('Xero').getByRole('button', { name: 'Connect Xero' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/identity/connect/authorize'), { timeout: 15_000 });
    const organisations = page.getByRole('group', { name: 'Organisations to connect' });
    await see(organisations, 'the organisations on Xero’s consent page');
    await organisations.getByLabel('Acme MSP (AU)').check();
    await screenshot(page, 'xero-consent');
    await page.getByRole('button', { name: 'Allow access' }).click();

    await waitForSettings(page, '/settings/integrations');
    const tenants = integrations().getByRole('group', { name: 'Choose the Xero organisation to sync' });
    await see(tenants, 'the choice of Xero organisation');
    await tenants.getByLabel('Acme MSP Ltd').check();
    await integrations().getByRole('button', { name: 'Use this organisation' }).click();
    await announced(integrations(), 'Xero is connected to Acme MSP Ltd.');
    await see(card('Xero').getByText('Connected', { exact: true }), 'Xero shown as connected');

    await card('Xero').getByRole('button', { name: 'Sync now' }).click();
    await announced(integrations(), 'The Xero sync finished.', 60_000);
    await see(card('Xero').getByText(/\d+ invoices/), 'the number of invoices imported');
    await screenshot(page, 'integrations');
  });

  it('finds the configuration, the syncs, the mappings and the connection in the audit log', async () => {
    await expectInAuditLog(page, since, [
      { action: 'integration.pax8.configured', label: 'Pax8 configured', texts: [email] },
      { action: 'integration.synced', label: 'Integration synced', texts: [email, 'Pax8'] },
      { action: 'integration.pax8.mappings_updated', label: 'Pax8 company mappings changed', texts: [email] },
      { action: 'integration.xero.connected', label: 'Xero connected', texts: [email, 'Xero'] },
      { action: 'integration.synced', label: 'Integration synced', texts: [email, 'Xero'] },
    ]);
  });
});
