import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { screenshot, useBrowser } from './support/browser.js';
import { demoEmail, openSection, sectionElement, signIn, visitSection } from './support/demo.js';
import { announced, see } from './support/expect.js';

// The Owner renames the organization, changes its URL slug and its brand colour, and everyone sees
// the new colour.
const suite = useBrowser();
const email = demoEmail('owner');
const since = new Date();
const newName = 'Acme Managed Services';
const newSlug = 'acme-managed';
const brandPrimary = '#b42318';
let page: Page;

/** The computed background colour of a section's first primary button. */
async function primaryButtonColour(section: Locator): Promise<string> {
  const button = section.locator('[part~="primary-button"]').first();
  await see(button, 'a primary button');
  return button.evaluate((element) => getComputedStyle(element).backgroundColor);
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('organization and branding: the Owner’s changes', () => {
  it('renames the organization and changes its slug, checking the slug as it is typed', async () => {
    page = (await suite.visitor()).page;
    await signIn(page, email);
    const organization = await openSection(page, 'organization');
    const name = organization.getByLabel('Organization name');
    const slug = organization.getByLabel('URL', { exact: true });
    await expect.poll(() => name.inputValue()).toBe('Acme MSP');

    await slug.fill('Acme MSP!');
    await see(organization.getByText('Use lowercase letters, digits and single hyphens, not at the start or end.'), 'the slug rule');

    await name.fill(newName);
    await slug.fill(newSlug);
    await see(organization.getByText(`${newSlug} is available.`), 'the live availability check');
    await see(organization.getByText(/existing links and bookmarks to the old address will stop working/), 'the warning that links change');
    await screenshot(page, 'organization');
    await organization.getByRole('button', { name: 'Save changes' }).click();
    await announced(organization, 'The organization was saved.');

    await page.reload();
    const reloaded = sectionElement(page, 'organization');
    await expect.poll(() => reloaded.getByLabel('Organization name').inputValue()).toBe(newName);
    expect(await reloaded.getByLabel('URL', { exact: true }).inputValue()).toBe(newSlug);
    await expect.poll(() => page.locator('#who').textContent(), { message: 'the host’s header names the organization' }).toContain(newName);
  });

  it('changes the primary colour, which every member’s settings then use', async () => {
    const branding = await openSection(page, 'branding');
    const profileBefore = await primaryButtonColour(await openSection(page, 'profile'));
    expect(profileBefore, 'the default primary colour differs from the new one').not.toBe(rgb(brandPrimary));

    await openSection(page, 'branding');
    await branding.getByLabel('Primary colour', { exact: true }).fill(brandPrimary);
    await see(branding.getByText(/Meets WCAG AA/), 'the contrast check of the new colour');
    await branding.getByRole('button', { name: 'Save colours' }).click();
    await announced(branding, 'The colours were saved.');
    await screenshot(page, 'branding');

    await page.reload();
    expect(await primaryButtonColour(await openSection(page, 'profile')), 'the Owner’s primary buttons after a reload').toBe(rgb(brandPrimary));

    const viewer = await suite.visitor();
    await signIn(viewer.page, demoEmail('viewer'));
    expect(await primaryButtonColour(await visitSection(viewer.page, 'profile')), 'a Viewer’s primary buttons').toBe(rgb(brandPrimary));
    await viewer.close();
  });

  it('finds both changes in the audit log', async () => {
    await expectInAuditLog(page, since, [
      { action: 'organization.updated', label: 'Organization updated', texts: [email, newName] },
      { action: 'branding.updated', label: 'Colours changed', texts: [email] },
    ]);
  });
});
