import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { ResolvedDeps } from '../app/deps.js';
import type { AppEnv } from '../app/env.js';
import { findPendingState } from './xero-oauth.js';

const RESULT_PARAMS = ['code', 'state', 'error', 'error_description'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string, script?: { nonce: string; source: string }): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main>${
    script ? `<script nonce="${script.nonce}">${script.source}</script>` : ''
  }</body>
</html>`;
}

function htmlResponse(status: number, html: string, nonce?: string): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'none'; ${nonce ? `script-src 'nonce-${nonce}'; ` : ''}frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    },
  });
}

/**
 * `GET /v1/integrations/xero/oauth-return`: the redirect URI registered with Xero. It checks that
 * the `state` is one this API issued and still open (without using it up: the element's
 * `POST /integrations/xero/callback` does that), then
 * - sends the browser on to the host page (`returnTo`) with `code`, `state` (or `error`) in the
 *   query, where the element finishes the connection, or
 * - in popup mode without `returnTo`, posts them to the window that opened the popup (only to the
 *   origin recorded when the flow started) and closes.
 * An unknown or expired state gets an error page and no redirect, so this is not an open redirect.
 */
export function registerXeroReturnPage(app: Hono<AppEnv>, deps: ResolvedDeps): void {
  app.get('/integrations/xero/oauth-return', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? '';
    const pending = state ? await findPendingState(deps.db, state, deps.clock()) : null;
    if (!pending) {
      return htmlResponse(
        400,
        page('This Xero sign-in has expired', 'Go back to the settings page and connect Xero again.'),
      );
    }
    const result: Record<string, string> = {};
    for (const name of RESULT_PARAMS) {
      const value = query.get(name);
      if (value !== null) result[name] = value.slice(0, 2048);
    }
    if (pending.return_to) {
      const target = new URL(pending.return_to);
      for (const name of RESULT_PARAMS) target.searchParams.delete(name);
      for (const [name, value] of Object.entries(result)) target.searchParams.set(name, value);
      return new Response(null, {
        status: 303,
        headers: { location: target.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
      });
    }
    const nonce = randomBytes(16).toString('base64');
    const message = JSON.stringify({ type: 'billingone:xero-oauth', ...result }).replace(/</g, '\\u003c');
    const origin = JSON.stringify(pending.opener_origin ?? new URL(c.req.url).origin).replace(/</g, '\\u003c');
    const source = `(function(){var o=window.opener;if(o&&!o.closed){o.postMessage(${message},${origin});window.close();}})();`;
    return htmlResponse(
      200,
      page('Finishing the Xero connection', 'You can close this window and return to the settings page.', { nonce, source }),
      nonce,
    );
  });
}
