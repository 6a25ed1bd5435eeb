import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectInAuditLog } from './support/audit-log.js';
import { screenshot, useBrowser } from './support/browser.js';
import { parseCsv } from './support/csv.js';
import { demoEmail, openSection, signIn } from './support/demo.js';
import { announced, see } from './support/expect.js';

// The Owner narrows the audit log to their own sign-ins, opens one, and exports what the filter
// shows as CSV; the export itself is audited.
const suite = useBrowser();
const email = demoEmail('owner');
const since = new Date();

describe('audit log: filter, details and CSV export', () => {
  it('filters by actor and action, expands an entry, and exports exactly the filtered entries', async () => {
    const { page } = await suite.visitor();
    await signIn(page, email);
    const log = await openSection(page, 'audit-log');
    const table = log.getByRole('table', { name: 'Audit entries' });

    await log.getByLabel('Actor', { exact: true }).fill(email);
    await log.getByLabel('Action', { exact: true }).selectOption({ label: 'Signed in' });
    // Every row the table shows is then one of the Owner's sign-ins, this one first.
    await expect
      .poll(
        () =>
          table.locator('tbody tr:has(time)').evaluateAll((rows, { email }) => {
            const texts = rows.map((row) => row.textContent ?? '');
            const first = Date.parse(rows[0]?.querySelector('time')?.getAttribute('datetime') ?? '');
            return { all: texts.length > 0 && texts.every((text) => text.includes('auth.signed_in') && text.includes(email)), first };
          }, { email }),
        { message: 'the table filtered to the Owner’s sign-ins, newest first', timeout: 15_000 },
      )
      .toMatchObject({ all: true, first: expect.any(Number) });
    const newest = await table.locator('tbody tr:has(time)').first().locator('time').getAttribute('datetime');
    expect(Date.parse(newest ?? ''), 'the newest entry is this sign-in').toBeGreaterThanOrEqual(since.getTime() - 1_000);
    const shown = await table.locator('tbody tr:has(time)').count();

    await table.getByRole('button', { name: /^Details of “Signed in”/ }).first().click();
    await see(log.getByText('Entry ID'), 'the details of the entry');
    await screenshot(page, 'audit-log');

    const [download] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    await announced(log, `The export ${download.suggestedFilename()} was downloaded.`);
    const records = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(records.length, 'the export holds at least the rows the table shows').toBeGreaterThanOrEqual(shown);
    expect(records.every((record) => record.action === 'auth.signed_in' && record.actor_email === email), 'every exported row matches the filter').toBe(true);
    expect(Date.parse(records[0]!.time!), 'the export starts with this sign-in').toBeGreaterThanOrEqual(since.getTime() - 1_000);
  });

  it('records the export itself', async () => {
    const { page } = await suite.visitor();
    await signIn(page, email);
    await expectInAuditLog(page, since, [{ action: 'audit_log.exported', label: 'Audit log exported', texts: [email] }]);
  });
});
