import type { XeroCallbackResult } from '@billingone/settings-core';
import type { Actor } from '../app/actor.js';
import { newId, sha256 } from '../app/ids.js';
import { fieldProblem, problem } from '../app/problem.js';
import type { Queryable } from '../db/types.js';
import { ProviderError } from '../providers/errors.js';
import { createOAuthState, createPkcePair } from '../providers/pkce.js';
import type { XeroConnection, XeroTokenSet } from '../providers/xero-types.js';
import type { IntegrationEnv } from './env.js';
import { providerNotConfigured, providerProblem } from './errors.js';
import { integrationJson, loadIntegration, sealContext, type IntegrationRow, type TenantRef } from './store.js';
import { sealTokens } from './xero-tokens.js';

/** An OAuth `state` is good for one use within 10 minutes. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** The API's own page Xero returns to (the one redirect URI to register with Xero). */
export const XERO_RETURN_PATH = '/v1/integrations/xero/oauth-return';

/**
 * What a `state` is bound to. A cookie session is the credential itself. Embed tokens are
 * short-lived and minted again by the host's backend on every page load (a redirect to Xero and
 * back is a page load), so there the state is bound to the member, in the organization it was
 * issued for; it is still single-use, short-lived and useless without the server-held PKCE verifier.
 */
export function oauthBinding(actor: Pick<Actor, 'kind' | 'credentialId' | 'memberId'>): string {
  return actor.kind === 'session' ? `session:${actor.credentialId}` : `member:${actor.memberId}`;
}

/** The API's base URL: the configured public URL, or the origin the request came to. */
export function apiBaseUrl(publicUrl: string | undefined, requestUrl: string): string {
  return (publicUrl ?? new URL(requestUrl).origin).replace(/\/+$/, '');
}

export interface AuthorizeInput {
  actor: Actor;
  returnTo?: string;
  mode?: 'redirect' | 'popup';
  /** `apiBaseUrl(...)`. */
  apiBase: string;
  /** The request's `Origin` header, if any. */
  origin: string | null;
}

/**
 * Starts Xero OAuth: a one-use `state` and a PKCE S256 pair (the verifier stays here, sealed).
 * Xero returns the browser to the API's return page, which forwards `code` and `state` to
 * `returnTo` (a page of the host: same origin as the API or one of the organization's embedding
 * origins); there the element finishes with `POST /integrations/xero/callback`. Without
 * `returnTo` (popup mode only), the return page hands the result to the window that opened it.
 */
export async function startXeroAuthorization(env: IntegrationEnv, q: Queryable, input: AuthorizeInput) {
  const mode = input.mode ?? 'redirect';
  const apiOrigin = new URL(input.apiBase).origin;
  const allowed = new Set([apiOrigin, ...input.actor.embedOrigins]);
  let returnTo: string | null = null;
  if (input.returnTo) {
    const url = new URL(input.returnTo);
    if (!allowed.has(url.origin)) {
      throw fieldProblem(
        'returnTo',
        `Xero can only return to this API's origin or one of the organization's embedding origins, not ${url.origin}.`,
        'origin_not_allowed',
      );
    }
    url.hash = '';
    returnTo = url.toString();
  } else if (mode === 'redirect') {
    throw fieldProblem('returnTo', 'Give the page Xero returns to (returnTo) when connecting by redirect.', 'required');
  }
  const xero = env.xero;
  if (!xero) throw providerNotConfigured('xero');
  const openerOrigin = returnTo ? null : input.origin && allowed.has(input.origin) ? input.origin : apiOrigin;
  const now = env.clock();
  const state = createOAuthState();
  const stateHash = sha256(state);
  const pkce = createPkcePair();
  const redirectUri = `${input.apiBase}${XERO_RETURN_PATH}`;
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
  await q.query('DELETE FROM xero_oauth_states WHERE org_id = $1 AND expires_at < $2', [input.actor.orgId, now]);
  await q.query(
    `INSERT INTO xero_oauth_states (state_hash, org_id, member_id, binding, verifier_sealed, redirect_uri, return_to, opener_origin,
       mode, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      stateHash, input.actor.orgId, input.actor.memberId, oauthBinding(input.actor),
      env.secrets.seal(pkce.codeVerifier, sealContext.pkceVerifier(stateHash)), redirectUri, returnTo, openerOrigin, mode, now, expiresAt,
    ],
  );
  return {
    authorizeUrl: xero.client.buildAuthorizeUrl({ redirectUri, state, codeChallenge: pkce.codeChallenge }),
    state,
    expiresAt: expiresAt.toISOString(),
  };
}

export interface PendingState {
  state_hash: string;
  verifier_sealed: string;
  redirect_uri: string;
  return_to: string | null;
  opener_origin: string | null;
  mode: 'redirect' | 'popup';
}

/** A state still usable (for the return page, which does not use it up). */
export async function findPendingState(q: Queryable, state: string, now: Date): Promise<PendingState | null> {
  const { rows } = await q.query<PendingState>(
    `SELECT state_hash, verifier_sealed, redirect_uri, return_to, opener_origin, mode FROM xero_oauth_states
      WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2`,
    [sha256(state), now],
  );
  return rows[0] ?? null;
}

/** A 400 with the problem code the client flows branch on, and the field it is about. */
function oauthProblem(status: number, code: string, path: string, message: string) {
  return problem(status, code, message, { fieldErrors: [{ path, message, code }] });
}

const stateInvalid = () =>
  oauthProblem(400, 'oauth_state_invalid', 'state', 'This Xero sign-in is unknown, expired, already used or was started in another session. Connect again.');

/** Uses up a state in one statement: unknown, used, expired or another session's → null. */
async function takeState(q: Queryable, state: string, actor: Actor, now: Date): Promise<PendingState | null> {
  const { rows } = await q.query<PendingState>(
    `UPDATE xero_oauth_states SET used_at = $5
      WHERE state_hash = $1 AND org_id = $2 AND binding = $3 AND used_at IS NULL AND expires_at > $4
      RETURNING state_hash, verifier_sealed, redirect_uri, return_to, opener_origin, mode`,
    [sha256(state), actor.orgId, oauthBinding(actor), now, now],
  );
  return rows[0] ?? null;
}

function uniqueTenants(connections: readonly XeroConnection[]): TenantRef[] {
  const seen = new Map<string, TenantRef>();
  for (const connection of connections) {
    if (connection.tenantType !== 'ORGANISATION' || seen.has(connection.tenantId)) continue;
    seen.set(connection.tenantId, { id: connection.tenantId, name: connection.tenantName });
  }
  return [...seen.values()];
}

export interface CallbackInput {
  actor: Actor;
  state: string;
  code?: string;
  error?: string;
}

export interface ExchangedGrant {
  tokens: XeroTokenSet;
  tenants: TenantRef[];
}

/**
 * Checks the state, then exchanges the code (form-encoded, HTTP Basic, PKCE verifier) and reads
 * the organisations the grant covers. No transaction is open meanwhile.
 */
export async function exchangeXeroCallback(env: IntegrationEnv, input: CallbackInput): Promise<ExchangedGrant> {
  const pending = await takeState(env.db, input.state, input.actor, env.clock());
  if (!pending) throw stateInvalid();
  if (input.error) {
    if (input.error === 'access_denied') throw oauthProblem(400, 'oauth_cancelled', 'error', 'Connecting Xero was cancelled.');
    throw oauthProblem(400, 'oauth_failed', 'error', `Xero did not authorise the connection (${input.error.slice(0, 100)}). Try again.`);
  }
  if (!input.code) throw fieldProblem('code', 'The authorisation code from Xero is missing.', 'required');
  const xero = env.xero;
  if (!xero) throw providerNotConfigured('xero');
  const verifier = env.secrets.open(pending.verifier_sealed, sealContext.pkceVerifier(pending.state_hash));
  let tokens: XeroTokenSet;
  try {
    tokens = await xero.client.exchangeCode({ code: input.code, redirectUri: pending.redirect_uri, codeVerifier: verifier });
  } catch (error) {
    if (error instanceof ProviderError && (error.reason === 'needs_reauth' || error.reason === 'invalid_request')) {
      throw oauthProblem(400, 'oauth_exchange_failed', 'code', 'Xero refused the authorisation (it expired or was already used). Connect again.');
    }
    throw error instanceof ProviderError ? providerProblem(error) : error;
  }
  let connections: XeroConnection[];
  try {
    connections = await xero.client.connections(tokens.accessToken, { authEventId: tokens.authEventId });
  } catch (error) {
    throw error instanceof ProviderError ? providerProblem(error) : error;
  }
  const tenants = uniqueTenants(connections);
  if (tenants.length === 0) {
    if (tokens.refreshToken) await xero.client.revoke(tokens.refreshToken).catch(() => undefined);
    throw oauthProblem(422, 'no_tenants', '', 'The Xero connection gives access to no organisation. Connect again and choose one.');
  }
  if (!tokens.refreshToken) {
    throw problem(502, 'provider_error', 'Xero did not grant offline access, so the connection could not be kept. Connect again.');
  }
  return { tokens, tenants };
}

/** Stores a new grant: connected with its only organisation, or waiting for the member to choose one. */
export async function storeXeroGrant(env: IntegrationEnv, tx: Queryable, orgId: string, grant: ExchangedGrant) {
  const now = env.clock();
  const sealed = sealTokens(env, orgId, grant.tokens);
  const only = grant.tenants.length === 1 ? grant.tenants[0]! : null;
  const before = await loadIntegration(tx, orgId, 'xero');
  await tx.query(
    `INSERT INTO integrations (id, org_id, provider, status, access_token_sealed, refresh_token_sealed, access_expires_at, tenant_id,
       tenant_name, tenants, connected_at, next_sync_at, created_at, updated_at)
     VALUES ($1, $2, 'xero', $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $10, $10, $10)
     ON CONFLICT (org_id, provider) DO UPDATE SET status = EXCLUDED.status, access_token_sealed = EXCLUDED.access_token_sealed,
       refresh_token_sealed = EXCLUDED.refresh_token_sealed, access_expires_at = EXCLUDED.access_expires_at,
       token_version = integrations.token_version + 1, refresh_claim = NULL, refresh_claimed_at = NULL,
       tenant_id = EXCLUDED.tenant_id, tenant_name = EXCLUDED.tenant_name, tenants = EXCLUDED.tenants,
       error_code = NULL, error_message = NULL, connected_at = EXCLUDED.connected_at, next_sync_at = EXCLUDED.next_sync_at,
       last_success_started_at = CASE WHEN integrations.tenant_id IS NOT DISTINCT FROM EXCLUDED.tenant_id
         THEN integrations.last_success_started_at ELSE NULL END,
       updated_at = EXCLUDED.updated_at`,
    [
      newId('int'), orgId, only ? 'connected' : 'choose_tenant', sealed.access, sealed.refresh, sealed.expiresAt,
      only?.id ?? null, only?.name ?? null, JSON.stringify(grant.tenants), now,
    ],
  );
  const after = (await loadIntegration(tx, orgId, 'xero'))!;
  return { before, after };
}

/** The answer to the callback. */
export function callbackResult(row: IntegrationRow): XeroCallbackResult {
  if (row.status === 'choose_tenant') return { status: 'choose_tenant', tenants: row.tenants };
  return { status: 'connected', integration: integrationJson('xero', row) };
}

/** Chooses the organisation of a grant that covers several (or switches to another one of them). */
export async function chooseXeroTenant(env: IntegrationEnv, tx: Queryable, orgId: string, tenantId: string) {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM integrations WHERE org_id = $1 AND provider = 'xero' FOR UPDATE`, [orgId]);
  const before = rows[0] ? await loadIntegration(tx, orgId, 'xero') : null;
  if (!before || !before.refresh_token_sealed) throw problem(409, 'xero_not_connected', 'Connect Xero first.');
  if (before.status === 'syncing') throw problem(409, 'sync_in_progress', 'A sync is running. Choose the organisation when it has finished.');
  const tenant = before.tenants.find((t) => t.id === tenantId);
  if (!tenant) throw fieldProblem('tenantId', 'This organisation is not part of the Xero connection. Choose one of the list.', 'unknown_tenant');
  const now = env.clock();
  const changed = before.tenant_id !== tenant.id;
  const status = before.status === 'needs_reauth' ? 'needs_reauth' : 'connected';
  await tx.query(
    `UPDATE integrations SET status = $2, tenant_id = $3, tenant_name = $4, error_code = CASE WHEN $2 = 'connected' THEN NULL ELSE error_code END,
       error_message = CASE WHEN $2 = 'connected' THEN NULL ELSE error_message END,
       connected_at = CASE WHEN $5 THEN $6 ELSE connected_at END, next_sync_at = CASE WHEN $5 THEN $6 ELSE next_sync_at END,
       last_success_started_at = CASE WHEN $5 THEN NULL ELSE last_success_started_at END,
       counts = CASE WHEN $5 THEN '{}'::jsonb ELSE counts END, updated_at = $6
     WHERE id = $1`,
    [before.id, status, tenant.id, tenant.name, changed || before.status === 'choose_tenant', now],
  );
  if (changed) await tx.query('DELETE FROM xero_invoices WHERE org_id = $1 AND tenant_id <> $2', [orgId, tenant.id]);
  const after = (await loadIntegration(tx, orgId, 'xero'))!;
  return { before, after, integration: integrationJson('xero', after) };
}
