import { describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { screenshot, useBrowser } from './support/browser.js';
import { demoEmail, openSection, sectionElement, signIn } from './support/demo.js';
import { announced } from './support/expect.js';

// The Owner chooses which billing events reach them by email and in the app.
const suite = useBrowser();
const email = demoEmail('owner');
const since = new Date();

describe('notifications: preferences persist', () => {
  it('switches two event × channel cells, saves, and finds them so after a reload', async () => {
    const { page } = await suite.visitor();
    await signIn(page, email);
    const notifications = await openSection(page, 'notifications');
    const syncCompletedEmail = notifications.getByRole('checkbox', { name: 'Sync completed: Email' });
    const syncFailedInApp = notifications.getByRole('checkbox', { name: 'Sync failed: In-app' });
    const before = { completed: await syncCompletedEmail.isChecked(), failed: await syncFailedInApp.isChecked() };

    // Security e-mails cannot be switched off.
    expect(await notifications.getByRole('checkbox', { name: 'New sign-in to my account: Email' }).isDisabled()).toBe(true);

    await syncCompletedEmail.click();
    await syncFailedInApp.click();
    await notifications.getByRole('button', { name: 'Save changes' }).click();
    await announced(notifications, 'Your notification preferences were saved.');
    await screenshot(page, 'notifications');

    await page.reload();
    const reloaded = sectionElement(page, 'notifications');
    await expect.poll(() => reloaded.getByRole('checkbox', { name: 'Sync completed: Email' }).isChecked()).toBe(!before.completed);
    expect(await reloaded.getByRole('checkbox', { name: 'Sync failed: In-app' }).isChecked()).toBe(!before.failed);

    await expectInAuditLog(page, since, [{ action: 'notifications.updated', label: 'Notification preferences changed', texts: [email] }]);
  });
});
