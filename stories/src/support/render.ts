import type { Role } from '@billingone/settings-core';
import type { MockApi } from '../mock-api/index.js';

/** The toolbar's globals, as every story reads them. */
export interface StoryGlobals {
  theme?: 'light' | 'dark';
  locale?: 'en' | 'fr' | 'ar';
  role?: Role;
}

/** What a story's render and play functions get from Storybook (only the parts used here). */
export interface SectionStoryContext {
  globals: StoryGlobals & Record<string, unknown>;
  loaded: Record<string, unknown>;
}

/** The mock Settings API the preview's loader made for this story. */
export function apiOf(context: { loaded: Record<string, unknown> }): MockApi {
  const api = context.loaded.api as MockApi | undefined;
  if (!api) throw new Error('This story has no mock API: the preview loader did not run.');
  return api;
}

/**
 * Sets story args on an element: CSS custom properties (`--billingone-*`) through the CSSOM, so a strict
 * CSP is never involved; dashed names as attributes; anything else as a property. Unset args, event
 * handlers and documentation-only entries (parts, slots) are left alone.
 */
export function applyArgs(element: HTMLElement, args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null || typeof value === 'function') continue;
    if (name.startsWith('--')) element.style.setProperty(name, String(value));
    else if (name.includes('-')) element.setAttribute(name, String(value));
    else if (/^[a-z][A-Za-z]*$/.test(name) && name in element) (element as unknown as Record<string, unknown>)[name] = value;
  }
}

/**
 * A section element (or the shell or provider) for a story: theme and locale from the toolbar (or the
 * story's own globals), the story's args, and the mock API's client.
 */
export function sectionElement<T extends HTMLElement = HTMLElement>(tag: string, args: Record<string, unknown>, context: SectionStoryContext): T {
  const element = document.createElement(tag) as T;
  element.setAttribute('theme', context.globals.theme ?? 'light');
  element.setAttribute('locale', context.globals.locale ?? 'en');
  applyArgs(element, args);
  (element as unknown as { client: unknown }).client = apiOf(context).client;
  return element;
}
