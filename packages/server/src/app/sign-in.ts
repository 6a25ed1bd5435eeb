import { deleteCookie, setCookie } from 'hono/cookie';
import type { Queryable } from '../db/types.js';
import { csrfTokenFor, SESSION_COOKIE, SESSION_TTL_MS } from './actor.js';
import type { AppContext } from './env.js';
import { newId, randomToken, sha256 } from './ids.js';
import type { RouteContext } from './route.js';

/** How a sign-in was completed (login history uses the same names). */
export type SignInMethod = 'password' | 'password+totp' | 'password+recovery_code' | 'passkey' | 'embed_token';

/** A password sign-in waiting for its second factor lasts 5 minutes and allows 5 codes. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

function secureCookies(c: AppContext): boolean {
  const deps = c.var.state.deps;
  if (deps.secureCookies !== undefined) return deps.secureCookies;
  return (deps.publicUrl ?? c.req.url).startsWith('https:');
}

export function setSessionCookie(c: AppContext, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c), httpOnly: true, sameSite: 'Lax' });
}

export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
  csrfToken: string;
}

/** Inserts a session row; the cookie value is returned once and stored only as a hash. */
export async function createSession(
  tx: Queryable,
  input: { memberId: string; method: SignInMethod; ip: string | null; userAgent: string | null; now: Date },
): Promise<NewSession> {
  const id = newId('ses');
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_MS);
  await tx.query(
    `INSERT INTO sessions (id, member_id, token_hash, auth_method, ip, user_agent, created_at, last_active_at, expires_at, reauthenticated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $7)`,
    [id, input.memberId, sha256(token), input.method, input.ip, input.userAgent, input.now, expiresAt],
  );
  await tx.query('UPDATE members SET last_active_at = $2 WHERE id = $1', [input.memberId, input.now]);
  return { id, token, expiresAt, csrfToken: csrfTokenFor(token) };
}

/** Records a sign-in attempt for the member's login history. */
export async function recordLoginEvent(
  tx: Queryable,
  input: { memberId: string | null; email: string; method: SignInMethod; success: boolean; failureReason?: string; ip: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO login_events (id, member_id, email, method, success, failure_reason, ip, user_agent, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [newId('lgn'), input.memberId, input.email, input.method, input.success, input.failureReason ?? null, input.ip, input.userAgent, input.now],
  );
}

/**
 * Finishes a sign-in once every factor is verified: creates the session, sets the cookie, records
 * the login event and the audit entry, and answers `{ status: 'signed_in', csrfToken }`.
 * Password sign-in calls it directly when no second factor is enrolled; the MFA step
 * (`POST /auth/sign-in/mfa`) and passkey sign-in call it after verifying theirs. Call it inside the
 * request's transaction (`ctx.tx`, or the `tx` given when the route manages its own).
 */
export async function completeSignIn(
  ctx: RouteContext<any>,
  memberId: string,
  method: SignInMethod,
  tx: Queryable = ctx.tx,
): Promise<{ status: 'signed_in'; csrfToken: string }> {
  const { rows } = await tx.query<{ org_id: string; name: string; email: string }>(
    'SELECT org_id, name, email FROM members WHERE id = $1',
    [memberId],
  );
  const member = rows[0];
  if (!member) throw new Error(`completeSignIn: no member ${memberId}`);
  const session = await createSession(tx, { memberId, method, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now });
  await recordLoginEvent(tx, { memberId, email: member.email, method, success: true, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now });
  await ctx.audit({
    orgId: member.org_id,
    actor: { id: memberId, name: member.name, email: member.email },
    action: 'auth.signed_in',
    target: { type: 'session', id: session.id, label: null },
    after: { method },
  }, tx);
  setSessionCookie(ctx.c, session.token, session.expiresAt);
  return { status: 'signed_in', csrfToken: session.csrfToken };
}

/** Starts the second step of a password sign-in; the returned token is the `mfaToken` of the answer. */
export async function createMfaChallenge(ctx: RouteContext<any>, memberId: string, tx: Queryable = ctx.tx): Promise<string> {
  const token = randomToken('mfa_');
  await tx.query(
    `INSERT INTO mfa_challenges (id, member_id, token_hash, ip, user_agent, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [newId('mfc'), memberId, sha256(token), ctx.meta.ip, ctx.meta.userAgent, ctx.now, new Date(ctx.now.getTime() + MFA_CHALLENGE_TTL_MS)],
  );
  return token;
}

export interface MfaChallenge {
  id: string;
  memberId: string;
  attempts: number;
}

/**
 * The pending challenge of an `mfaToken`, or null when unknown, expired or out of attempts. Each
 * call counts one attempt; delete the challenge (`endMfaChallenge`) once the code is right.
 */
export async function takeMfaChallengeAttempt(tx: Queryable, mfaToken: string, now: Date): Promise<MfaChallenge | null> {
  const { rows } = await tx.query<{ id: string; member_id: string; attempts: number }>(
    `UPDATE mfa_challenges SET attempts = attempts + 1
      WHERE token_hash = $1 AND expires_at > $2 AND attempts < $3
      RETURNING id, member_id, attempts`,
    [sha256(mfaToken), now, MFA_CHALLENGE_MAX_ATTEMPTS],
  );
  const row = rows[0];
  return row ? { id: row.id, memberId: row.member_id, attempts: row.attempts } : null;
}

export async function endMfaChallenge(tx: Queryable, challengeId: string): Promise<void> {
  await tx.query('DELETE FROM mfa_challenges WHERE id = $1', [challengeId]);
}
