import type { Role } from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import { sha256 } from './ids.js';
import { problem } from './problem.js';

/** The signed-in member a request acts for. */
export interface Actor {
  /** `session`: cookie session; `embed`: bearer embed token. */
  kind: 'session' | 'embed';
  /** The session id or the embed token id. */
  credentialId: string;
  memberId: string;
  orgId: string;
  role: Role;
  email: string;
  name: string;
  expiresAt: Date;
  reauthenticatedAt: Date | null;
  mfa: {
    totpEnabled: boolean;
    passkeyCount: number;
    orgRequiresMfa: boolean;
    /** Held at the enrolment gate: the organization requires MFA and the member has no second factor. */
    enrollmentRequired: boolean;
  };
  embedOrigins: string[];
}

/** An organization API key (server-to-server calls). */
export interface ApiKeyActor {
  apiKeyId: string;
  orgId: string;
}

export const SESSION_COOKIE = 'billingone_session';
export const API_KEY_PREFIX = 'bo_sk_';
export const EMBED_TOKEN_PREFIX = 'bo_et_';

/** Cookie sessions last 30 days from sign-in. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** The CSRF token of a cookie session: derived from the secret cookie value, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return Buffer.from(sha256(`csrf:${sessionToken}`), 'hex').toString('base64url');
}

const memberColumns = `m.id AS member_id, m.org_id, m.role, m.email, m.name, m.totp_enabled_at, m.passkey_count,
  o.require_mfa, o.embed_origins`;

interface ActorRow {
  credential_id: string;
  member_id: string;
  org_id: string;
  role: Role;
  email: string;
  name: string;
  totp_enabled_at: Date | null;
  passkey_count: number;
  require_mfa: boolean;
  embed_origins: string[];
  expires_at: Date;
  reauthenticated_at: Date | null;
  last_active_at?: Date;
}

function toActor(kind: Actor['kind'], row: ActorRow): Actor {
  const totpEnabled = row.totp_enabled_at !== null;
  const passkeyCount = Number(row.passkey_count);
  return {
    kind,
    credentialId: row.credential_id,
    memberId: row.member_id,
    orgId: row.org_id,
    role: row.role,
    email: row.email,
    name: row.name,
    expiresAt: new Date(row.expires_at),
    reauthenticatedAt: row.reauthenticated_at ? new Date(row.reauthenticated_at) : null,
    mfa: {
      totpEnabled,
      passkeyCount,
      orgRequiresMfa: row.require_mfa,
      enrollmentRequired: row.require_mfa && !totpEnabled && passkeyCount === 0,
    },
    embedOrigins: row.embed_origins ?? [],
  };
}

/** The member behind a session cookie value, or null when it is unknown or expired. Touches `last_active_at` at most once a minute. */
export async function actorFromSession(db: Queryable, token: string, now: Date): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(
    `SELECT s.id AS credential_id, s.expires_at, s.reauthenticated_at, s.last_active_at, ${memberColumns}
       FROM sessions s JOIN members m ON m.id = s.member_id JOIN organizations o ON o.id = m.org_id
      WHERE s.token_hash = $1`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row || new Date(row.expires_at) <= now) return null;
  if (row.last_active_at && now.getTime() - new Date(row.last_active_at).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_active_at = $2 WHERE id = $1', [row.credential_id, now]);
    await db.query('UPDATE members SET last_active_at = $2 WHERE id = $1', [row.member_id, now]);
  }
  return toActor('session', row);
}

/** The member behind a bearer embed token, or null when it is unknown or expired. */
export async function actorFromEmbedToken(db: Queryable, token: string, now: Date): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(
    `SELECT t.id AS credential_id, t.expires_at, t.reauthenticated_at, ${memberColumns}
       FROM embed_tokens t JOIN members m ON m.id = t.member_id JOIN organizations o ON o.id = m.org_id
      WHERE t.token_hash = $1 AND t.org_id = m.org_id`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row || new Date(row.expires_at) <= now) return null;
  return toActor('embed', row);
}

/** The organization behind an API key; 401 when unknown or revoked. */
export async function apiKeyActor(db: Queryable, key: string, now: Date): Promise<ApiKeyActor> {
  const { rows } = await db.query<{ id: string; org_id: string; revoked_at: Date | null }>(
    'SELECT id, org_id, revoked_at FROM api_keys WHERE key_hash = $1',
    [sha256(key)],
  );
  const row = rows[0];
  if (!row || row.revoked_at) throw problem(401, 'invalid_api_key', 'The API key is not valid.');
  await db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  return { apiKeyId: row.id, orgId: row.org_id };
}
