/**
 * Idempotency keys of creating POSTs: the first response to a key, replayed for 24 hours to the
 * same caller (a member, or an organization API key) when the same request is sent again.
 */
export const migration = {
  version: 5,
  name: 'idempotency',
  sql: `
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  endpoint_id text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  -- The response body, sealed (it can hold secrets: an embed token, a TOTP secret).
  body_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
`,
};
