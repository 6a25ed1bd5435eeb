import type { Integration, Provider } from '@billingone/settings-core';
import { isoOrNull } from '../app/json.js';
import type { Queryable } from '../db/types.js';

/** Scheduled syncs run this long after the previous run finished. */
export const SYNC_INTERVAL_MS = 6 * 3600_000;
/** A sync still marked running after this long is taken as dead (its process stopped). */
export const SYNC_STALE_MS = 30 * 60_000;

/** `status` as stored; `choose_tenant` shows as `not_configured` until an organisation is chosen. */
export type StoredStatus = 'connected' | 'syncing' | 'error' | 'needs_reauth' | 'choose_tenant';

export interface TenantRef {
  id: string;
  name: string;
}

/** A row of `integrations`. */
export interface IntegrationRow {
  id: string;
  org_id: string;
  provider: Provider;
  status: StoredStatus;
  client_id: string | null;
  secret_sealed: string | null;
  secret_last4: string | null;
  access_token_sealed: string | null;
  refresh_token_sealed: string | null;
  access_expires_at: Date | null;
  token_version: number;
  refresh_claim: string | null;
  refresh_claimed_at: Date | null;
  tenant_id: string | null;
  tenant_name: string | null;
  tenants: TenantRef[];
  counts: Record<string, number>;
  error_code: string | null;
  error_message: string | null;
  connected_at: Date | null;
  sync_started_at: Date | null;
  last_sync_at: Date | null;
  last_success_started_at: Date | null;
  next_sync_at: Date | null;
}

export const providerLabel: Record<Provider, string> = { pax8: 'Pax8', xero: 'Xero' };

/** The audit target of an integration. */
export function integrationTarget(provider: Provider) {
  return { type: 'integration', id: provider, label: providerLabel[provider] };
}

/**
 * SecretBox contexts: a sealed value opens only for the organization (and purpose) it was sealed
 * for, so a row copied to another organization does not decrypt.
 */
export const sealContext = {
  pax8Secret: (orgId: string) => `integration:pax8:${orgId}:client_secret`,
  xeroAccessToken: (orgId: string) => `integration:xero:${orgId}:access_token`,
  xeroRefreshToken: (orgId: string) => `integration:xero:${orgId}:refresh_token`,
  pkceVerifier: (stateHash: string) => `integration:xero:pkce:${stateHash}`,
};

const columns = `id, org_id, provider, status, client_id, secret_sealed, secret_last4, access_token_sealed,
  refresh_token_sealed, access_expires_at, token_version, refresh_claim, refresh_claimed_at, tenant_id, tenant_name,
  tenants, counts, error_code, error_message, connected_at, sync_started_at, last_sync_at, last_success_started_at,
  next_sync_at`;

function normalise(row: IntegrationRow): IntegrationRow {
  return { ...row, token_version: Number(row.token_version), tenants: row.tenants ?? [], counts: row.counts ?? {} };
}

export async function loadIntegration(q: Queryable, orgId: string, provider: Provider): Promise<IntegrationRow | null> {
  const { rows } = await q.query<IntegrationRow>(`SELECT ${columns} FROM integrations WHERE org_id = $1 AND provider = $2`, [orgId, provider]);
  return rows[0] ? normalise(rows[0]) : null;
}

/** Both providers' rows of an organization (a provider without a row is not configured). */
export async function loadIntegrations(q: Queryable, orgId: string): Promise<Map<Provider, IntegrationRow>> {
  const { rows } = await q.query<IntegrationRow>(`SELECT ${columns} FROM integrations WHERE org_id = $1`, [orgId]);
  return new Map(rows.map((row) => [row.provider, normalise(row)]));
}

export async function loadIntegrationById(q: Queryable, id: string): Promise<IntegrationRow | null> {
  const { rows } = await q.query<IntegrationRow>(`SELECT ${columns} FROM integrations WHERE id = $1`, [id]);
  return rows[0] ? normalise(rows[0]) : null;
}

export function defaultCounts(provider: Provider): Record<string, number> {
  return provider === 'pax8' ? { companies: 0, products: 0, subscriptions: 0 } : { invoices: 0 };
}

/** Counts of the synced records of an organization. */
export async function countRecords(q: Queryable, orgId: string, provider: Provider): Promise<Record<string, number>> {
  if (provider === 'xero') {
    const { rows } = await q.query<{ invoices: number }>('SELECT count(*)::int AS invoices FROM xero_invoices WHERE org_id = $1', [orgId]);
    return { invoices: Number(rows[0]?.invoices ?? 0) };
  }
  const { rows } = await q.query<{ companies: number; products: number; subscriptions: number }>(
    `SELECT (SELECT count(*)::int FROM pax8_companies WHERE org_id = $1) AS companies,
            (SELECT count(*)::int FROM pax8_products WHERE org_id = $1) AS products,
            (SELECT count(*)::int FROM pax8_subscriptions WHERE org_id = $1) AS subscriptions`,
    [orgId],
  );
  const row = rows[0];
  return { companies: Number(row?.companies ?? 0), products: Number(row?.products ?? 0), subscriptions: Number(row?.subscriptions ?? 0) };
}

/** The card of a provider as `GET /integrations` answers it. Secrets and tokens never appear here. */
export function integrationJson(provider: Provider, row: IntegrationRow | null): Integration {
  if (!row || row.status === 'choose_tenant') {
    return {
      provider,
      status: 'not_configured',
      accountLabel: null,
      secretLast4: null,
      tenant: null,
      lastSyncAt: null,
      nextSyncAt: null,
      counts: defaultCounts(provider),
      error: row ? { code: 'tenant_required', message: 'Choose the Xero organisation to sync.' } : null,
      connectedAt: null,
    };
  }
  const tenant = row.tenant_id ? { id: row.tenant_id, name: row.tenant_name ?? '' } : null;
  return {
    provider,
    status: row.status,
    accountLabel: provider === 'pax8' ? row.client_id : (tenant?.name ?? null),
    secretLast4: provider === 'pax8' ? row.secret_last4 : null,
    tenant: provider === 'xero' ? tenant : null,
    lastSyncAt: isoOrNull(row.last_sync_at),
    nextSyncAt: row.status === 'needs_reauth' ? null : isoOrNull(row.next_sync_at),
    counts: { ...defaultCounts(provider), ...row.counts },
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    connectedAt: isoOrNull(row.connected_at),
  };
}
