import type { StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import type { MockApiOptions } from '../mock-api/index.js';
import { until, visibleText } from './play.js';
import { apiOf, type StoryGlobals } from './render.js';

type Story = StoryObj;

/** Answers once the element shows its data (a check on what the fixtures hold, so it passes in any locale). */
export type ReadyCheck = (host: HTMLElement, context: { loaded: Record<string, unknown> }) => unknown;

/** The story's element: the first `billingone-*` element of the canvas. */
export function hostOf(canvasElement: HTMLElement): Promise<HTMLElement> {
  return until(() => [...canvasElement.querySelectorAll<HTMLElement>('*')].find((element) => element.localName.startsWith('billingone-')));
}

/** A status view (`loading`, `empty`, `error`, `forbidden`) in the element's shadow root, or in a section the shell shows. */
export function statusView(host: HTMLElement, status: string): HTMLElement | null {
  const own = host.shadowRoot?.querySelector<HTMLElement>(`[data-status="${status}"]`);
  if (own) return own;
  for (const inner of host.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? []) {
    const found = inner.shadowRoot?.querySelector<HTMLElement>(`[data-status="${status}"]`);
    if (found) return found;
  }
  return null;
}

/** The element as it first shows, with the fixtures given (and the toolbar's role unless `globals` pins one). */
export function populated(ready: ReadyCheck, mockApi?: MockApiOptions, globals?: StoryGlobals): Story {
  return {
    ...(mockApi ? { parameters: { mockApi } } : {}),
    ...(globals ? { globals } : {}),
    play: async ({ canvasElement, loaded }) => {
      const host = await hostOf(canvasElement);
      await until(() => ready(host, { loaded }));
    },
  };
}

/** The endpoints never answer: the loading state stays, announced as a status. */
export function loading(endpointIds: readonly string[]): Story {
  return {
    parameters: { mockApi: { hang: endpointIds } },
    play: async ({ canvasElement }) => {
      const host = await hostOf(canvasElement);
      const view = await until(() => statusView(host, 'loading'));
      await expect(view.getAttribute('role')).toBe('status');
    },
  };
}

/** The endpoint answers a 500 problem once: the error is shown with a retry, and retrying shows the data. */
export function failing(endpointId: string, ready: ReadyCheck, mockApi: MockApiOptions = {}): Story {
  return {
    parameters: { mockApi: { ...mockApi, fail: { [endpointId]: { status: 500, times: 1 } } } },
    play: async ({ canvasElement, loaded, step }) => {
      const host = await hostOf(canvasElement);
      const view = await until(() => statusView(host, 'error'));
      await expect(view.getAttribute('role')).toBe('alert');
      await step('Retry after the 500', async () => {
        const retry = await until(() => view.querySelector('button'));
        await userEvent.click(retry);
        await until(() => ready(host, { loaded }));
      });
      await expect(apiOf({ loaded }).calls.filter((call) => call.endpointId === endpointId).map((call) => call.status).slice(0, 2)).toEqual([500, 200]);
    },
  };
}

/** A member whose role (or MFA state) does not allow the section: the forbidden state, no data. */
export function forbidden(mockApi: MockApiOptions, globals?: StoryGlobals): Story {
  return {
    parameters: { mockApi },
    ...(globals ? { globals } : {}),
    play: async ({ canvasElement }) => {
      const host = await hostOf(canvasElement);
      await until(() => statusView(host, 'forbidden'));
    },
  };
}

/** Nothing to list yet: the empty state. */
export function empty(mockApi: MockApiOptions, check: ReadyCheck = (host) => statusView(host, 'empty')): Story {
  return populated(check, mockApi);
}

/** Host-set design tokens on the element (a custom brand), applied through the CSSOM. */
export const customBrandArgs = {
  '--billingone-color-primary': '#7c2d92',
  '--billingone-color-primary-fg': '#ffffff',
  '--billingone-color-accent': '#b45309',
  '--billingone-color-link': '#7c2d92',
  '--billingone-color-focus-ring': '#a21caf',
  '--billingone-radius-md': '0.125rem',
  '--billingone-radius-lg': '0.25rem',
  '--billingone-font-family': "Georgia, 'Times New Roman', serif",
} as const;

/** The first element matching `selector` in a shadow tree, looking into nested shadow roots too. */
export function deepQuery(root: Element | ShadowRoot, selector: string): HTMLElement | null {
  const scope = root instanceof Element ? root.shadowRoot : root;
  if (!scope) return null;
  const found = scope.querySelector<HTMLElement>(selector);
  if (found) return found;
  for (const element of scope.querySelectorAll('*')) {
    const inner = element.shadowRoot ? deepQuery(element.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

/**
 * The host's tokens reach the element's insides: its buttons see the custom primary colour and font,
 * and a primary button (where the element has one) is painted with it.
 */
export function brandApplied(host: HTMLElement): boolean {
  const primary = deepQuery(host, '[part~="primary-button"]:not([disabled])');
  const button = primary ?? deepQuery(host, '[part~="button"]');
  if (!button) return false;
  const style = getComputedStyle(button);
  return style.getPropertyValue('--billingone-color-primary').trim() === customBrandArgs['--billingone-color-primary']
    && style.fontFamily.startsWith('Georgia')
    && (!primary || style.backgroundColor === 'rgb(124, 45, 146)');
}

export { visibleText };
