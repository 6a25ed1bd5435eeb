/**
 * Second factors and uploaded files.
 *
 * - member_totp: the enabled TOTP secret (sealed with the SecretBox) and the time step of the last
 *   accepted code, so a code is never accepted twice. `members.totp_enabled_at` mirrors it.
 * - totp_enrollments: a secret shown to the member but not yet confirmed with a code.
 * - recovery_code_sets / recovery_codes: the current set, sealed whole (to show it again after
 *   re-authentication), and one keyed digest per code with its use time.
 * - passkeys: WebAuthn credentials (public key, signature counter). `members.passkey_count` mirrors it.
 * - webauthn_challenges: registration and sign-in challenges, single use, 5 minutes.
 * - files: uploaded avatars and logos by SHA-256 of their (sanitised) bytes, served at /v1/files/{hash}.
 */
export const migration = {
  version: 2,
  name: 'security',
  sql: /* sql */ `
CREATE TABLE member_totp (
  member_id text PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  last_used_step bigint,
  enabled_at timestamptz NOT NULL
);

CREATE TABLE totp_enrollments (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX totp_enrollments_member_idx ON totp_enrollments (member_id);

CREATE TABLE recovery_code_sets (
  member_id text PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  codes_sealed text NOT NULL,
  generated_at timestamptz NOT NULL
);

CREATE TABLE recovery_codes (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  code_digest text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX recovery_codes_member_digest_key ON recovery_codes (member_id, code_digest);

CREATE TABLE passkeys (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  credential_id text NOT NULL UNIQUE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  device_type text NOT NULL CHECK (device_type IN ('singleDevice', 'multiDevice')),
  backed_up boolean NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX passkeys_member_idx ON passkeys (member_id, created_at, id);

CREATE TABLE webauthn_challenges (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('registration', 'authentication')),
  member_id text REFERENCES members(id) ON DELETE CASCADE,
  challenge text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX webauthn_challenges_expires_idx ON webauthn_challenges (expires_at);

CREATE TABLE files (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL,
  size integer NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL
);
`,
};
