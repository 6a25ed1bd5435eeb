import type { BrowserCommand } from 'vitest/node';
import { testServer } from './server-handle.js';

export interface XeroConsentOptions {
  /** Organisations to tick on the consent page: the first one (default) or all of them. */
  readonly tenants?: 'first' | 'all';
  /** The button the user presses (default: Allow access). */
  readonly decision?: 'allow' | 'cancel';
  /**
   * Follow the API's return page to the host page it redirects to (default). Pass `false` in popup
   * mode, where the return page is the end: the command then resolves with the return page's URL.
   */
  readonly followReturn?: boolean;
}

const fail = (step: string, status: number, text: string): never => {
  throw new Error(`Xero consent: ${step} answered HTTP ${status}: ${text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300)}`);
};

/**
 * Plays the user on the Xero simulator's consent page (which has no CORS, like the real one, so the
 * page under test cannot drive it itself): opens `authorizeUrl`, ticks the organisations, presses
 * Allow (or Cancel), then follows the API's return page. Resolves with the host page URL the browser
 * would land on, carrying `code` and `state` (or `error`); with `followReturn: false`, with the URL of
 * the API's return page.
 */
export const xeroConsent: BrowserCommand<[authorizeUrl: string, options?: XeroConsentOptions]> = async (_context, authorizeUrl, options = {}) => {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const text = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(text)?.[1];
  if (page.status !== 200 || !requestId) fail('the consent page', page.status, text);
  const tenantIds = [...text.matchAll(/name="tenant" value="([^"]+)"/g)].map((match) => match[1]!);
  const form = new URLSearchParams({ request_id: requestId!, decision: options.decision ?? 'allow' });
  for (const id of options.tenants === 'all' ? tenantIds : tenantIds.slice(0, 1)) form.append('tenant', id);
  const answer = await fetch(new URL('/identity/connect/authorize', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const returnPage = answer.headers.get('location');
  if (answer.status !== 302 || !returnPage) fail('the consent form', answer.status, await answer.text());
  if (options.followReturn === false) return returnPage!;
  // The return page is the API's (at the page's origin through the proxy): ask the API directly.
  const returnUrl = new URL(returnPage!);
  const direct = new URL(returnUrl.pathname + returnUrl.search, testServer().apiUrl);
  const back = await fetch(direct, { redirect: 'manual' });
  const landing = back.headers.get('location');
  if (back.status !== 303 || !landing) fail('the API return page', back.status, await back.text());
  return landing!;
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Plays the user on the Xero simulator's consent page; resolves with the host page URL Xero returns to. */
    xeroConsent(authorizeUrl: string, options?: XeroConsentOptions): Promise<string>;
  }
}
