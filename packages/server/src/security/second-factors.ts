import { newId } from '../app/ids.js';
import type { Queryable } from '../db/types.js';
import type { SecretBox } from './crypto.js';
import { createRecoveryCodeSet, normalizeRecoveryCode, openRecoveryCodes, recoveryCodeDigest } from './recovery-codes.js';
import { createTotpSecret, verifyTotp, type TotpCheck } from './totp.js';

/**
 * TOTP and recovery codes as stored for a member (tables of migration 002). Secrets are sealed
 * with the SecretBox bound to the member, so a sealed value copied to another row does not open.
 */
export const TOTP_ENROLLMENT_TTL_MS = 10 * 60 * 1000;

const totpContext = (memberId: string) => `totp:${memberId}`;

export interface TotpEnrollmentRow {
  id: string;
  secret: string;
  expiresAt: Date;
}

/** A new pending enrolment; earlier pending ones of the member are dropped. */
export async function startTotpEnrollment(q: Queryable, box: SecretBox, memberId: string, now: Date): Promise<TotpEnrollmentRow> {
  const secret = createTotpSecret();
  const id = newId('tte');
  const expiresAt = new Date(now.getTime() + TOTP_ENROLLMENT_TTL_MS);
  await q.query('DELETE FROM totp_enrollments WHERE member_id = $1', [memberId]);
  await q.query(
    'INSERT INTO totp_enrollments (id, member_id, secret_sealed, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [id, memberId, box.seal(secret, totpContext(memberId)), now, expiresAt],
  );
  return { id, secret, expiresAt };
}

export async function findTotpEnrollment(q: Queryable, box: SecretBox, memberId: string, id: string): Promise<TotpEnrollmentRow | null> {
  const { rows } = await q.query<{ secret_sealed: string; expires_at: Date | string }>(
    'SELECT secret_sealed, expires_at FROM totp_enrollments WHERE id = $1 AND member_id = $2',
    [id, memberId],
  );
  const row = rows[0];
  if (!row) return null;
  return { id, secret: box.open(row.secret_sealed, totpContext(memberId)), expiresAt: new Date(row.expires_at) };
}

/** Turns a confirmed enrolment into the member's TOTP (and keeps `members.totp_enabled_at` in step). */
export async function enableTotp(q: Queryable, box: SecretBox, memberId: string, enrollment: TotpEnrollmentRow, timeStep: number, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO member_totp (member_id, secret_sealed, last_used_step, enabled_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_used_step = EXCLUDED.last_used_step, enabled_at = EXCLUDED.enabled_at`,
    [memberId, box.seal(enrollment.secret, totpContext(memberId)), timeStep, now],
  );
  await q.query('DELETE FROM totp_enrollments WHERE member_id = $1', [memberId]);
  await q.query('UPDATE members SET totp_enabled_at = $2, updated_at = $2 WHERE id = $1', [memberId, now]);
}

/** Removes TOTP and the recovery codes that back it up. */
export async function disableTotp(q: Queryable, memberId: string, now: Date): Promise<void> {
  await q.query('DELETE FROM member_totp WHERE member_id = $1', [memberId]);
  await q.query('DELETE FROM recovery_codes WHERE member_id = $1', [memberId]);
  await q.query('DELETE FROM recovery_code_sets WHERE member_id = $1', [memberId]);
  await q.query('UPDATE members SET totp_enabled_at = NULL, updated_at = $2 WHERE id = $1', [memberId, now]);
}

export type MemberTotpCheck = TotpCheck | { ok: false; reason: 'not_enabled' };

/**
 * Checks a code against the member's TOTP and, when right, records its time step in the same
 * statement that refuses an older or equal one: two requests racing with one code cannot both pass.
 */
export async function checkMemberTotp(q: Queryable, box: SecretBox, memberId: string, code: string, now: Date): Promise<MemberTotpCheck> {
  const { rows } = await q.query<{ secret_sealed: string; last_used_step: string | number | null }>(
    'SELECT secret_sealed, last_used_step FROM member_totp WHERE member_id = $1',
    [memberId],
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'not_enabled' };
  const lastUsedStep = row.last_used_step === null ? null : Number(row.last_used_step);
  const result = await verifyTotp({ secret: box.open(row.secret_sealed, totpContext(memberId)), code, at: now, lastUsedStep });
  if (!result.ok) return result;
  const updated = await q.query(
    `UPDATE member_totp SET last_used_step = $2 WHERE member_id = $1 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING member_id`,
    [memberId, result.timeStep],
  );
  return updated.rows.length === 1 ? result : { ok: false, reason: 'replayed' };
}

export interface RecoveryCodesView {
  codes: string[];
  generatedAt: string;
}

/** A fresh set of recovery codes; every earlier code stops working. */
export async function replaceRecoveryCodes(q: Queryable, box: SecretBox, memberId: string, now: Date): Promise<RecoveryCodesView> {
  const set = createRecoveryCodeSet(box, memberId);
  await q.query('DELETE FROM recovery_codes WHERE member_id = $1', [memberId]);
  await q.query(
    `INSERT INTO recovery_code_sets (member_id, codes_sealed, generated_at) VALUES ($1, $2, $3)
     ON CONFLICT (member_id) DO UPDATE SET codes_sealed = EXCLUDED.codes_sealed, generated_at = EXCLUDED.generated_at`,
    [memberId, set.sealed, now],
  );
  for (const digest of set.digests) {
    await q.query('INSERT INTO recovery_codes (id, member_id, code_digest, created_at) VALUES ($1, $2, $3, $4)', [newId('rcc'), memberId, digest, now]);
  }
  return { codes: set.codes, generatedAt: now.toISOString() };
}

/** The unused codes of the current set, or null when the member has none. */
export async function viewRecoveryCodes(q: Queryable, box: SecretBox, memberId: string): Promise<RecoveryCodesView | null> {
  const { rows } = await q.query<{ codes_sealed: string; generated_at: Date | string }>(
    'SELECT codes_sealed, generated_at FROM recovery_code_sets WHERE member_id = $1',
    [memberId],
  );
  const row = rows[0];
  if (!row) return null;
  const used = await q.query<{ code_digest: string }>('SELECT code_digest FROM recovery_codes WHERE member_id = $1 AND used_at IS NOT NULL', [memberId]);
  const usedDigests = new Set(used.rows.map((r) => r.code_digest));
  const codes = openRecoveryCodes(box, memberId, row.codes_sealed).filter((code) => !usedDigests.has(recoveryCodeDigest(box, code)));
  return { codes, generatedAt: new Date(row.generated_at).toISOString() };
}

export async function recoveryCodeStatus(q: Queryable, memberId: string): Promise<{ remaining: number; generatedAt: string | null }> {
  const { rows } = await q.query<{ generated_at: Date | string | null; remaining: string | number }>(
    `SELECT s.generated_at, (SELECT count(*) FROM recovery_codes c WHERE c.member_id = $1 AND c.used_at IS NULL) AS remaining
       FROM (SELECT $1::text AS member_id) m LEFT JOIN recovery_code_sets s ON s.member_id = m.member_id`,
    [memberId],
  );
  const row = rows[0];
  return { remaining: Number(row?.remaining ?? 0), generatedAt: row?.generated_at ? new Date(row.generated_at).toISOString() : null };
}

/** Uses up a recovery code; false when it is not one of the member's unused codes. */
export async function useRecoveryCode(q: Queryable, box: SecretBox, memberId: string, input: string, now: Date): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const { rows } = await q.query(
    'UPDATE recovery_codes SET used_at = $3 WHERE member_id = $1 AND code_digest = $2 AND used_at IS NULL RETURNING id',
    [memberId, recoveryCodeDigest(box, code), now],
  );
  return rows.length === 1;
}
