import type { Pax8TestResult } from '@billingone/settings-core';
import { newId } from '../app/ids.js';
import { fieldProblem, problem, type ProblemError } from '../app/problem.js';
import type { Queryable } from '../db/types.js';
import type { Pax8Credentials } from '../providers/pax8-client.js';
import type { IntegrationEnv } from './env.js';
import { providerNotConfigured } from './errors.js';
import { loadIntegration, sealContext, type IntegrationRow } from './store.js';

/** Test Connection and Save share one limit per organization (each one calls Pax8). */
export const PAX8_TEST_LIMIT = { limit: 10, windowSeconds: 60 } as const;

export interface ResolvedPax8Credentials {
  credentials: Pax8Credentials;
  /** The stored configuration, if any. */
  stored: IntegrationRow | null;
  /** Whether a new secret was sent (false: the stored one is used). */
  newSecret: boolean;
}

/**
 * The credentials to test or save: the secret sent, or the stored one when it is omitted. The
 * stored secret only goes with the client ID it was saved with.
 */
export async function resolvePax8Credentials(
  env: IntegrationEnv,
  orgId: string,
  body: { clientId: string; clientSecret?: string | undefined },
): Promise<ResolvedPax8Credentials> {
  const stored = await loadIntegration(env.db, orgId, 'pax8');
  if (body.clientSecret) {
    return { credentials: { clientId: body.clientId, clientSecret: body.clientSecret }, stored, newSecret: true };
  }
  if (!stored?.secret_sealed) throw fieldProblem('clientSecret', 'Enter the client secret.', 'required');
  if (stored.client_id !== body.clientId) {
    throw fieldProblem('clientSecret', 'Enter the client secret that goes with this client ID.', 'required');
  }
  const clientSecret = env.secrets.open(stored.secret_sealed, sealContext.pax8Secret(orgId));
  return { credentials: { clientId: body.clientId, clientSecret }, stored, newSecret: false };
}

/** Get a token, then read one company. Never throws for a provider failure. */
export async function testPax8(env: IntegrationEnv, credentials: Pax8Credentials): Promise<Pax8TestResult> {
  if (!env.pax8) throw providerNotConfigured('pax8');
  const result = await env.pax8.testConnection(credentials);
  if (result.ok) return { ok: true, companyCount: result.companyCount };
  return {
    ok: false,
    reason: result.reason,
    message: result.detail,
    ...(result.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: result.retryAfterSeconds }),
  };
}

/**
 * A failed test as the answer to Save: 422 with the reason as the problem code, and a field error
 * where the member can fix it (the secret for refused credentials, the client ID for an API client
 * without access to companies, the form itself when Pax8 is busy or down).
 */
export function pax8SaveProblem(result: Extract<Pax8TestResult, { ok: false }>): ProblemError {
  // Pax8 does not say which of the two it refused; the secret is the one people get wrong. Busy or
  // unavailable is about the whole form (path '').
  const field = result.reason === 'invalid_credentials' ? 'clientSecret' : result.reason === 'insufficient_access' ? 'clientId' : '';
  const retry = result.retryAfterSeconds;
  return problem(422, result.reason, result.message, {
    fieldErrors: [{ path: field, message: result.message, code: result.reason }],
    ...(retry === undefined ? {} : { headers: { 'retry-after': String(retry) } }),
    extra: { reason: result.reason, ...(retry === undefined ? {} : { retryAfterSeconds: retry }) },
  });
}

/**
 * Stores tested credentials: the secret sealed (only its last 4 characters in clear), the status
 * `connected` (a sync already running keeps `syncing`), and the first sync due at once.
 */
export async function storePax8Credentials(env: IntegrationEnv, tx: Queryable, orgId: string, credentials: Pax8Credentials): Promise<void> {
  const now = env.clock();
  const sealed = env.secrets.seal(credentials.clientSecret, sealContext.pax8Secret(orgId));
  await tx.query(
    `INSERT INTO integrations (id, org_id, provider, status, client_id, secret_sealed, secret_last4, connected_at, next_sync_at, created_at, updated_at)
     VALUES ($1, $2, 'pax8', 'connected', $3, $4, $5, $6, $6, $6, $6)
     ON CONFLICT (org_id, provider) DO UPDATE SET
       status = CASE WHEN integrations.status = 'syncing' THEN 'syncing' ELSE 'connected' END,
       client_id = EXCLUDED.client_id, secret_sealed = EXCLUDED.secret_sealed, secret_last4 = EXCLUDED.secret_last4,
       error_code = NULL, error_message = NULL,
       connected_at = CASE WHEN integrations.client_id = EXCLUDED.client_id THEN integrations.connected_at ELSE EXCLUDED.connected_at END,
       next_sync_at = EXCLUDED.next_sync_at, updated_at = EXCLUDED.updated_at`,
    [newId('int'), orgId, credentials.clientId, sealed, credentials.clientSecret.slice(-4), now],
  );
}
