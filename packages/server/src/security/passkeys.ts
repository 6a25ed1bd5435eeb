import type { Passkey } from '@billingone/settings-core';
import type { ResolvedDeps } from '../app/deps.js';
import { newId } from '../app/ids.js';
import type { Queryable } from '../db/types.js';
import type { NewPasskeyCredential, StoredPasskeyCredential, WebAuthnConfig } from './webauthn.js';

/** Passkeys as stored (table `passkeys`); `members.passkey_count` is kept in step by every change. */
interface PasskeyRow {
  id: string;
  member_id: string;
  credential_id: string;
  public_key: Uint8Array;
  counter: string | number;
  transports: string[] | null;
  name: string;
  device_type: 'singleDevice' | 'multiDevice';
  backed_up: boolean;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

const columns = 'id, member_id, credential_id, public_key, counter, transports, name, device_type, backed_up, created_at, last_used_at';

export function passkeyJson(row: PasskeyRow): Passkey {
  return {
    id: row.id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    deviceType: row.device_type,
    backedUp: row.backed_up,
  };
}

export async function listPasskeys(q: Queryable, memberId: string): Promise<PasskeyRow[]> {
  const { rows } = await q.query<PasskeyRow>(`SELECT ${columns} FROM passkeys WHERE member_id = $1 ORDER BY created_at, id`, [memberId]);
  return rows;
}

export async function findPasskey(q: Queryable, memberId: string, id: string): Promise<PasskeyRow | null> {
  const { rows } = await q.query<PasskeyRow>(`SELECT ${columns} FROM passkeys WHERE id = $1 AND member_id = $2`, [id, memberId]);
  return rows[0] ?? null;
}

export async function findPasskeyByCredentialId(q: Queryable, credentialId: string): Promise<PasskeyRow | null> {
  const { rows } = await q.query<PasskeyRow>(`SELECT ${columns} FROM passkeys WHERE credential_id = $1`, [credentialId]);
  return rows[0] ?? null;
}

export function storedCredential(row: PasskeyRow): StoredPasskeyCredential {
  return { credentialId: row.credential_id, publicKey: new Uint8Array(row.public_key), counter: Number(row.counter), transports: row.transports ?? [] };
}

async function syncPasskeyCount(q: Queryable, memberId: string, now: Date): Promise<void> {
  await q.query(
    'UPDATE members SET passkey_count = (SELECT count(*) FROM passkeys WHERE member_id = $1), updated_at = $2 WHERE id = $1',
    [memberId, now],
  );
}

export async function insertPasskey(q: Queryable, memberId: string, name: string, credential: NewPasskeyCredential, now: Date): Promise<PasskeyRow> {
  const { rows } = await q.query<PasskeyRow>(
    `INSERT INTO passkeys (id, member_id, credential_id, public_key, counter, transports, name, device_type, backed_up, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${columns}`,
    [newId('pky'), memberId, credential.credentialId, credential.publicKey, credential.counter, credential.transports, name, credential.deviceType, credential.backedUp, now],
  );
  await syncPasskeyCount(q, memberId, now);
  return rows[0]!;
}

export async function renamePasskey(q: Queryable, memberId: string, id: string, name: string): Promise<PasskeyRow | null> {
  const { rows } = await q.query<PasskeyRow>(`UPDATE passkeys SET name = $3 WHERE id = $1 AND member_id = $2 RETURNING ${columns}`, [id, memberId, name]);
  return rows[0] ?? null;
}

export async function deletePasskey(q: Queryable, memberId: string, id: string, now: Date): Promise<void> {
  await q.query('DELETE FROM passkeys WHERE id = $1 AND member_id = $2', [id, memberId]);
  await syncPasskeyCount(q, memberId, now);
}

/** After a verified assertion: the new signature counter, backup state and last use. */
export async function recordPasskeyUse(q: Queryable, id: string, counter: number, backedUp: boolean, now: Date): Promise<void> {
  await q.query('UPDATE passkeys SET counter = $2, backed_up = $3, last_used_at = $4 WHERE id = $1', [id, counter, backedUp, now]);
}

/**
 * The relying party passkeys belong to: `deps.webauthn`, or derived from `deps.publicUrl`
 * (its host name as RP ID, its origin as the one allowed origin). Null when neither is set.
 */
export function webAuthnConfigOf(deps: Pick<ResolvedDeps, 'webauthn' | 'publicUrl'>): WebAuthnConfig | null {
  if (deps.webauthn) return deps.webauthn;
  if (!deps.publicUrl) return null;
  const url = new URL(deps.publicUrl);
  return { rpId: url.hostname, rpName: 'BillingOne', origins: [url.origin] };
}
