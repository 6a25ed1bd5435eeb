import { createSettingsClient } from '@billingone/settings-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { BillingoneIntegrationConnectedEvent } from '../events/integration-connected.js';
import type { BillingoneOAuthRedirectEvent } from '../events/oauth-redirect.js';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { badgeText, button, card, renderIntegrations } from '../testing/integrations.js';
import { announced, answerConfirm } from '../testing/interact.js';
import { resetDemoData, signInAs } from '../testing/session.js';
import type { BillingoneIntegrations } from './integrations.js';

const pageUrl = location.href;

/** Clicks “Connect Xero” in redirect mode, keeps the page here (cancels the navigation) and returns the consent URL. */
async function startRedirect(element: BillingoneIntegrations): Promise<string> {
  const redirects: string[] = [];
  const onRedirect = (event: BillingoneOAuthRedirectEvent) => {
    event.preventDefault();
    redirects.push(event.detail.url);
  };
  document.addEventListener('billingone-oauth-redirect', onRedirect);
  try {
    button(card(element, 'xero'), 'Connect Xero').click();
    await until(() => redirects.length === 1);
  } finally {
    document.removeEventListener('billingone-oauth-redirect', onRedirect);
  }
  return redirects[0]!;
}

/** Comes back to the page from Xero: the address Xero (through the API's return page) sends the browser to. */
async function returnFromXero(landing: string): Promise<BillingoneIntegrations> {
  history.replaceState(null, '', landing);
  return renderIntegrations();
}

beforeEach(async () => {
  await resetDemoData();
  await signInAs('finance');
  sessionStorage.clear();
});

afterEach(() => {
  history.replaceState(null, '', pageUrl);
});

describe('<billingone-integrations> Xero', () => {
  it('connects by redirect: consent on Xero, back with code and state, choose the organisation', async () => {
    const first = await renderIntegrations();
    const authorizeUrl = await startRedirect(first);
    expect(new URL(authorizeUrl).pathname).toBe('/identity/connect/authorize');
    expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(visibleText(card(first, 'xero'))).toContain('Taking you to Xero…');
    first.remove();

    const landing = await commands.xeroConsent(authorizeUrl, { tenants: 'all' });
    expect(new URL(landing).searchParams.get('code')).toBeTruthy();
    const connected = recordEvents<BillingoneIntegrationConnectedEvent>(document, 'billingone-integration-connected');
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const element = await returnFromXero(landing);
    expect(location.search).not.toContain('code=');
    expect(location.search).not.toContain('state=');

    await until(() => shadowQueryAll(element, 'input[name="xero-tenant"]').length === 2);
    // Focus is on the choice, where a keyboard user goes on.
    await until(() => (element.shadowRoot!.activeElement as HTMLInputElement | null)?.name === 'xero-tenant');
    const xero = card(element, 'xero');
    expect(visibleText(xero)).toContain('Choose the Xero organisation to sync');
    expect(visibleText(xero)).toContain('Acme MSP Ltd');
    expect(visibleText(xero)).toContain('Acme MSP (AU)');
    await expectAccessibleInThemes(element);
    const australia = shadowQueryAll<HTMLInputElement>(element, 'input[name="xero-tenant"]').find((radio) =>
      visibleText(radio.closest('label')!).includes('Acme MSP (AU)'),
    )!;
    australia.click();
    button(xero, 'Use this organisation').click();

    await until(() => badgeText(element, 'xero') === 'Connected');
    await until(() => visibleText(card(element, 'xero')).includes('Xero is connected to Acme MSP (AU).'));
    expect(visibleText(card(element, 'xero'))).toMatch(/Organisation\s+Acme MSP \(AU\)/);
    await until(() => announced(element) === 'Xero is connected.');
    expect(connected.map((event) => event.detail)).toEqual([{ provider: 'xero' }]);
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'integrations', resource: 'xero' }]);
    const { body } = await apiCall('GET', '/integrations');
    expect(body.items[1]).toMatchObject({ provider: 'xero', status: 'connected', tenant: { name: 'Acme MSP (AU)' } });

    // Disconnecting explains that the grant is revoked.
    button(card(element, 'xero'), 'Disconnect').click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    expect(visibleText(shadowQuery(element, 'dialog[open]'))).toContain('revoke its access to your Xero organisation');
    answerConfirm(element, 'confirm');
    await until(() => badgeText(element, 'xero') === 'Not connected');
    expect((await apiCall('GET', '/integrations')).body.items[1].status).toBe('not_configured');
  });

  it('connects at once when the Xero login covers one organisation', async () => {
    const first = await renderIntegrations();
    const landing = await commands.xeroConsent(await startRedirect(first), { tenants: 'first' });
    first.remove();
    const connected = recordEvents<BillingoneIntegrationConnectedEvent>(document, 'billingone-integration-connected');
    const element = await returnFromXero(landing);
    await until(() => badgeText(element, 'xero') === 'Connected');
    expect(element.shadowRoot!.querySelector('input[name="xero-tenant"]')).toBeNull();
    expect(visibleText(card(element, 'xero'))).toContain('Xero is connected to Acme MSP Ltd.');
    expect(connected).toHaveLength(1);
    expect(visibleText(card(element, 'xero'))).toContain('Sync now');
  });

  it('says calmly that nothing was connected when the user cancels on Xero', async () => {
    const first = await renderIntegrations();
    const landing = await commands.xeroConsent(await startRedirect(first), { decision: 'cancel' });
    first.remove();
    expect(new URL(landing).searchParams.get('error')).toBe('access_denied');
    const events = recordEvents(document, 'billingone-saved');
    const element = await returnFromXero(landing);
    await until(() => visibleText(card(element, 'xero')).includes('You cancelled on Xero’s page. Nothing was connected.'));
    expect(card(element, 'xero').querySelector('[role="alert"]')).toBeNull();
    expect(location.search).not.toContain('error=');
    expect(badgeText(element, 'xero')).toBe('Not connected');
    expect(events).toHaveLength(0);
    button(card(element, 'xero'), 'Close').click();
    await until(() => !visibleText(card(element, 'xero')).includes('You cancelled'));
    expect(button(card(element, 'xero'), 'Connect Xero').disabled).toBe(false);
  });

  it('refuses a return that does not belong to the connection attempt under way', async () => {
    const first = await renderIntegrations();
    await startRedirect(first);
    first.remove();
    const element = await returnFromXero(`${location.pathname}?code=forged&state=forged-state`);
    await until(() => visibleText(card(element, 'xero')).includes('This Xero sign-in has expired or belongs to another attempt. Connect again.'));
    expect(card(element, 'xero').querySelector('[role="alert"]')).not.toBeNull();
    expect(badgeText(element, 'xero')).toBe('Not connected');
    expect(location.search).not.toContain('forged');
  });

  it('leaves the page’s own code and state parameters alone when no Xero connection is under way', async () => {
    const element = await returnFromXero(`${location.pathname}?code=host-code&state=host-state`);
    expect(new URLSearchParams(location.search).get('code')).toBe('host-code');
    expect(visibleText(card(element, 'xero'))).not.toMatch(/expired|cancelled|Finishing/);
    expect(badgeText(element, 'xero')).toBe('Not connected');
  });

  it('connects in a popup: the return page hands the code back to this window', async () => {
    let authorizeUrl: string | undefined;
    const client = createSettingsClient({
      baseUrl: location.origin,
      retry: { limit: 0 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith('/integrations/xero/authorize')) authorizeUrl = ((await response.clone().json()) as { authorizeUrl: string }).authorizeUrl;
        return response;
      },
    });
    const element = await renderIntegrations({ mode: 'popup', client });
    const connected = recordEvents<BillingoneIntegrationConnectedEvent>(document, 'billingone-integration-connected');
    const redirects = recordEvents(document, 'billingone-oauth-redirect');
    const popup = await openedPopup(async () => {
      button(card(element, 'xero'), 'Connect Xero').click();
      await until(() => visibleText(card(element, 'xero')).includes('Finish in the Xero window.'));
    });
    expect(redirects).toHaveLength(0);
    await until(() => showsOtherOrigin(popup));
    const returnPage = await commands.xeroConsent(authorizeUrl!, { followReturn: false });
    // The user allowed access in the popup: Xero sends it to the API's return page.
    popup.location.href = returnPage;
    await until(() => badgeText(element, 'xero') === 'Connected');
    expect(visibleText(card(element, 'xero'))).toContain('Xero is connected to Acme MSP Ltd.');
    expect(connected.map((event) => event.detail)).toEqual([{ provider: 'xero' }]);
    await until(() => popup.closed);
  });

  it('says calmly that nothing was connected when the popup is closed', async () => {
    const element = await renderIntegrations({ mode: 'popup' });
    const popup = await openedPopup(async () => {
      button(card(element, 'xero'), 'Connect Xero').click();
      await until(() => visibleText(card(element, 'xero')).includes('Finish in the Xero window.'));
    });
    // The person sees Xero's page, then closes the window.
    await until(() => showsOtherOrigin(popup));
    popup.close();
    await until(() => visibleText(card(element, 'xero')).includes('The Xero window was closed before the connection finished. Nothing was connected.'));
    expect(badgeText(element, 'xero')).toBe('Not connected');
  });
});

/**
 * Whether the popup shows a page of another origin (Xero's), its navigation from `about:blank`
 * done: until then a script closing or moving it races the navigation.
 */
function showsOtherOrigin(popup: Window): boolean {
  try {
    return popup.location.href === undefined;
  } catch {
    return true;
  }
}

/**
 * Runs `act` and returns the window the element opened meanwhile. Tests hold the element's own
 * handle: looking the popup up by name races its navigation to the provider.
 */
async function openedPopup(act: () => Promise<void>): Promise<Window> {
  const popups: Window[] = [];
  const open = window.open;
  window.open = (...args: Parameters<typeof window.open>) => {
    const popup = open.apply(window, args);
    if (popup) popups.push(popup);
    return popup;
  };
  try {
    await act();
  } finally {
    window.open = open;
  }
  expect(popups).toHaveLength(1);
  return popups[0]!;
}
