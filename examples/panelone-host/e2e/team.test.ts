import { visibleSections } from '@billingone/settings-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { screenshot, useBrowser, type Visitor } from './support/browser.js';
import {
  demoEmail,
  expectSignedOut,
  integrationsReadOnly,
  mailbox,
  navigationLabels,
  openSection,
  sectionElement,
  sectionLabels,
  signIn,
  waitForSettings,
} from './support/demo.js';
import { announced, see, seeNo } from './support/expect.js';

// The Owner invites a new engineer, who accepts from the e-mail's link; the Owner then changes
// their role and finally removes them.
const suite = useBrowser();
const email = demoEmail('owner');
const since = new Date();
const invitee = { email: 'jordan.lee@acme.test', name: 'Jordan Lee', password: 'Orchard-Lantern-Violet-73' };
let page: Page;
let newcomer: Visitor;

const memberRow = (page: Page) => sectionElement(page, 'team').getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: invitee.email });

describe('team: invite, accept, change role, remove', () => {
  it('invites a new member as Engineer', async () => {
    page = (await suite.visitor()).page;
    await signIn(page, email);
    const team = await openSection(page, 'team');
    await team.getByLabel('Email addresses').fill(invitee.email);
    await team.getByRole('region', { name: 'Invite people' }).getByLabel('Role', { exact: true }).selectOption({ label: 'Engineer' });
    await team.getByRole('button', { name: 'Send invitations' }).click();
    await announced(team, 'Invitation sent.');
    await see(team.getByRole('table', { name: 'Pending invitations' }).getByRole('row').filter({ hasText: invitee.email }), 'the pending invitation');
    await screenshot(page, 'team');
  });

  it('accepts the invitation from the link in the e-mail and lands in the settings as an Engineer', async () => {
    newcomer = await suite.visitor();
    const message = (await mailbox(newcomer.page)).find((candidate) => candidate.to === invitee.email);
    expect(message, `an invitation e-mail to ${invitee.email} in /dev/mailbox`).toBeDefined();
    expect(message!.acceptUrl, 'the e-mail’s link').toMatch(/\/accept-invitation\?token=/);

    await newcomer.page.goto(message!.acceptUrl!);
    await newcomer.page.getByLabel('Full name').fill(invitee.name);
    await newcomer.page.getByLabel('Choose a password').fill(invitee.password);
    await screenshot(newcomer.page, 'accept-invitation');
    await newcomer.page.getByRole('button', { name: 'Join' }).click();
    await waitForSettings(newcomer.page, '/settings/profile');
    await expect.poll(() => sectionElement(newcomer.page, 'profile').getByLabel('Full name').inputValue()).toBe(invitee.name);
    expect(await navigationLabels(newcomer.page)).toEqual(visibleSections({ role: 'engineer' }).map((section) => sectionLabels[section]));
    const integrations = await openSection(newcomer.page, 'integrations');
    expect(await integrationsReadOnly(integrations), 'an Engineer only looks at the integrations').toEqual({ note: true, actions: 0 });
  });

  it('changes the new member’s role to Finance, which their next page load reflects', async () => {
    await page.reload();
    const team = sectionElement(page, 'team');
    await team.getByRole('searchbox', { name: 'Search' }).fill('jordan');
    // The search answers after a pause; act on its results, not on the unfiltered page under it.
    await announced(team, '1 member found.');
    await see(memberRow(page), 'the new member in the members list');
    await memberRow(page).getByRole('combobox', { name: `Role of ${invitee.name}` }).selectOption({ label: 'Finance' });
    await announced(team, `${invitee.name} is now Finance.`);

    await newcomer.page.reload();
    const access = await integrationsReadOnly(sectionElement(newcomer.page, 'integrations'));
    expect(access.note, 'no read-only note for Finance').toBe(false);
    expect(access.actions, 'Finance may configure, connect and sync').toBeGreaterThan(0);
  });

  it('removes the member after confirmation, which ends their session', async () => {
    const team = sectionElement(page, 'team');
    await memberRow(page).getByRole('button', { name: `Remove ${invitee.name}` }).click();
    const dialog = team.getByRole('dialog');
    await see(dialog.getByText(`${invitee.name} (${invitee.email}) will lose access to the organization at once.`), 'the removal confirmation');
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await announced(team, `${invitee.name} was removed from the organization.`);
    await seeNo(memberRow(page), 'the removed member');

    await expectSignedOut(newcomer.page, 'the removed member');
    await newcomer.close();
  });

  it('finds the invitation, the new member, the role change and the removal in the audit log', async () => {
    await expectInAuditLog(page, since, [
      { action: 'invitation.created', label: 'Invitation sent', texts: [email, invitee.email] },
      { action: 'member.joined', label: 'Member joined', texts: [invitee.name] },
      { action: 'member.role_changed', label: 'Role changed', texts: [email, invitee.name] },
      { action: 'member.removed', label: 'Member removed', texts: [email, invitee.name] },
    ]);
  });
});
