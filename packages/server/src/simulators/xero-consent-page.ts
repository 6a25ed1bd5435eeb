import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';

/**
 * The simulated Xero consent screen: plain HTML and one stylesheet, no script, so it works under
 * the strict Content-Security-Policy it is served with (the style is allowed by its hash).
 */

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f1f5f9;color:#0f172a}
main{max-width:32rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.35rem;margin:0 0 .5rem}
.who{color:#475569;margin:0 0 1.5rem}
ul{padding-left:1.25rem}
fieldset{border:1px solid #cbd5e1;border-radius:6px;margin:1rem 0;padding:.75rem 1rem}
label{display:block;padding:.25rem 0}
.error{color:#b91c1c;font-weight:600}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #0f172a;cursor:pointer}
button[value=allow]{background:#13b5ea;border-color:#13b5ea;color:#fff}
button[value=cancel]{background:#fff}
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * The Content-Security-Policy for the consent page. The form posts to the page itself, which then
 * redirects to the app: browsers apply `form-action` to that redirect too, so the app's origin is
 * listed as well.
 */
export function consentPagePolicy(redirectOrigin: string): string {
  return `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self' ${redirectOrigin}; frame-ancestors 'none'; base-uri 'none'`;
}

const SCOPE_TEXT: Record<string, string> = {
  openid: 'Know who you are in Xero',
  profile: 'View your name and Xero user ID',
  email: 'View your email address',
  offline_access: 'Keep this access when you are not using the app',
  'accounting.transactions': 'View and manage your business transactions',
  'accounting.transactions.read': 'View your business transactions',
  'accounting.invoices': 'View and manage your invoices, credit notes and quotes',
  'accounting.invoices.read': 'View your invoices, credit notes and quotes',
  'accounting.contacts': 'View and manage your contacts',
  'accounting.contacts.read': 'View your contacts',
  'accounting.settings': 'View and manage your organisation settings',
  'accounting.settings.read': 'View your organisation settings',
};

export interface ConsentPageInput {
  requestId: string;
  appName: string;
  userEmail: string;
  scopes: string[];
  /** Organisations to choose from; empty when the app asks for no organisation access. */
  organisations: { tenantId: string; tenantName: string; checked: boolean }[];
  error?: string;
}

export function renderConsentPage(input: ConsentPageInput) {
  const several = input.organisations.length > 1;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xero | Allow access to ${input.appName}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<h1>${input.appName} wants access to your Xero account</h1>
<p class="who">Signed in as ${input.userEmail}</p>
<form method="post" action="/identity/connect/authorize">
<input type="hidden" name="request_id" value="${input.requestId}">
<h2>This app will be able to</h2>
<ul>${input.scopes.map((scope) => html`<li>${SCOPE_TEXT[scope] ?? scope}</li>`)}</ul>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
${several
  ? html`<fieldset><legend>Organisations to connect</legend>${input.organisations.map(
      (org) =>
        html`<label><input type="checkbox" name="tenant" value="${org.tenantId}"${org.checked ? html` checked` : ''}> ${org.tenantName}</label>`,
    )}</fieldset>`
  : input.organisations.map(
      (org) =>
        html`<p>Organisation: <strong>${org.tenantName}</strong></p><input type="hidden" name="tenant" value="${org.tenantId}">`,
    )}
<div class="actions">
<button type="submit" name="decision" value="allow">Allow access</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</div>
</form>
</main>
</body>
</html>`;
}

/** A dead end: the request cannot go back to the app (unknown client or redirect URI). */
export function renderErrorPage(title: string, detail: string) {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Xero | ${title}</title><style>${raw(STYLE)}</style></head>
<body><main><h1>${title}</h1><p class="error" role="alert">${detail}</p></main></body>
</html>`;
}
