/**
 * Organizations, members, sign-in state (sessions, embed tokens, API keys, MFA challenges, login
 * events), invitations, notification preferences, BillingOne clients and the audit log.
 *
 * Member search and the audit log's free text use pg_trgm GIN indexes; queries put the match in a
 * MATERIALIZED CTE so the planner uses them.
 */
export const migration = {
  version: 1,
  name: 'core',
  sql: /* sql */ `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  require_mfa boolean NOT NULL DEFAULT false,
  embed_origins text[] NOT NULL DEFAULT '{}',
  primary_color text,
  accent_color text,
  logo_url text,
  branding_updated_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE members (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'finance', 'engineer', 'viewer')),
  avatar_url text,
  locale text NOT NULL DEFAULT 'en-GB',
  time_zone text NOT NULL DEFAULT 'UTC',
  -- Maintained by the security routes: TOTP enrolment and the number of passkeys.
  totp_enabled_at timestamptz,
  passkey_count integer NOT NULL DEFAULT 0,
  last_active_at timestamptz,
  joined_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX members_email_key ON members (lower(email));
CREATE INDEX members_org_name_idx ON members (org_id, name, id);
CREATE INDEX members_org_joined_idx ON members (org_id, joined_at, id);
CREATE INDEX members_org_role_idx ON members (org_id, role);
-- Free text over name and email: one trigram index on the pair (an OR of two indexes was planned as a scan).
CREATE INDEX members_search_trgm_idx ON members USING gin ((lower(name || ' ' || email)) gin_trgm_ops);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  auth_method text NOT NULL,
  ip text,
  user_agent text,
  location text,
  created_at timestamptz NOT NULL,
  last_active_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  reauthenticated_at timestamptz
);
CREATE INDEX sessions_member_idx ON sessions (member_id);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  key_prefix text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE embed_tokens (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  api_key_id text REFERENCES api_keys(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  reauthenticated_at timestamptz
);
CREATE INDEX embed_tokens_member_idx ON embed_tokens (member_id);

CREATE TABLE mfa_challenges (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  ip text,
  user_agent text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE login_events (
  id text PRIMARY KEY,
  member_id text REFERENCES members(id) ON DELETE CASCADE,
  email text NOT NULL,
  method text NOT NULL,
  success boolean NOT NULL,
  failure_reason text,
  ip text,
  user_agent text,
  location text,
  created_at timestamptz NOT NULL
);
CREATE INDEX login_events_member_idx ON login_events (member_id, created_at DESC, id DESC);

CREATE TABLE invitations (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'finance', 'engineer', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  invited_by text REFERENCES members(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX invitations_org_email_key ON invitations (org_id, lower(email));

CREATE TABLE notification_preferences (
  member_id text PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  preferences jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- BillingOne's own clients (the MSP's customers), which Pax8 companies map to.
CREATE TABLE clients (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX clients_org_name_idx ON clients (org_id, name, id);

CREATE TABLE audit_logs (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  actor_id text,
  actor_name text,
  actor_email text,
  action text NOT NULL,
  target_type text,
  target_id text,
  target_label text,
  ip text,
  user_agent text,
  before jsonb,
  after jsonb,
  -- Lower-cased actor, action and target, for the free-text filter.
  search text NOT NULL
);
CREATE INDEX audit_logs_org_created_idx ON audit_logs (org_id, created_at DESC, id DESC);
CREATE INDEX audit_logs_org_actor_idx ON audit_logs (org_id, actor_id, created_at DESC, id DESC);
CREATE INDEX audit_logs_org_action_idx ON audit_logs (org_id, action, created_at DESC, id DESC);
CREATE INDEX audit_logs_search_trgm_idx ON audit_logs USING gin (search gin_trgm_ops);
`,
};
