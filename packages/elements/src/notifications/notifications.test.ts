import { createSettingsClient, notificationEndpoints, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { storesFor } from '../base/stores.js';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced } from '../testing/interact.js';
import { resetDemoData, signInAs, signOut } from '../testing/session.js';
import './define.js';
import type { BillingoneNotifications } from './notifications.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderNotifications(client = newClient()): Promise<BillingoneNotifications> {
  const element = await fixture<BillingoneNotifications>(html`<billingone-notifications locale="en" .client=${client}></billingone-notifications>`);
  await until(() => element.shadowRoot!.querySelector('table'));
  return element;
}

const cell = (element: BillingoneNotifications, event: string, channel: string) => shadowQuery<HTMLInputElement>(element, `#cell-${event}-${channel}`);
const save = (element: BillingoneNotifications) => shadowQuery<HTMLButtonElement>(element, 'button[type="submit"]').click();
const unsaved = (element: BillingoneNotifications) => element.shadowRoot!.querySelector('[data-unsaved]')?.textContent?.trim();
const serverMatrix = async () => (await apiCall('GET', '/notifications/preferences')).body.preferences;

beforeEach(async () => {
  await resetDemoData();
  await signInAs('finance');
});

describe('<billingone-notifications>', () => {
  it('shows the matrix as a table of labelled checkboxes with the security emails locked, accessibly', async () => {
    const element = await renderNotifications();
    expect(shadowQueryAll(element, 'thead th[scope="col"]').map((th) => th.textContent?.trim())).toEqual(['Event', 'Email', 'In-app']);
    expect(shadowQueryAll(element, 'tbody th[scope="row"]')).toHaveLength(11);
    expect(shadowQueryAll(element, 'tbody input[type="checkbox"]')).toHaveLength(22);
    expect(cell(element, 'sync_failed', 'email').checked).toBe(true);
    expect(cell(element, 'sync_completed', 'email').checked).toBe(false);
    expect(cell(element, 'sync_completed', 'in_app').checked).toBe(true);
    const label = shadowQuery(element, 'label[for="cell-sync_completed-email"]');
    expect(label.textContent?.trim()).toBe('Sync completed: Email');
    const lockedCell = cell(element, 'new_sign_in', 'email');
    expect(lockedCell.disabled && lockedCell.checked).toBe(true);
    expect(lockedCell.getAttribute('aria-describedby')).toBe('locked-note');
    expect(shadowQuery(element, '#locked-note').textContent).toContain('cannot be switched off');
    expect(cell(element, 'new_sign_in', 'in_app').disabled).toBe(false);
    await expectAccessibleInThemes(element);
  });

  it('saves a toggled cell, announces it, fires billingone-saved, and a reload shows it', async () => {
    const element = await renderNotifications();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    cell(element, 'sync_completed', 'email').click();
    cell(element, 'team_member_joined', 'in_app').click();
    await element.updateComplete;
    expect(unsaved(element)).toBe('2 unsaved changes');
    save(element);
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'notifications', resource: 'notifications' });
    await until(() => announced(element) === 'Your notification preferences were saved.');
    expect(unsaved(element)).toBeUndefined();
    const matrix = await serverMatrix();
    expect(matrix.sync_completed).toEqual({ email: true, in_app: true });
    expect(matrix.team_member_joined).toEqual({ email: false, in_app: false });

    const reloaded = await renderNotifications();
    expect(cell(reloaded, 'sync_completed', 'email').checked).toBe(true);
    expect(cell(reloaded, 'team_member_joined', 'in_app').checked).toBe(false);
  });

  it('after a change made elsewhere (stale ETag) reloads, keeps the unsaved choice on top, and saves it next time', async () => {
    const element = await renderNotifications();
    const saved = recordEvents(document, 'billingone-saved');
    const elsewhere = await apiCall('PATCH', '/notifications/preferences', {
      body: { preferences: { invoice_overdue: { email: false } } },
      headers: { 'if-match': '*' },
    });
    expect(elsewhere.status).toBe(200);
    cell(element, 'sync_completed', 'email').click();
    save(element);
    await until(() => element.shadowRoot!.querySelector('.notice'));
    expect(shadowQuery(element, '.notice').textContent).toContain('changed somewhere else');
    await until(() => !cell(element, 'invoice_overdue', 'email').checked);
    expect(cell(element, 'sync_completed', 'email').checked).toBe(true);
    expect(unsaved(element)).toBe('1 unsaved change');
    expect(saved).toHaveLength(0);
    expect((await serverMatrix()).sync_completed.email).toBe(false);

    save(element);
    await until(() => saved.length === 1);
    const matrix = await serverMatrix();
    expect(matrix.sync_completed.email).toBe(true);
    expect(matrix.invoice_overdue.email).toBe(false);
    expect(element.shadowRoot!.querySelector('.notice')).toBeNull();
  });

  it('rolls the optimistic save back when the server refuses it, keeping the choice as unsaved', async () => {
    const client = newClient();
    const element = await renderNotifications(client);
    const store = storesFor(client).resource(notificationEndpoints.get);
    const seen: boolean[] = [];
    store.subscribe((state) => state.data && seen.push(state.data.preferences.sync_completed.email));
    await signOut();
    cell(element, 'sync_completed', 'email').click();
    save(element);
    await until(() => element.shadowRoot!.querySelector('.form-error'));
    expect(visibleText(shadowQuery(element, '.form-error'))).toContain('Your session has ended');
    expect(seen).toEqual([false, true, false]);
    expect(store.getState().data!.preferences.sync_completed.email).toBe(false);
    expect(cell(element, 'sync_completed', 'email').checked).toBe(true);
    expect(unsaved(element)).toBe('1 unsaved change');
  });

  it('discards unsaved changes, and fires nothing for property sets', async () => {
    const element = await renderNotifications();
    const saved = recordEvents(document, 'billingone-saved');
    cell(element, 'invoice_overdue', 'in_app').click();
    await element.updateComplete;
    shadowQuery<HTMLButtonElement>(element, '.button-ghost').click();
    await element.updateComplete;
    expect(cell(element, 'invoice_overdue', 'in_app').checked).toBe(true);
    expect(unsaved(element)).toBeUndefined();
    element.locale = 'fr';
    await until(() => visibleText(element).includes('Facture en retard'));
    expect(saved).toHaveLength(0);
  });

  it('shows an error with a retry when the preferences cannot be loaded', async () => {
    await signOut();
    const element = await fixture<BillingoneNotifications>(html`<billingone-notifications .client=${newClient()}></billingone-notifications>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    await signInAs('finance');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => element.shadowRoot!.querySelector('table'));
  });
});
