import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BillingoneSavedEvent } from '../events/saved.js';
import type { BillingoneSignedOutEvent } from '../events/signed-out.js';
import { apiCall, signInElsewhere } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, openDialog } from '../testing/interact.js';
import { queryDemoDatabase, resetDemoData, signInAs, signOut } from '../testing/session.js';
import './define.js';
import type { BillingoneSessions } from './sessions.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderSessions(): Promise<BillingoneSessions> {
  const element = await fixture<BillingoneSessions>(html`<billingone-sessions locale="en" .client=${newClient()}></billingone-sessions>`);
  await until(() => element.shadowRoot!.querySelector('.sessions'));
  return element;
}

/** How the section names the device of a session the API lists. */
async function deviceFromIp(ip: string): Promise<string> {
  const { body } = await apiCall<{ items: { ip: string; browser: string | null; os: string | null }[] }>('GET', '/sessions');
  const session = body.items.find((item) => item.ip === ip)!;
  return session.browser && session.os ? `${session.browser} on ${session.os}` : (session.browser ?? session.os ?? 'Unknown device');
}

const rows = (element: BillingoneSessions) => shadowQueryAll(element, 'li.session');
const rowWithIp = (element: BillingoneSessions, ip: string) => {
  const row = rows(element).find((item) => visibleText(item).includes(ip));
  if (!row) throw new Error(`No session from ${ip}.`);
  return row;
};

beforeEach(async () => {
  await resetDemoData();
  await signInAs('engineer');
});

describe('<billingone-sessions>', () => {
  it('lists the devices with the current one first and badged, and is accessible', async () => {
    await signInElsewhere('engineer', { ip: '198.51.100.7' });
    await signInElsewhere('engineer', { ip: '198.51.100.8' });
    // The reference server records no location; a deployment with a GeoIP lookup fills it in.
    await queryDemoDatabase("UPDATE sessions SET location = 'Lyon, France' WHERE ip = '198.51.100.7'");
    const element = await renderSessions();
    expect(rows(element)).toHaveLength(3);
    const [first] = rows(element);
    expect(first!.hasAttribute('data-current')).toBe(true);
    expect(visibleText(first!)).toContain('Current');
    expect(visibleText(first!)).toMatch(/Last active now/);
    const other = rowWithIp(element, '198.51.100.7');
    expect(visibleText(other)).toContain('IP address 198.51.100.7 · Near Lyon, France');
    expect(visibleText(rowWithIp(element, '198.51.100.8'))).not.toContain('Near');
    const device = await deviceFromIp('198.51.100.7');
    expect(visibleText(other)).toContain(device);
    expect(other.querySelector('button')!.getAttribute('aria-label')).toBe(`Sign out ${device}`);
    expect(shadowQuery(element, '[data-action="terminate-others"]')).toBeTruthy();
    await expectAccessibleInThemes(element);
  });

  it('signs out one device after confirmation, announces it and fires billingone-saved', async () => {
    await signInElsewhere('engineer', { ip: '198.51.100.7' });
    await signInElsewhere('engineer', { ip: '198.51.100.8' });
    const element = await renderSessions();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const button = rowWithIp(element, '198.51.100.7').querySelector('button')!;
    button.focus();
    button.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    const dialog = openDialog(element);
    expect(visibleText(dialog)).toContain(`Sign out ${await deviceFromIp('198.51.100.7')}?`);
    expect(element.shadowRoot!.activeElement?.getAttribute('value')).toBe('cancel');

    await answerConfirm(element, 'cancel');
    await until(() => !element.shadowRoot!.querySelector('dialog[open]'));
    expect(element.shadowRoot!.activeElement).toBe(button);
    expect(saved).toHaveLength(0);

    button.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => rows(element).length === 2);
    expect(visibleText(element)).not.toContain('198.51.100.7');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'sessions', resource: 'session' }]);
    await until(() => /was signed out\.$/.test(announced(element)));
    const { body } = await apiCall('GET', '/sessions');
    expect(body.items.map((session: { ip: string }) => session.ip)).not.toContain('198.51.100.7');
    expect(body.items).toHaveLength(2);
  });

  it('signs out every other device and then shows that only this one is left', async () => {
    await signInElsewhere('engineer', { ip: '198.51.100.7' });
    await signInElsewhere('engineer', { ip: '198.51.100.8' });
    const element = await renderSessions();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    shadowQuery<HTMLButtonElement>(element, '[data-action="terminate-others"]').click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    expect(visibleText(openDialog(element))).toContain('The 2 other devices will have to sign in again.');
    await answerConfirm(element, 'confirm');
    await until(() => rows(element).length === 1);
    expect(visibleText(element)).toContain('No other devices');
    expect(element.shadowRoot!.querySelector('[data-action="terminate-others"]')).toBeNull();
    await until(() => announced(element) === '2 other devices were signed out.');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'sessions', resource: 'sessions' }]);
    expect((await apiCall('GET', '/sessions')).body.items).toHaveLength(1);
  });

  it('shows the empty state when only this device is signed in', async () => {
    const element = await renderSessions();
    expect(rows(element)).toHaveLength(1);
    expect(shadowQuery(element, '[data-status="empty"]').textContent).toContain('You are signed in only on this device.');
    await expectAccessibleInThemes(element);
  });

  it('signs out here and fires billingone-signed-out', async () => {
    const element = await renderSessions();
    const signedOut = recordEvents<BillingoneSignedOutEvent>(document, 'billingone-signed-out');
    const saved = recordEvents(document, 'billingone-saved');
    shadowQuery<HTMLButtonElement>(element, 'li[data-current] button').click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => signedOut.length === 1);
    expect(signedOut[0]!.detail).toEqual({ reason: 'session-ended' });
    expect(saved).toHaveLength(0);
    expect((await apiCall('GET', '/sessions')).status).toBe(401);
  });

  it('says so when a device was already signed out elsewhere, and refreshes the list', async () => {
    await signInElsewhere('engineer', { ip: '198.51.100.7' });
    const element = await renderSessions();
    const { body } = await apiCall('GET', '/sessions');
    const other = body.items.find((session: { current: boolean }) => !session.current);
    expect((await apiCall('DELETE', `/sessions/${other.id}`)).status).toBe(204);
    rowWithIp(element, '198.51.100.7').querySelector('button')!.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => announced(element) === 'That session had already ended. The list is up to date.');
    await until(() => rows(element).length === 1);
  });

  it('shows an error with a retry when the list cannot be loaded, and fires nothing on property sets', async () => {
    await signOut();
    const saved = recordEvents(document, 'billingone-saved');
    const element = await fixture<BillingoneSessions>(html`<billingone-sessions .client=${newClient()}></billingone-sessions>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    element.locale = 'ar';
    await until(() => element.getAttribute('dir') === 'rtl');
    await signInAs('engineer');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => rows(element).length === 1);
    await until(() => visibleText(element).includes('الحالية'));
    expect(saved).toHaveLength(0);
  });
});
