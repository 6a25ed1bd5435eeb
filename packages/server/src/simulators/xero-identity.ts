import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { basicCredentials } from './common.js';
import type { XeroSimulatorEnv } from './xero-api.js';
import { consentPagePolicy, renderConsentPage, renderErrorPage } from './xero-consent-page.js';
import { XERO_USER, type XeroClientRecord, type XeroState } from './xero-state.js';

/** Scopes Xero knows; anything else is `invalid_scope`. */
const USER_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const ORGANISATION_SCOPES = new Set([
  'accounting.transactions',
  'accounting.transactions.read',
  'accounting.invoices',
  'accounting.invoices.read',
  'accounting.payments',
  'accounting.payments.read',
  'accounting.contacts',
  'accounting.contacts.read',
  'accounting.settings',
  'accounting.settings.read',
  'accounting.reports.read',
  'accounting.attachments',
  'accounting.attachments.read',
]);

const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * login.xero.com and identity.xero.com: the consent screen, the token endpoint (authorization
 * code with PKCE, rotating refresh tokens) and token revocation.
 */
export function registerIdentityRoutes(app: Hono<XeroSimulatorEnv>, state: XeroState): void {
  app.get('/identity/connect/authorize', (c) => {
    const query = new URL(c.req.url).searchParams;
    const client = state.clients.get(query.get('client_id') ?? '');
    if (!client) {
      return c.html(renderErrorPage('unauthorized_client', 'This app is not registered with Xero (unknown client_id).'), 400);
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!redirectAllowed(client, redirectUri)) {
      return c.html(renderErrorPage('Invalid redirect_uri', 'The redirect URI does not match the app’s registered redirect URIs.'), 400);
    }
    const appState = query.get('state') ?? undefined;
    const back = (error: string, description: string) =>
      c.redirect(withParams(redirectUri, { error, error_description: description, state: appState }), 302);

    if (query.get('response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code');
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = scopes.filter((s) => !USER_SCOPES.has(s) && !ORGANISATION_SCOPES.has(s));
    if (scopes.length === 0 || unknown.length > 0) {
      return back('invalid_scope', unknown.length ? `Unknown scope: ${unknown.join(' ')}` : 'scope is required');
    }
    const challenge = query.get('code_challenge');
    const method = query.get('code_challenge_method');
    if (challenge !== null && method !== 'S256') return back('invalid_request', 'code_challenge_method must be S256');
    if (challenge !== null && !PKCE_CHALLENGE.test(challenge)) {
      return back('invalid_request', 'code_challenge must be a base64url SHA-256 digest (43 characters)');
    }
    if (challenge === null && method !== null) return back('invalid_request', 'code_challenge is missing');

    const requestId = state.beginConsent({
      clientId: query.get('client_id') ?? '',
      redirectUri,
      scopes,
      state: appState,
      codeChallenge: challenge ?? undefined,
    });
    return consentPage(c, state, client, redirectUri, requestId, scopes, undefined, 200);
  });

  app.post('/identity/connect/authorize', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const requestId = form.get('request_id') ?? '';
    const consent = state.takeConsent(requestId);
    if (!consent) {
      return c.html(
        renderErrorPage('This request has expired', 'The sign-in request has expired or was already answered. Go back to the app and start again.'),
        400,
      );
    }
    const decision = form.get('decision');
    if (decision === 'cancel') {
      state.finishConsent(requestId);
      return c.redirect(withParams(consent.redirectUri, { error: 'access_denied', state: consent.state }), 302);
    }
    if (decision !== 'allow') {
      return c.html(renderErrorPage('Unexpected answer', 'Choose "Allow access" or "Cancel".'), 400);
    }
    const wantsOrganisations = consent.scopes.some((s) => ORGANISATION_SCOPES.has(s));
    const chosen = form.getAll('tenant');
    if (chosen.some((id) => !state.userTenantIds.includes(id))) {
      return c.html(renderErrorPage('Unknown organisation', 'You do not have access to that organisation.'), 400);
    }
    if (wantsOrganisations && chosen.length === 0) {
      const client = state.clients.get(consent.clientId) as XeroClientRecord;
      return consentPage(
        c,
        state,
        client,
        consent.redirectUri,
        requestId,
        consent.scopes,
        'Select at least one organisation to connect.',
        400,
      );
    }
    state.finishConsent(requestId);
    const code = state.issueCode(consent, wantsOrganisations ? chosen : []);
    return c.redirect(
      withParams(consent.redirectUri, {
        code,
        scope: consent.scopes.join(' '),
        state: consent.state,
        session_state: createHash('sha256').update(code).digest('base64url').slice(0, 43),
      }),
      302,
    );
  });

  app.post('/connect/token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await readForm(c);
    if (!form) return c.json({ error: 'invalid_request' }, 400);
    const clientId = authenticateClient(c, form, state);
    if (!clientId) return c.json({ error: 'invalid_client' }, 400);

    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      if (!code) return c.json({ error: 'invalid_request' }, 400);
      const record = state.findCode(code);
      if (!record || record.used || record.clientId !== clientId) return c.json({ error: 'invalid_grant' }, 400);
      // One presentation per code: a failed attempt burns it too, so a verifier cannot be guessed.
      record.used = true;
      if (state.codeExpired(record) || record.redirectUri !== form.get('redirect_uri')) {
        return c.json({ error: 'invalid_grant' }, 400);
      }
      const verifier = form.get('code_verifier');
      if (record.codeChallenge !== undefined) {
        if (!verifier || !PKCE_VERIFIER.test(verifier) || s256(verifier) !== record.codeChallenge) {
          return c.json({ error: 'invalid_grant' }, 400);
        }
      } else if (verifier !== null) {
        return c.json({ error: 'invalid_grant' }, 400);
      }
      return c.json(state.redeemCode(record));
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return c.json({ error: 'invalid_request' }, 400);
      const result = state.refresh(refreshToken, clientId);
      return 'error' in result ? c.json({ error: result.error }, 400) : c.json(result);
    }
    return c.json({ error: 'unsupported_grant_type' }, 400);
  });

  app.post('/connect/revocation', async (c) => {
    const form = await readForm(c);
    if (!form) return c.json({ error: 'invalid_request' }, 400);
    const clientId = authenticateClient(c, form, state);
    if (!clientId) return c.json({ error: 'invalid_client' }, 400);
    const token = form.get('token');
    if (!token) return c.json({ error: 'invalid_request' }, 400);
    // RFC 7009: an unknown token is not an error; the answer is the same either way.
    state.revoke(token, clientId);
    return c.body(null, 200);
  });
}

function consentPage(
  c: Context,
  state: XeroState,
  client: XeroClientRecord,
  redirectUri: string,
  requestId: string,
  scopes: string[],
  error: string | undefined,
  status: 200 | 400,
) {
  const wantsOrganisations = scopes.some((s) => ORGANISATION_SCOPES.has(s));
  const organisations = wantsOrganisations
    ? state.tenants
        .filter((t) => state.userTenantIds.includes(t.tenantId))
        .map((t, index) => ({ tenantId: t.tenantId, tenantName: t.tenantName, checked: index === 0 }))
    : [];
  c.header('Content-Security-Policy', consentPagePolicy(new URL(redirectUri).origin));
  c.header('X-Frame-Options', 'DENY');
  c.header('Cache-Control', 'no-store');
  return c.html(
    renderConsentPage({ requestId, appName: client.name, userEmail: XERO_USER.email, scopes, organisations, error }),
    status,
  );
}

/**
 * A registered client must use one of its exact redirect URIs. The demo client has none
 * registered and accepts any http(s) URL on a loopback host, since its port changes per run.
 */
function redirectAllowed(client: XeroClientRecord, redirectUri: string): boolean {
  if (client.redirectUris) return client.redirectUris.includes(redirectUri);
  try {
    const url = new URL(redirectUri);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

async function readForm(c: Context): Promise<URLSearchParams | undefined> {
  if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(await c.req.text());
}

/** HTTP Basic (`client_secret_basic`) or form fields (`client_secret_post`); the client ID if valid. */
function authenticateClient(c: Context, form: URLSearchParams, state: XeroState): string | undefined {
  const basic = basicCredentials(c.req.header('authorization'));
  const id = basic?.id ?? form.get('client_id');
  const secret = basic?.secret ?? form.get('client_secret');
  if (!id || !secret || state.mode.badCredentials) return undefined;
  return state.clients.get(id)?.secret === secret ? id : undefined;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
