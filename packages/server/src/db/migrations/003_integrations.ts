/**
 * Pax8 and Xero integrations.
 *
 * - integrations: one row per organization and provider once configured (no row = not configured).
 *   Secrets and tokens are sealed with the SecretBox (`*_sealed`); only the last 4 characters of
 *   the Pax8 secret are kept in clear. `status` is `connected | syncing | error | needs_reauth`, or
 *   `choose_tenant` while a Xero grant covers several organisations and none is chosen yet.
 *   Xero refresh-token rotation is a compare-and-swap on `token_version` under a short lease
 *   (`refresh_claim`, `refresh_claimed_at`), so two processes never spend the same refresh token.
 * - integration_sync_runs: sync history (manual and scheduled), newest first per provider.
 * - xero_oauth_states: one-use OAuth `state` values (by SHA-256), bound to the session (or, for
 *   embed tokens, the member), 10 minutes, with the sealed PKCE verifier and where to return.
 * - pax8_companies / pax8_products / pax8_subscriptions, xero_invoices: the synced records. Each sync
 *   stamps the rows it saw with its run id (`seen_run`); rows a complete sync did not see are deleted.
 * - pax8_company_mappings: Pax8 company → BillingOne client, kept across syncs and disconnection.
 */
export const migration = {
  version: 3,
  name: 'integrations',
  sql: /* sql */ `
CREATE TABLE integrations (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('pax8', 'xero')),
  status text NOT NULL CHECK (status IN ('connected', 'syncing', 'error', 'needs_reauth', 'choose_tenant')),
  -- Pax8: client ID, sealed client secret and its last 4 characters.
  client_id text,
  secret_sealed text,
  secret_last4 text,
  -- Xero: sealed tokens, access-token expiry, rotation version and lease, organisations.
  access_token_sealed text,
  refresh_token_sealed text,
  access_expires_at timestamptz,
  token_version integer NOT NULL DEFAULT 0,
  refresh_claim text,
  refresh_claimed_at timestamptz,
  tenant_id text,
  tenant_name text,
  tenants jsonb NOT NULL DEFAULT '[]',
  counts jsonb NOT NULL DEFAULT '{}',
  error_code text,
  error_message text,
  connected_at timestamptz,
  sync_started_at timestamptz,
  last_sync_at timestamptz,
  -- Start of the last successful sync: Xero's If-Modified-Since for the next one.
  last_success_started_at timestamptz,
  next_sync_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, provider)
);
CREATE INDEX integrations_due_idx ON integrations (next_sync_at) WHERE status IN ('connected', 'error');

CREATE TABLE integration_sync_runs (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('pax8', 'xero')),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  counts jsonb NOT NULL DEFAULT '{}',
  error_code text,
  error_message text
);
CREATE INDEX integration_sync_runs_page_idx ON integration_sync_runs (org_id, provider, started_at DESC, id DESC);

CREATE TABLE xero_oauth_states (
  state_hash text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  binding text NOT NULL,
  verifier_sealed text NOT NULL,
  redirect_uri text NOT NULL,
  return_to text,
  opener_origin text,
  mode text NOT NULL CHECK (mode IN ('redirect', 'popup')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX xero_oauth_states_org_idx ON xero_oauth_states (org_id, expires_at);

CREATE TABLE pax8_companies (
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  status text NOT NULL,
  data jsonb NOT NULL,
  seen_run text NOT NULL,
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX pax8_companies_org_name_idx ON pax8_companies (org_id, lower(name), id);

CREATE TABLE pax8_products (
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  vendor_name text NOT NULL,
  data jsonb NOT NULL,
  seen_run text NOT NULL,
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE pax8_subscriptions (
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  id text NOT NULL,
  company_id text NOT NULL,
  product_id text NOT NULL,
  quantity integer NOT NULL,
  status text NOT NULL,
  data jsonb NOT NULL,
  seen_run text NOT NULL,
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX pax8_subscriptions_company_idx ON pax8_subscriptions (org_id, company_id);

CREATE TABLE pax8_company_mappings (
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  pax8_company_id text NOT NULL,
  client_id text NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  mapped_by text REFERENCES members(id) ON DELETE SET NULL,
  mapped_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, pax8_company_id)
);
CREATE INDEX pax8_company_mappings_client_idx ON pax8_company_mappings (client_id);

CREATE TABLE xero_invoices (
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  id text NOT NULL,
  tenant_id text NOT NULL,
  number text NOT NULL,
  type text NOT NULL,
  status text NOT NULL,
  contact_name text NOT NULL,
  total numeric NOT NULL,
  amount_due numeric NOT NULL,
  currency_code text NOT NULL,
  invoice_date date NOT NULL,
  due_date date,
  updated_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX xero_invoices_org_tenant_idx ON xero_invoices (org_id, tenant_id);
`,
};
