import { createSettingsClient, meEndpoints, type Me } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { storesFor } from '../base/stores.js';
import type { BillingoneErrorEvent } from '../events/error.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { badgeText, button, card, configurePax8, hasButton, mappingRows, newClient, renderIntegrations, syncPax8 } from '../testing/integrations.js';
import { resetDemoData, signInAs, signOut } from '../testing/session.js';
import type { BillingoneIntegrations } from './integrations.js';

beforeEach(async () => {
  await resetDemoData();
});

describe('<billingone-integrations>', () => {
  it('shows a card for Pax8 and for Xero with a status badge in words, and is accessible', async () => {
    await signInAs('finance');
    const element = await renderIntegrations();
    expect(visibleText(shadowQuery(element, 'h2'))).toBe('Integrations');
    expect(badgeText(element, 'pax8')).toBe('Not connected');
    expect(badgeText(element, 'xero')).toBe('Not connected');
    expect(hasButton(card(element, 'pax8'), 'Configure Pax8')).toBe(true);
    expect(hasButton(card(element, 'xero'), 'Connect Xero')).toBe(true);
    expect(element.shadowRoot!.querySelector('[data-status="read-only"]')).toBeNull();
    await expectAccessibleInThemes(element);
  });

  it('shows a connected integration with its account, masked secret, relative sync times and localised counts', async () => {
    await signInAs('owner');
    await configurePax8();
    await syncPax8();
    const element = await fixture<BillingoneIntegrations>(html`<billingone-integrations locale="fr" .client=${newClient()}></billingone-integrations>`);
    await until(() => badgeText(element, 'pax8') === 'Connecté');
    const text = visibleText(card(element, 'pax8'));
    expect(text).toContain('p8DemoB1llingOneClient0000000001');
    expect(text).toContain('••••Pe8U');
    expect(text).toContain('Secret enregistré se terminant par Pe8U');
    expect(text).toMatch(/Dernière synchronisation\s+(maintenant|il y a)/);
    expect(text).toMatch(/Prochaine synchronisation\s+dans 6 heures/);
    expect(text).toContain('25 sociétés');
    expect(text).toContain('120 abonnements');
    const time = card(element, 'pax8').querySelector('time')!;
    expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).toBe(false);
    expect(time.title).not.toBe('');
  });

  it('is read-only for an Engineer: no configure, connect, sync, disconnect or mapping controls', async () => {
    await signInAs('owner');
    await configurePax8();
    await syncPax8();
    await signInAs('engineer');
    const element = await renderIntegrations();
    await until(() => mappingRows(element).length > 0);
    expect(visibleText(shadowQuery(element, '[data-status="read-only"]'))).toContain('your role cannot configure, connect, sync or map them');
    expect(badgeText(element, 'pax8')).toBe('Connected');
    const labels = shadowQueryAll<HTMLButtonElement>(element, 'button').map((candidate) => visibleText(candidate));
    for (const forbidden of ['Configure Pax8', 'Change credentials', 'Connect Xero', 'Sync now', 'Disconnect', 'Accept all suggestions', 'Use', 'Save mappings']) {
      expect(labels).not.toContain(forbidden);
    }
    expect(element.shadowRoot!.querySelector('tr[data-company] select')).toBeNull();
    // Viewing stays possible: the history opens.
    button(card(element, 'pax8'), 'Show sync history').click();
    await until(() => card(element, 'pax8').querySelector('tbody tr'));
    await expectAccessibleInThemes(element);
  });

  it('refuses a Viewer’s action the server does not allow, says so, and falls back to read-only', async () => {
    await signInAs('owner');
    await configurePax8();
    await signInAs('viewer');
    const client = newClient();
    const stores = storesFor(client);
    // The member's role was lowered after the page loaded: the element still believes it may manage.
    const me = (await stores.resource(meEndpoints.get).load()) as Me;
    stores.resource(meEndpoints.get).set({ ...me, role: 'admin' });
    const element = await renderIntegrations({ client });
    const events = recordEvents(document, 'billingone-saved');
    const errors = recordEvents<BillingoneErrorEvent>(document, 'billingone-error');
    button(card(element, 'pax8'), 'Sync now').click();
    await until(() => card(element, 'pax8').querySelector('.form-error'));
    expect(visibleText(card(element, 'pax8').querySelector('.form-error')!)).toMatch(/not allow|role/i);
    await until(() => element.shadowRoot!.querySelector('[data-status="read-only"]'));
    expect(hasButton(card(element, 'pax8'), 'Sync now')).toBe(false);
    expect(events).toHaveLength(0);
    expect(errors.map((event) => event.detail.section)).toEqual(['integrations']);
    expect(errors[0]!.detail.error).toMatchObject({ status: 403 });
    expect((await apiCall('GET', '/integrations/pax8/syncs')).body.items).toHaveLength(0);
  });

  it('checks the status again while the API reports a sync running, until it ends', async () => {
    await signInAs('owner');
    await configurePax8();
    let listCalls = 0;
    const client = createSettingsClient({
      baseUrl: location.origin,
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname !== '/v1/integrations') return response;
        listCalls++;
        if (listCalls > 2) return response;
        // The first two answers: a sync started elsewhere (another member, or the schedule) is running.
        const body = (await response.json()) as { items: { provider: string; status: string }[] };
        body.items = body.items.map((item) => (item.provider === 'pax8' ? { ...item, status: 'syncing' } : item));
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const element = await fixture<BillingoneIntegrations>(
      html`<billingone-integrations locale="en" poll-interval="100" .client=${client}></billingone-integrations>`,
    );
    await until(() => element.shadowRoot!.querySelector('article[data-provider="pax8"]'));
    expect(badgeText(element, 'pax8')).toBe('Syncing…');
    const sync = button(card(element, 'pax8'), 'Syncing…');
    expect(sync.disabled).toBe(true);
    expect(visibleText(card(element, 'pax8'))).toContain('A sync is running. You can start another one when it has finished.');
    await until(() => badgeText(element, 'pax8') === 'Connected');
    expect(listCalls).toBe(3);
    expect(button(card(element, 'pax8'), 'Sync now').disabled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listCalls).toBe(3);
  });

  it('shows the forbidden state when the API refuses to show the integrations', async () => {
    await signInAs('viewer');
    const client = createSettingsClient({
      baseUrl: location.origin,
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname !== '/v1/integrations') return fetch(input, init);
        const problem = { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'Your role does not allow this.' };
        return new Response(JSON.stringify(problem), { status: 403, headers: { 'content-type': 'application/problem+json' } });
      },
    });
    const element = await fixture<BillingoneIntegrations>(html`<billingone-integrations locale="en" .client=${client}></billingone-integrations>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="forbidden"]'));
    expect(element.shadowRoot!.querySelector('article')).toBeNull();
    await expectAccessibleInThemes(element);
  });

  it('shows an error with a retry when the integrations cannot be loaded, and fires nothing on property sets', async () => {
    await signOut();
    const saved = recordEvents(document, 'billingone-saved');
    const connected = recordEvents(document, 'billingone-integration-connected');
    const element = await renderIntegrations();
    expect(visibleText(shadowQuery(element, '[data-status="error"]'))).toContain('We could not load your integrations');
    element.locale = 'ar';
    element.xeroMode = 'popup';
    await until(() => element.getAttribute('dir') === 'rtl');
    await signInAs('admin');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => element.shadowRoot!.querySelector('article[data-provider="pax8"]'));
    await until(() => badgeText(element, 'pax8') === 'غير متصل');
    expect(element.getAttribute('xero-mode')).toBe('popup');
    expect(saved).toHaveLength(0);
    expect(connected).toHaveLength(0);
    await expectAccessibleInThemes(element);
  });
});
