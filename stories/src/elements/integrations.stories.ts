import '@billingone/settings-elements/integrations';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { pax8Demo } from '../mock-api/index.js';
import { announced, retype, shadow, storyElement, until, visibleText } from '../support/play.js';
import { apiOf, sectionElement, type SectionStoryContext } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated } from '../support/states.js';

const tag = 'billingone-integrations';
const card = (host: HTMLElement, provider: 'pax8' | 'xero') => host.shadowRoot?.querySelector<HTMLElement>(`article[data-provider="${provider}"]`) ?? null;
const badge = (host: HTMLElement, provider: 'pax8' | 'xero') => {
  const found = card(host, provider)?.querySelector('.card-header .badge');
  return found ? visibleText(found) : '';
};
const buttonLabels = (host: HTMLElement) => [...(host.shadowRoot?.querySelectorAll('button') ?? [])].map((button) => visibleText(button));
const cards = (host: HTMLElement) => card(host, 'pax8') && card(host, 'xero');
const readOnly = (host: HTMLElement) => host.shadowRoot?.querySelector('[data-status="read-only"]');
const input = (host: HTMLElement, id: string) => host.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
const errorOf = (host: HTMLElement, id: string) => {
  const errorId = (input(host, id).getAttribute('aria-describedby') ?? '').split(' ').find((part) => part.endsWith('-error'));
  const error = errorId ? host.shadowRoot!.querySelector(`#${errorId}`) : null;
  return error ? visibleText(error) : '';
};

// Pax8 and Xero: status, credentials (the Pax8 secret is write-only), sync now and history,
// disconnection, and the mapping of Pax8 companies to BillingOne clients. Read-only for Engineers
// and Viewers.
const meta: Meta = {
  title: 'Sections/Integrations',
  component: tag,
  args: { 'xero-mode': 'redirect' },
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

/** Nothing connected yet; Finance may configure both. */
export const NotConnected: Story = populated((host) => cards(host) && buttonLabels(host).includes('Configure Pax8') && buttonLabels(host).includes('Connect Xero'), undefined, { role: 'finance' });

/** Both connected and synced: accounts, masked secret, counts, next sync and the company mapping. */
export const Connected: Story = populated(
  (host) => badge(host, 'pax8') === 'Connected' && visibleText(card(host, 'pax8')!).includes('••••Pe8U') && host.shadowRoot!.querySelector('article[data-provider="xero"]') && visibleText(host).includes('Acme MSP Ltd'),
  { integrations: 'connected' },
  { role: 'owner' },
);

/** Pax8 refused the stored credentials and Xero's last sync failed: each card says what to do. */
export const NeedsAttention: Story = populated((host) => badge(host, 'pax8') !== '' && badge(host, 'pax8') !== 'Connected' && buttonLabels(host).includes('Enter credentials again'), { integrations: 'attention' }, { role: 'admin' });

/** Engineers see the status only: no configure, connect, sync, disconnect or mapping controls. */
export const ReadOnlyEngineer: Story = populated(
  (host) => readOnly(host) && badge(host, 'pax8') === 'Connected' && !buttonLabels(host).some((label) => ['Configure Pax8', 'Change credentials', 'Connect Xero', 'Sync now', 'Disconnect'].includes(label)),
  { integrations: 'connected' },
  { role: 'engineer' },
);

/** Viewers too, with nothing connected: no way to start a connection. */
export const ReadOnlyViewer: Story = populated((host) => readOnly(host) && cards(host) && !buttonLabels(host).includes('Configure Pax8'), undefined, { role: 'viewer' });

export const Loading: Story = loading(['integrations.list']);

export const ServerError: Story = failing('integrations.list', cards);

/** A member held at the MFA gate cannot see the integrations yet. */
export const Forbidden: Story = forbidden({ requireMfa: true }, { role: 'finance' });

export const Dark: Story = { ...populated(cards, { integrations: 'connected' }), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && cards(host), { integrations: 'connected' }), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { 'xero-mode': 'redirect', ...customBrandArgs }, ...populated((host) => cards(host) && brandApplied(host)) };

/** Configure Pax8: a refused secret is explained next to the secret and keeps the values; the demo secret connects. */
export const Pax8Configure: Story = {
  globals: { role: 'admin' },
  play: async ({ canvasElement, loaded, step }) => {
    const host = await storyElement(canvasElement, tag);
    const pax8 = await until(() => card(host, 'pax8'));
    const ui = shadow(host);
    await userEvent.click(ui.getByRole('button', { name: 'Configure Pax8' }));
    await until(() => host.shadowRoot!.querySelector('#pax8-client-id'));
    await expect(input(host, 'pax8-secret').type).toBe('password');
    await step('A bad secret: Test connection is refused by Pax8', async () => {
      await userEvent.type(input(host, 'pax8-client-id'), pax8Demo.clientId);
      await userEvent.type(input(host, 'pax8-secret'), pax8Demo.badSecret);
      await userEvent.click(ui.getByRole('button', { name: 'Test connection' }));
      await until(() => errorOf(host, 'pax8-secret') === 'Pax8 refused the client ID or secret. Check both and try again.');
      await expect(input(host, 'pax8-secret').getAttribute('aria-invalid')).toBe('true');
      await expect(input(host, 'pax8-client-id').value).toBe(pax8Demo.clientId);
      await expect(ui.getByRole('button', { name: 'Save' })).toBeDisabled();
    });
    await step('The demo secret: the test passes and Save connects', async () => {
      await retype(input(host, 'pax8-secret'), pax8Demo.secret);
      await userEvent.click(ui.getByRole('button', { name: 'Test connection' }));
      await until(() => visibleText(pax8).includes('The connection works. Pax8 returned 25 companies.'));
      await userEvent.click(ui.getByRole('button', { name: 'Save' }));
      await until(() => badge(host, 'pax8') === 'Connected');
      await expect(visibleText(card(host, 'pax8')!)).toContain('••••Pe8U');
      await expect(host.shadowRoot!.querySelector('#pax8-secret')).toBeNull();
    });
    const tests = apiOf({ loaded }).calls.filter((call) => call.endpointId === 'integrations.pax8.test' || call.endpointId === 'integrations.pax8.save');
    await expect(tests.map((call) => `${call.endpointId} ${call.status}`)).toEqual(['integrations.pax8.test 200', 'integrations.pax8.test 200', 'integrations.pax8.save 200']);
  },
};

/**
 * Connect Xero by redirect: the story cancels `billingone-oauth-redirect` (a host may navigate itself),
 * plays the user on Xero's consent page, and comes back to the page with `code` and `state`; the
 * element finishes the connection and asks which organisation to sync.
 */
export const XeroConnect: Story = {
  globals: { role: 'finance' },
  render: (args, context) => {
    const frame = document.createElement('div');
    frame.append(sectionElement(tag, args, context as SectionStoryContext));
    return frame;
  },
  play: async ({ canvasElement, loaded, args, globals, step }) => {
    const api = apiOf({ loaded });
    let host = await storyElement(canvasElement, tag);
    const redirect = new Promise<string>((resolve) => {
      host.addEventListener('billingone-oauth-redirect', (event) => {
        event.preventDefault();
        resolve((event as CustomEvent<{ url: string }>).detail.url);
      }, { once: true });
    });
    await until(() => card(host, 'xero'));
    await userEvent.click(shadow(host).getByRole('button', { name: 'Connect Xero' }));
    const authorizeUrl = await redirect;
    await expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    await step('Xero sends the browser back with a code', async () => {
      const answer = api.xeroConsent(authorizeUrl);
      const back = new URL(location.href);
      back.searchParams.set('code', answer.code!);
      back.searchParams.set('state', answer.state);
      history.replaceState(history.state, '', back.toString());
      const returned = sectionElement(tag, args, { globals, loaded });
      host.replaceWith(returned);
      host = returned;
    });
    await step('Choose the organisation to sync', async () => {
      const radio = await until(() => shadow(host).queryByRole('radio', { name: 'Acme MSP Ltd' }));
      await userEvent.click(radio);
      await userEvent.click(shadow(host).getByRole('button', { name: 'Use this organisation' }));
      await until(() => badge(host, 'xero') === 'Connected');
      await until(() => announced(host).length > 0);
    });
    await expect(new URL(location.href).searchParams.has('code')).toBe(false);
    await expect(api.state.integrations.get('xero')?.tenant?.name).toBe('Acme MSP Ltd');
  },
};
