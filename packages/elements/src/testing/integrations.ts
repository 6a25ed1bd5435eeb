/** Helpers for the `<billingone-integrations>` tests: demo provider credentials, rendering, setup through the API. */
import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import '../integrations/define.js';
import type { BillingoneIntegrations } from '../integrations/integrations.js';
import { apiCall } from './api.js';
import { fixture, shadowQuery, shadowQueryAll, until, visibleText } from './fixture.js';

/** The Pax8 simulator's demo API client (see the server's simulators README). */
export const pax8Demo = {
  clientId: 'p8DemoB1llingOneClient0000000001',
  secret: 'p8s_demo_3JQmZcW7rX2vLk9TnY4dHf6GbS1aPe8U',
  /** A secret the demo client never accepts. */
  badSecret: 'p8s_wrong_0000000000000000000000000000000',
  /** An API client that may read products only (Test Connection: `insufficient_access`). */
  limitedClientId: 'p8DemoLimitedProductsOnly0000002',
  limitedSecret: 'p8s_limited_Vb5nQ2xR8cT1wZ7mK4jH9gF3dS6a',
} as const;

export const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

/** Renders the element with its own client and waits for the cards (or another final state). */
export async function renderIntegrations(options: { mode?: 'redirect' | 'popup'; client?: SettingsClient } = {}): Promise<BillingoneIntegrations> {
  const element = await fixture<BillingoneIntegrations>(
    html`<billingone-integrations locale="en" xero-mode=${options.mode ?? 'redirect'} .client=${options.client ?? newClient()}></billingone-integrations>`,
  );
  await until(() => element.shadowRoot!.querySelector('article[data-provider="xero"], [data-status="error"]'));
  return element;
}

export const card = (element: BillingoneIntegrations, provider: 'pax8' | 'xero'): HTMLElement =>
  shadowQuery(element, `article[data-provider="${provider}"]`);

/** The button of a card (or the element) whose text is `label`. */
export function button(root: Element | BillingoneIntegrations, label: string | RegExp): HTMLButtonElement {
  const scope = root instanceof HTMLElement && root.shadowRoot ? [...root.shadowRoot.querySelectorAll('button')] : [...root.querySelectorAll('button')];
  const found = scope.find((candidate) => (typeof label === 'string' ? visibleText(candidate) === label : label.test(visibleText(candidate))));
  if (!found) throw new Error(`No button "${label}" among: ${scope.map((candidate) => visibleText(candidate)).join(' | ')}`);
  return found as HTMLButtonElement;
}

export const hasButton = (root: Element, label: string): boolean => {
  try {
    button(root, label);
    return true;
  } catch {
    return false;
  }
};

export const badgeText = (element: BillingoneIntegrations, provider: 'pax8' | 'xero'): string =>
  visibleText(card(element, provider).querySelector('.card-header .badge')!);

/** Saves the demo Pax8 credentials through the API (as the signed-in member). */
export async function configurePax8(): Promise<void> {
  const answer = await apiCall('PUT', '/integrations/pax8', { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.secret } });
  if (answer.status !== 200) throw new Error(`Configuring Pax8 failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Runs a Pax8 sync through the API. */
export async function syncPax8(): Promise<void> {
  const answer = await apiCall('POST', '/integrations/pax8/sync', { headers: { 'idempotency-key': crypto.randomUUID() } });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`Syncing Pax8 failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

export const mappingRows = (element: BillingoneIntegrations): HTMLTableRowElement[] => shadowQueryAll(element, 'tr[data-company]');
