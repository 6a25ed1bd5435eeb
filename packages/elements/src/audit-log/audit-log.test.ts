import { createSettingsClient, type AuditEntry, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, choose, typeInto } from '../testing/interact.js';
import { embedTokenFor, resetDemoData, signInAs, signOut } from '../testing/session.js';
import type { BillingoneAuditLog } from './audit-log.js';
import { auditLog as arabic } from '../i18n/ar/audit-log.js';
import { auditLog as english } from '../i18n/en/audit-log.js';
import { auditLog as french } from '../i18n/fr/audit-log.js';
import { auditActionGroups, auditActionKey } from './audit-actions.js';
import { dayBoundary } from './audit-filter.js';
import './define.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderLog(options: { client?: SettingsClient; maxRows?: number } = {}): Promise<BillingoneAuditLog> {
  const element = await fixture<BillingoneAuditLog>(
    html`<billingone-audit-log locale="en" max-rows=${options.maxRows ?? 200} .client=${options.client ?? newClient()}></billingone-audit-log>`,
  );
  await until(() => rows(element).length > 0);
  return element;
}

const rows = (element: BillingoneAuditLog) => shadowQueryAll<HTMLTableRowElement>(element, 'tr[data-entry]');
const actions = (element: BillingoneAuditLog) => rows(element).map((row) => row.dataset.action!);
const button = (element: BillingoneAuditLog, text: string) => {
  const found = shadowQueryAll<HTMLButtonElement>(element, 'button').find((each) => each.textContent?.trim() === text);
  if (!found) throw new Error(`No button “${text}”.`);
  return found;
};
const localDay = (offsetDays: number) => {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** Captures what the element hands to the browser's download manager. */
function captureDownloads(): { files: { name: string; blob: Blob }[] } {
  const captured = { files: [] as { name: string; blob: Blob }[] };
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object: Blob | MediaSource) => {
    const url = create(object);
    blobs.set(url, object as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob && this.download) captured.files.push({ name: this.download, blob });
  });
  return captured;
}

beforeEach(async () => {
  await resetDemoData();
  await signInAs('owner');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<billingone-audit-log>', () => {
  it('lists the seeded entries, newest first, and is accessible in light and dark', async () => {
    const element = await renderLog();
    const { body } = await apiCall<{ items: AuditEntry[] }>('GET', '/audit-logs?limit=50');
    expect(rows(element).map((row) => row.dataset.entry)).toEqual(body.items.map((entry) => entry.id));
    const first = body.items[0]!;
    const row = rows(element)[0]!;
    expect(row.querySelector('time')!.getAttribute('datetime')).toBe(first.at);
    expect(visibleText(row)).toContain(first.actor!.name);
    expect(visibleText(row)).toContain(first.ip!);
    expect(row.textContent).toContain(first.action);
    expect(visibleText(element)).toContain('Entries 1–50, newest first');
    await expectAccessibleInThemes(element);
  });

  it('filters by action, a group of actions, actor and date range', async () => {
    const element = await renderLog();
    const action = shadowQuery<HTMLSelectElement>(element, '#filter-action');
    choose(action, 'member.role_changed');
    await until(() => rows(element).length > 0 && actions(element).every((each) => each === 'member.role_changed'));
    expect(visibleText(rows(element)[0]!)).toContain('Role changed');

    choose(action, 'integration');
    await until(() => rows(element).length > 0 && actions(element).every((each) => each.startsWith('integration.')));
    choose(action, '');

    typeInto(shadowQuery<HTMLInputElement>(element, '#filter-actor'), 'admin@acme.test');
    await until(() => rows(element).length > 0 && rows(element).every((row) => row.textContent!.includes('admin@acme.test')));

    typeInto(shadowQuery<HTMLInputElement>(element, '#filter-actor'), 'nobody@acme.test');
    await until(() => element.shadowRoot!.querySelector('#filter-actor-error'));
    expect(visibleText(shadowQuery(element, '#filter-actor-error'))).toContain('No member has this email address.');
    expect(shadowQuery(element, '#filter-actor').getAttribute('aria-invalid')).toBe('true');
    typeInto(shadowQuery<HTMLInputElement>(element, '#filter-actor'), '');

    const from = shadowQuery<HTMLInputElement>(element, '#filter-from');
    const to = shadowQuery<HTMLInputElement>(element, '#filter-to');
    typeInto(from, localDay(-5), { change: true });
    typeInto(to, localDay(-10), { change: true });
    await until(() => element.shadowRoot!.querySelector('#filter-to-error'));
    expect(visibleText(shadowQuery(element, '#filter-to-error'))).toBe('The end date must be on or after the start date.');
    typeInto(to, localDay(-2), { change: true });
    const start = Date.parse(dayBoundary(localDay(-5))!);
    const end = Date.parse(dayBoundary(localDay(-2), true)!);
    await until(() => {
      const times = rows(element).map((row) => Date.parse(row.querySelector('time')!.getAttribute('datetime')!));
      return times.length > 0 && times.every((time) => time >= start && time <= end) && !element.shadowRoot!.querySelector('#filter-to-error');
    });

    typeInto(shadowQuery<HTMLInputElement>(element, '#filter-q'), 'zz-nothing-matches-this');
    await until(() => visibleText(element).includes('No entries match these filters'));
    button(element, 'Clear filters').click();
    await until(() => rows(element).length === 50);
  });

  it('expands a row to show the change, field by field', async () => {
    const element = await renderLog();
    choose(shadowQuery<HTMLSelectElement>(element, '#filter-action'), 'member.role_changed');
    await until(() => rows(element).length > 0 && actions(element).every((each) => each === 'member.role_changed'));
    const row = rows(element)[0]!;
    const { body } = await apiCall<{ items: AuditEntry[] }>('GET', '/audit-logs?action=member.role_changed&limit=1');
    const entry = body.items[0]!;
    expect(row.dataset.entry).toBe(entry.id);
    const toggle = row.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(visibleText(toggle)).toContain('Details of “Role changed”');
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true');
    const details = shadowQuery(element, `#${toggle.getAttribute('aria-controls')}`);
    const change = details.querySelector('tr[data-field="role"]')!;
    expect(change.classList.contains('changed')).toBe(true);
    expect(visibleText(change.querySelector('[data-side="before"]')!)).toBe(String(entry.changes!.before!.role));
    expect(visibleText(change.querySelector('[data-side="after"]')!)).toBe(String(entry.changes!.after!.role));
    expect(details.textContent).toContain(`member:${entry.target!.id}`);
    await expectAccessibleInThemes(element);
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'false');
    expect(element.shadowRoot!.querySelector('.details-row')).toBeNull();
  });

  it('loads more entries while the table never holds more than max-rows', async () => {
    const element = await renderLog({ maxRows: 100 });
    const { body } = await apiCall<{ items: AuditEntry[] }>('GET', '/audit-logs?limit=200');
    expect(rows(element)).toHaveLength(50);
    button(element, 'Load more').click();
    await until(() => rows(element).length === 100);
    expect(visibleText(element)).toContain('Entries 1–100');
    button(element, 'Load more').click();
    await until(() => visibleText(element).includes('Entries 51–150'));
    expect(rows(element)).toHaveLength(100);
    expect(rows(element)[0]!.dataset.entry).toBe(body.items[50]!.id);
    expect(rows(element)[99]!.dataset.entry).toBe(body.items[149]!.id);
    button(element, 'Show newer entries').click();
    await until(() => visibleText(element).includes('Entries 1–100'));
    expect(rows(element)[0]!.dataset.entry).toBe(body.items[0]!.id);
    // Forward again without a request: the entries are already loaded.
    button(element, 'Load more').click();
    await until(() => visibleText(element).includes('Entries 51–150'));
    expect(element.shadowRoot!.querySelectorAll('tr').length).toBeLessThanOrEqual(101);
  });

  it('exports the current filter as CSV through the client', async () => {
    const element = await renderLog();
    choose(shadowQuery<HTMLSelectElement>(element, '#filter-action'), 'member.role_changed');
    await until(() => actions(element).every((each) => each === 'member.role_changed'));
    const downloads = captureDownloads();
    button(element, 'Export CSV').click();
    await until(() => downloads.files.length === 1);
    const [file] = downloads.files;
    expect(file!.name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await file!.blob.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('time,actor_name,actor_email,action,target_type,target_id,target_label,ip,user_agent,before,after');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',member.role_changed,'))).toBe(true);
    await until(() => announced(element) === `The export ${file!.name} was downloaded.`);
  });

  it('exports in bearer mode too', async () => {
    const token = await embedTokenFor('admin');
    const element = await renderLog({ client: createSettingsClient({ baseUrl: location.origin, getToken: () => token, retry: { limit: 0 } }) });
    await signOut();
    const downloads = captureDownloads();
    button(element, 'Export CSV').click();
    await until(() => downloads.files.length === 1);
    expect((await downloads.files[0]!.blob.text()).replace(/^\uFEFF/, '')).toMatch(/^time,actor_name,actor_email,action,/);
  });

  it('shows an error with a retry, and the failure of an export', async () => {
    await signOut();
    const element = await fixture<BillingoneAuditLog>(html`<billingone-audit-log locale="en" .client=${newClient()}></billingone-audit-log>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    expect(visibleText(element)).toContain('Your session has ended');
    await signInAs('owner');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => rows(element).length === 50);

    await signOut();
    const errors = recordEvents(document, 'billingone-error');
    button(element, 'Export CSV').click();
    await until(() => element.shadowRoot!.querySelector('#export-error'));
    expect(visibleText(shadowQuery(element, '#export-error'))).toContain('Your session has ended');
    expect(errors).toHaveLength(1);
  });

  it('names every known action in English, French and Arabic, and shows unknown ones by their code', () => {
    for (const { actions } of auditActionGroups) {
      for (const action of actions) {
        const key = auditActionKey(action)!;
        expect(key, action).toBe(`audit.action.${action}`);
        for (const catalogue of [english, french, arabic]) expect((catalogue as Record<string, string>)[key], `${action}`).toBeTruthy();
      }
    }
    expect(auditActionKey('something.new')).toBeUndefined();
  });

  it('shows the forbidden state to a Viewer', async () => {
    await signInAs('viewer');
    const element = await fixture<BillingoneAuditLog>(html`<billingone-audit-log locale="en" .client=${newClient()}></billingone-audit-log>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="forbidden"]'));
    expect(visibleText(element)).toContain('You do not have access to this page');
    expect(element.shadowRoot!.querySelector('table')).toBeNull();
    await expectAccessibleInThemes(element);
  });
});
