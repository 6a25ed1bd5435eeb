import { act, createRef, type ComponentType, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BillingoneNavigateEvent,
  BillingoneProvider as ProviderElement,
  BillingoneSavedEvent,
  BillingoneSettings as SettingsElement,
  type SettingsClient,
} from '@billingone/settings-elements';
import { BillingoneProfile, BillingoneProvider, BillingoneSettings, BillingoneTeam } from './index.js';

declare global {
  // React's act() checks this flag in test environments.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

// Nothing answers on port 9: the elements show their error state, which these tests do not look at.
const apiOrigin = 'http://127.0.0.1:9';

let root: Root | undefined;
let container: HTMLElement | undefined;

async function render(node: ReactNode): Promise<HTMLElement> {
  if (!container) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  await act(async () => root!.render(node));
  return container;
}

function rendered<T extends Element>(selector: string): T {
  const element = container?.querySelector<T>(selector);
  if (!element) throw new Error(`${selector} was not rendered`);
  return element;
}

afterEach(async () => {
  await act(async () => root?.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
});

/** A real Settings API client, made the way a provider makes one from `base-url` and `getToken`. */
function settingsClient(): SettingsClient {
  const provider = new ProviderElement();
  provider.baseUrl = apiOrigin;
  provider.getToken = () => 'embed-token';
  const client = provider.settingsClient;
  if (!client) throw new Error('the provider made no client');
  return client;
}

describe('props', () => {
  it('land as properties on the element, objects and functions included', async () => {
    const getToken = vi.fn(() => 'embed-token');
    const sections = ['team', 'profile'];
    await render(<BillingoneSettings baseUrl={apiOrigin} getToken={getToken} section="team" sections={sections} theme="dark" locale="fr" />);
    const element = rendered<SettingsElement>('billingone-settings');

    expect(element).toBeInstanceOf(SettingsElement);
    expect(element.getToken).toBe(getToken);
    expect(element.sections).toBe(sections);
    expect(element.section).toBe('team');
    expect(element.theme).toBe('dark');
    expect(element.baseUrl).toBe(apiOrigin);
    await element.updateComplete;
    // Reflected properties show up as attributes too; attribute-less ones do not.
    expect(element.getAttribute('section')).toBe('team');
    expect(element.getAttribute('locale')).toBe('fr');
    expect(element.hasAttribute('sections')).toBe(false);
    expect(element.hasAttribute('gettoken')).toBe(false);
  });

  it('passes a client object through unchanged', async () => {
    const client = settingsClient();
    await render(<BillingoneProfile client={client} />);
    const element = rendered<HTMLElementTagNameMap['billingone-profile']>('billingone-profile');
    expect(element.client).toBe(client);
    expect(element.settingsClient).toBe(client);
  });

  describe('a client given as a prop', () => {
    /** The requests to the page origin's Settings API path made while `run` renders and for a moment after. */
    async function pageOriginApiRequests(run: () => Promise<unknown>): Promise<string[]> {
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name.startsWith(`${location.origin}/v1/`)) seen.push(entry.name);
      });
      observer.observe({ type: 'resource' });
      await run();
      await new Promise((resolve) => setTimeout(resolve, 300));
      observer.disconnect();
      return seen;
    }

    it('is the only client the element uses: nothing is asked of the page origin first', async () => {
      const requests = await pageOriginApiRequests(async () => {
        await render(<BillingoneSettings client={settingsClient()} />);
        await rendered<SettingsElement>('billingone-settings').updateComplete;
      });
      expect(requests).toEqual([]);
    });

    it('(without one, the element talks to the page origin, which the check above would see)', async () => {
      const requests = await pageOriginApiRequests(() => render(<BillingoneSettings />));
      expect(requests).toContain(`${location.origin}/v1/me`);
    });
  });

  it('follow re-renders and unset removed props', async () => {
    await render(<BillingoneSettings baseUrl={apiOrigin} section="team" />);
    const element = rendered<SettingsElement>('billingone-settings');
    await render(<BillingoneSettings baseUrl={apiOrigin} section="profile" />);
    expect(rendered('billingone-settings')).toBe(element);
    expect(element.section).toBe('profile');
    await render(<BillingoneSettings baseUrl={apiOrigin} />);
    expect(element.section).toBeUndefined();
  });

  it('keeps React attributes, children and refs working', async () => {
    const ref = createRef<SettingsElement>();
    await render(
      <BillingoneSettings ref={ref} baseUrl={apiOrigin} className="portal-settings" id="settings" data-testid="shell">
        <span slot="nav-billing">Billing</span>
      </BillingoneSettings>,
    );
    const element = rendered<SettingsElement>('billingone-settings');
    expect(ref.current).toBe(element);
    expect(element.getAttribute('class')).toBe('portal-settings');
    expect(element.id).toBe('settings');
    expect(element.dataset.testid).toBe('shell');
    expect(element.querySelector('[slot="nav-billing"]')?.textContent).toBe('Billing');
  });

  it('nests section components in a provider', async () => {
    await render(
      <BillingoneProvider baseUrl={apiOrigin} getToken={() => 'embed-token'}>
        <BillingoneTeam pageSize={25} />
      </BillingoneProvider>,
    );
    const provider = rendered<ProviderElement>('billingone-provider');
    const team = rendered<HTMLElementTagNameMap['billingone-team']>('billingone-provider > billingone-team');
    expect(team.pageSize).toBe(25);
    await team.updateComplete;
    expect(team.settingsClient).toBe(provider.settingsClient);
  });
});

describe('events', () => {
  it('call the typed handler with the event the element fires', async () => {
    const onNavigate = vi.fn((event: BillingoneNavigateEvent) => event.detail.section);
    await render(<BillingoneSettings baseUrl={apiOrigin} onBillingoneNavigate={onNavigate} />);
    const element = rendered<SettingsElement>('billingone-settings');

    const event = new BillingoneNavigateEvent({ section: 'team' });
    element.dispatchEvent(event);

    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate.mock.calls[0]![0]).toBe(event);
    expect(onNavigate.mock.results[0]!.value).toBe('team');
  });

  it('hears events that bubble out of the element (composed, from its shadow root)', async () => {
    const onNavigate = vi.fn();
    await render(<BillingoneSettings baseUrl={apiOrigin} onBillingoneNavigate={onNavigate} />);
    const element = rendered<SettingsElement>('billingone-settings');
    await element.updateComplete;
    const inner = document.createElement('span');
    element.shadowRoot!.append(inner);
    inner.dispatchEvent(new BillingoneNavigateEvent({ section: 'profile' }));
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(onNavigate.mock.calls[0]![0].detail).toEqual({ section: 'profile' });
  });

  it('lets the handler cancel a cancelable event', async () => {
    await render(<BillingoneSettings baseUrl={apiOrigin} onBillingoneNavigate={(event) => event.preventDefault()} />);
    const event = new BillingoneNavigateEvent({ section: 'team' });
    rendered('billingone-settings').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('swaps and removes handlers across renders', async () => {
    const first = vi.fn();
    const second = vi.fn();
    await render(<BillingoneProfile onBillingoneSaved={first} />);
    const element = rendered('billingone-profile');
    await render(<BillingoneProfile onBillingoneSaved={second} />);
    element.dispatchEvent(new BillingoneSavedEvent({ section: 'profile', resource: 'profile.name' }));
    await render(<BillingoneProfile />);
    element.dispatchEvent(new BillingoneSavedEvent({ section: 'profile', resource: 'profile.name' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('does not call a handler for other events', async () => {
    const onSaved = vi.fn();
    await render(<BillingoneTeam onBillingoneSaved={onSaved} />);
    rendered('billingone-team').dispatchEvent(new BillingoneNavigateEvent({ section: 'team' }));
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe('every generated component', () => {
  const modules = import.meta.glob<Record<string, unknown>>('./generated/*.ts', { eager: true });
  const isComponent = (value: unknown): value is ComponentType & { displayName: string } =>
    typeof value === 'object' && value !== null && 'displayName' in value;
  const components = Object.values(modules).flatMap((module) => Object.values(module).filter(isComponent));

  it('exists for each element', () => {
    expect(components.length).toBe(Object.keys(modules).length);
    expect(components.map((component) => component.displayName)).toContain('BillingoneSettings');
  });

  it.each(components.map((component) => [component.displayName, component] as const))('%s renders its registered element', async (name, Component) => {
    await render(<Component />);
    const element = container!.firstElementChild!;
    const tag = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    expect(element.localName).toBe(tag);
    expect(customElements.get(tag)).toBeDefined();
    expect(element).toBeInstanceOf(customElements.get(tag)!);
  });
});
