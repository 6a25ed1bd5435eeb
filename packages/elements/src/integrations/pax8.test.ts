import { beforeEach, describe, expect, it } from 'vitest';
import type { BillingoneIntegrationConnectedEvent, BillingoneIntegrationDisconnectedEvent } from '../events/integration-connected.js';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { recordEvents, shadowQuery, until, visibleText } from '../testing/fixture.js';
import { badgeText, button, card, configurePax8, hasButton, mappingRows, pax8Demo, renderIntegrations, syncPax8 } from '../testing/integrations.js';
import { announced, answerConfirm, choose, openDialog, typeInto } from '../testing/interact.js';
import { resetDemoData, signInAs } from '../testing/session.js';
import type { BillingoneIntegrations } from './integrations.js';

const input = (element: BillingoneIntegrations, id: string) => shadowQuery<HTMLInputElement>(element, `#${id}`);
const errorOf = (element: BillingoneIntegrations, id: string) => {
  const describedBy = input(element, id).getAttribute('aria-describedby') ?? '';
  const errorId = describedBy.split(' ').find((part) => part.endsWith('-error'));
  return errorId ? visibleText(shadowQuery(element, `#${errorId}`)) : '';
};

beforeEach(async () => {
  await resetDemoData();
  await signInAs('admin');
});

describe('<billingone-integrations> Pax8', () => {
  it('configures Pax8: a refused secret is explained next to the secret and keeps the values, the good one connects', async () => {
    const element = await renderIntegrations();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const connected = recordEvents<BillingoneIntegrationConnectedEvent>(document, 'billingone-integration-connected');
    const pax8 = card(element, 'pax8');
    button(pax8, 'Configure Pax8').click();
    await until(() => element.shadowRoot!.activeElement?.id === 'pax8-client-id');

    const secret = input(element, 'pax8-secret');
    expect(secret.type).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    expect(input(element, 'pax8-client-id').getAttribute('autocomplete')).toBe('off');
    expect(button(pax8, 'Save').disabled).toBe(true);

    // Too short for the schema: refused before anything is sent.
    typeInto(input(element, 'pax8-client-id'), 'short');
    button(pax8, 'Test connection').click();
    await until(() => errorOf(element, 'pax8-client-id') === 'Enter the client ID of your Pax8 API client (at least 8 characters).');
    expect(errorOf(element, 'pax8-secret')).toBe('Enter the client secret of your Pax8 API client (at least 16 characters).');
    expect(input(element, 'pax8-client-id').getAttribute('aria-invalid')).toBe('true');

    typeInto(input(element, 'pax8-client-id'), pax8Demo.clientId);
    typeInto(input(element, 'pax8-secret'), pax8Demo.badSecret);
    await element.updateComplete;
    expect(input(element, 'pax8-secret').getAttribute('aria-invalid')).toBe('false');
    button(pax8, 'Test connection').click();
    await until(() => errorOf(element, 'pax8-secret') === 'Pax8 refused the client ID or secret. Check both and try again.');
    expect(input(element, 'pax8-secret').getAttribute('aria-invalid')).toBe('true');
    expect(input(element, 'pax8-client-id').getAttribute('aria-invalid')).toBe('false');
    expect(input(element, 'pax8-client-id').value).toBe(pax8Demo.clientId);
    expect(input(element, 'pax8-secret').value).toBe(pax8Demo.badSecret);
    expect(element.shadowRoot!.activeElement?.id).toBe('pax8-secret');
    expect(button(pax8, 'Save').disabled).toBe(true);
    expect(saved).toHaveLength(0);

    typeInto(input(element, 'pax8-secret'), pax8Demo.secret);
    await element.updateComplete;
    expect(input(element, 'pax8-secret').getAttribute('aria-invalid')).toBe('false');
    button(pax8, 'Test connection').click();
    await until(() => visibleText(pax8).includes('The connection works. Pax8 returned 25 companies.'));
    await until(() => announced(element) === 'The connection works. Pax8 returned 25 companies.');
    await expectAccessibleInThemes(element);
    button(pax8, 'Save').click();

    await until(() => badgeText(element, 'pax8') === 'Connected');
    await until(() => element.shadowRoot!.activeElement?.id === 'pax8-result');
    expect(visibleText(pax8)).toContain('Pax8 credentials saved.');
    expect(visibleText(pax8)).toContain('••••Pe8U');
    expect(element.shadowRoot!.querySelector('#pax8-secret')).toBeNull();
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'integrations', resource: 'pax8' }]);
    expect(connected.map((event) => event.detail)).toEqual([{ provider: 'pax8' }]);
    const { body } = await apiCall('GET', '/integrations');
    expect(body.items[0]).toMatchObject({ provider: 'pax8', status: 'connected', accountLabel: pax8Demo.clientId, secretLast4: 'Pe8U' });

    // Moving on to a sync retires the notice.
    button(pax8, 'Sync now').click();
    await until(() => !visibleText(pax8).includes('Pax8 credentials saved.'));
    await until(() => badgeText(element, 'pax8') === 'Connected' && !button(pax8, 'Sync now').disabled);
  });

  it('puts a client without access to companies next to the client ID, and too many tests in the form', async () => {
    const element = await renderIntegrations();
    const pax8 = card(element, 'pax8');
    button(pax8, 'Configure Pax8').click();
    await until(() => element.shadowRoot!.querySelector('#pax8-client-id'));
    typeInto(input(element, 'pax8-client-id'), pax8Demo.limitedClientId);
    typeInto(input(element, 'pax8-secret'), pax8Demo.limitedSecret);
    button(pax8, 'Test connection').click();
    await until(() => errorOf(element, 'pax8-client-id').startsWith('This Pax8 API client cannot read companies.'));
    expect(input(element, 'pax8-secret').getAttribute('aria-invalid')).toBe('false');
    expect(button(pax8, 'Save').disabled).toBe(true);

    // The API allows ten tests a minute per organization.
    const errors = recordEvents(document, 'billingone-error');
    for (let i = 0; i < 10; i++) await apiCall('POST', '/integrations/pax8/test', { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.secret } });
    typeInto(input(element, 'pax8-client-id'), pax8Demo.clientId);
    typeInto(input(element, 'pax8-secret'), pax8Demo.secret);
    await element.updateComplete;
    button(pax8, 'Test connection').click();
    await until(() => pax8.querySelector('.form-error'));
    expect(visibleText(pax8.querySelector('.form-error')!)).toMatch(/^Too many requests\. Try again in \d+ seconds?\.$/);
    expect(element.shadowRoot!.activeElement).toBe(pax8.querySelector('.form-error'));
    expect(input(element, 'pax8-client-id').value).toBe(pax8Demo.clientId);
    expect(errors).toHaveLength(1);
  });

  it('keeps the stored secret unless “Replace” is used, and can go back to it', async () => {
    await configurePax8();
    const element = await renderIntegrations();
    const pax8 = card(element, 'pax8');
    button(pax8, 'Change credentials').click();
    await until(() => pax8.querySelector('form'));
    expect(pax8.querySelector('#pax8-secret')).toBeNull();
    expect(visibleText(pax8.querySelector('form')!)).toContain('••••Pe8U');

    button(pax8, 'Replace').click();
    await until(() => element.shadowRoot!.activeElement?.id === 'pax8-secret');
    expect(input(element, 'pax8-secret').value).toBe('');
    button(pax8, 'Keep the stored secret').click();
    await until(() => !pax8.querySelector('#pax8-secret'));

    // Tested and saved with the stored secret: nothing about the secret is sent.
    button(pax8, 'Test connection').click();
    await until(() => !button(pax8, 'Save').disabled);
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    button(pax8, 'Save').click();
    await until(() => saved.length === 1);
    expect((await apiCall('GET', '/integrations')).body.items[0].secretLast4).toBe('Pe8U');
  });

  it('syncs now: the button is disabled while it runs and the run shows in the history', async () => {
    await configurePax8();
    const element = await renderIntegrations();
    const pax8 = card(element, 'pax8');
    button(pax8, 'Show sync history').click();
    await until(() => visibleText(pax8).includes('No Pax8 syncs yet'));
    // Saved a moment ago: the first scheduled sync is due, not "a few seconds ago".
    expect(visibleText(pax8)).toMatch(/Next sync\s*Due now/);
    // Nothing synced yet: no companies, so nothing for "Accept all suggestions" to take.
    await until(() => visibleText(element).includes('No Pax8 companies yet'));
    expect(button(element, 'Accept all suggestions').disabled).toBe(true);
    const sync = button(pax8, 'Sync now');
    sync.click();
    await element.updateComplete;
    expect(badgeText(element, 'pax8')).toBe('Syncing…');
    expect(button(pax8, 'Syncing…').disabled).toBe(true);
    await until(() => badgeText(element, 'pax8') === 'Connected');
    await until(() => pax8.querySelector('.history tbody tr'));
    const row = visibleText(pax8.querySelector('.history tbody tr')!);
    expect(row).toContain('Manual');
    expect(row).toContain('Succeeded');
    // The card and the history say the counts in one order.
    expect(row).toMatch(/25 companies, 40 products,? and 120 subscriptions/);
    expect(row).toMatch(/\d s|\d+ sec/);
    await until(() => announced(element) === 'The Pax8 sync finished.');
    expect(visibleText(pax8)).toContain('40 products');
    expect(button(pax8, 'Sync now').disabled).toBe(false);
  });

  it('maps Pax8 companies to clients: suggestions with their score, accept all, save in bulk', async () => {
    await configurePax8();
    await syncPax8();
    const element = await renderIntegrations();
    await until(() => mappingRows(element).length > 0);
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const before = (await apiCall('GET', '/integrations/pax8/company-mappings?status=suggested&limit=200')).body;
    expect(before.items.length).toBeGreaterThan(0);
    const first = before.items[0];
    const row = mappingRows(element).find((candidate) => candidate.dataset.company === first.pax8CompanyId)!;
    expect(visibleText(row)).toContain(first.suggestion.clientName);
    expect(visibleText(row)).toContain(`${Math.round(first.suggestion.score * 100)}% match`);

    choose(shadowQuery<HTMLSelectElement>(element, '#mappings-filter'), 'suggested');
    await until(() => mappingRows(element).length === Math.min(before.total, 20) && mappingRows(element).every((r) => visibleText(r).includes('Suggestion')));

    const suggestedRow = () => mappingRows(element).find((candidate) => candidate.dataset.company === first.pax8CompanyId)!;
    button(element, 'Accept all suggestions').click();
    await until(() => visibleText(element).includes(`${before.total} unsaved changes`));
    await until(() => announced(element) === `${before.total} suggestions accepted. Save to apply them.`);
    expect(suggestedRow().querySelector('select')!.value).toBe(first.suggestion.clientId);
    expect(visibleText(suggestedRow())).toContain('Unsaved');
    await expectAccessibleInThemes(element);

    button(element, 'Save mappings').click();
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'integrations', resource: 'mappings' });
    await until(() => announced(element) === `${before.total} mappings saved.`);
    await until(() => mappingRows(element).length === 0);
    expect(visibleText(element)).toContain('No companies match this filter');
    const after = (await apiCall('GET', `/integrations/pax8/company-mappings?status=mapped&limit=200`)).body;
    expect(after.items.find((item: { pax8CompanyId: string }) => item.pax8CompanyId === first.pax8CompanyId)).toMatchObject({
      clientId: first.suggestion.clientId,
      status: 'mapped',
    });
  });

  it('maps one company by hand and shows the change before saving', async () => {
    await configurePax8();
    await syncPax8();
    const element = await renderIntegrations();
    await until(() => mappingRows(element).length > 0);
    // 25 companies, 20 a page.
    expect(mappingRows(element)).toHaveLength(20);
    expect(visibleText(element)).toContain('Showing 20 of 25 items');
    button(element, 'Load more').click();
    await until(() => mappingRows(element).length === 25);
    expect(hasButton(element, 'Load more')).toBe(false);

    // One suggestion taken with its own button.
    const suggested = mappingRows(element).find((candidate) => candidate.querySelector('.suggestion button'))!;
    suggested.querySelector<HTMLButtonElement>('.suggestion button')!.click();
    await until(() => visibleText(element).includes('1 unsaved change'));
    expect(suggested.querySelector('.suggestion button')).toBeNull();
    expect(suggested.querySelector('select')!.value).not.toBe('');
    button(element, 'Discard changes').click();
    await until(() => !visibleText(element).includes('unsaved change'));
    expect(suggested.querySelector('select')!.value).toBe('');

    const row = mappingRows(element)[0]!;
    const select = row.querySelector('select')!;
    const target = [...select.options].find((option) => option.value !== '' && option.value !== select.value)!;
    choose(select, target.value);
    await until(() => visibleText(element).includes('1 unsaved change'));
    expect(visibleText(row)).toContain('Unsaved');
    button(element, 'Discard changes').click();
    await until(() => !visibleText(element).includes('unsaved change'));
    choose(row.querySelector('select')!, target.value);
    await until(() => hasButton(element, 'Save mappings'));
    button(element, 'Save mappings').click();
    await until(() => announced(element) === '1 mapping saved.');
    const { body } = await apiCall('GET', '/integrations/pax8/company-mappings?status=mapped');
    expect(body.items.map((item: { clientId: string }) => item.clientId)).toContain(target.value);
  });

  it('disconnects after a confirmation that explains what happens', async () => {
    await configurePax8();
    const element = await renderIntegrations();
    const pax8 = card(element, 'pax8');
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const disconnected = recordEvents<BillingoneIntegrationDisconnectedEvent>(document, 'billingone-integration-disconnected');
    const disconnect = button(pax8, 'Disconnect');
    disconnect.focus();
    disconnect.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    const dialog = openDialog(element);
    expect(visibleText(dialog)).toContain('Disconnect Pax8?');
    expect(visibleText(dialog)).toContain('delete the stored client ID and secret');
    expect(element.shadowRoot!.activeElement?.getAttribute('value')).toBe('cancel');
    answerConfirm(element, 'cancel');
    await until(() => !element.shadowRoot!.querySelector('dialog[open]'));
    expect(element.shadowRoot!.activeElement).toBe(disconnect);
    expect(badgeText(element, 'pax8')).toBe('Connected');

    disconnect.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    answerConfirm(element, 'confirm');
    await until(() => badgeText(element, 'pax8') === 'Not connected');
    expect(hasButton(card(element, 'pax8'), 'Configure Pax8')).toBe(true);
    expect(element.shadowRoot!.querySelector('#mappings-title')).toBeNull();
    await until(() => announced(element) === 'Pax8 is disconnected.');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'integrations', resource: 'pax8' }]);
    expect(disconnected.map((event) => event.detail)).toEqual([{ provider: 'pax8' }]);
    expect((await apiCall('GET', '/integrations')).body.items[0].status).toBe('not_configured');
  });
});
