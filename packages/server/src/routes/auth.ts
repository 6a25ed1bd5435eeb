import { api } from '@billingone/settings-core';
import { getCookie } from 'hono/cookie';
import { csrfTokenFor, EMBED_TOKEN_PREFIX, SESSION_COOKIE } from '../app/actor.js';
import { newId, randomToken, sha256 } from '../app/ids.js';
import { iso } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';
import { clearSessionCookie, completeSignIn, createMfaChallenge, recordLoginEvent } from '../app/sign-in.js';
import { hashPassword, needsRehash, verifyPassword } from '../security/passwords.js';

/** Sign-in attempts: per address and per account, in 15-minute windows. */
export const signInLimits = {
  ip: { limit: 50, windowSeconds: 900 },
  email: { limit: 10, windowSeconds: 900 },
} as const;

/** Embed tokens live 15 minutes unless the caller asks for 1–60 minutes. */
export const DEFAULT_EMBED_TTL_SECONDS = 900;

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash when the email is unknown keeps both answers equally slow. */
function unknownMemberHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

const signIn = defineRoute(
  api.auth.signIn,
  async (ctx) => {
    const email = ctx.body.email.trim().toLowerCase();
    ctx.rateLimit('sign-in:ip', ctx.meta.ip ?? 'unknown', signInLimits.ip);
    ctx.rateLimit('sign-in:email', email, signInLimits.email);

    const { rows } = await ctx.db.query<{ id: string; password_hash: string | null; totp_enabled_at: Date | null }>(
      'SELECT id, password_hash, totp_enabled_at FROM members WHERE lower(email) = $1',
      [email],
    );
    const member = rows[0];
    const valid = member?.password_hash
      ? await verifyPassword(ctx.body.password, member.password_hash)
      : (await verifyPassword(ctx.body.password, await unknownMemberHash()), false);
    if (!member || !valid) {
      await recordLoginEvent(ctx.db, {
        memberId: member?.id ?? null, email, method: 'password', success: false,
        failureReason: member ? 'wrong_password' : 'unknown_email', ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now,
      });
      throw problem(401, 'invalid_credentials', 'The email or password is not correct.');
    }
    ctx.resetRateLimit('sign-in:email', email);

    return ctx.db.transaction(async (tx) => {
      if (needsRehash(member.password_hash!)) {
        await tx.query('UPDATE members SET password_hash = $2 WHERE id = $1', [member.id, await hashPassword(ctx.body.password)]);
      }
      if (member.totp_enabled_at) {
        const mfaToken = await createMfaChallenge(ctx, member.id, tx);
        return { status: 'mfa_required' as const, mfaToken, methods: ['totp' as const, 'recovery_code' as const] };
      }
      return completeSignIn(ctx, member.id, 'password', tx);
    });
  },
  // Failed attempts are recorded even though the answer is an error.
  { transaction: false },
);

const signOut = defineRoute(api.auth.signOut, async (ctx) => {
  const { actor } = ctx;
  const table = actor.kind === 'session' ? 'sessions' : 'embed_tokens';
  await ctx.tx.query(`DELETE FROM ${table} WHERE id = $1`, [actor.credentialId]);
  await ctx.audit({ action: 'auth.signed_out', target: { type: actor.kind === 'session' ? 'session' : 'embed_token', id: actor.credentialId, label: null } });
  if (actor.kind === 'session') clearSessionCookie(ctx.c);
});

const csrf = defineRoute(api.auth.csrf, async (ctx) => {
  const token = ctx.actor.kind === 'session' ? getCookie(ctx.c, SESSION_COOKIE) : undefined;
  if (!token) throw problem(400, 'no_cookie_session', 'Bearer requests need no CSRF token.');
  return { csrfToken: csrfTokenFor(token) };
});

const embedToken = defineRoute(api.auth.embedToken, async (ctx) => {
  const { orgId, apiKeyId } = ctx.apiKey;
  ctx.rateLimit('embed-tokens', apiKeyId, { limit: 600, windowSeconds: 60 });
  const { rows } = await ctx.tx.query<{ id: string; name: string; email: string }>(
    'SELECT id, name, email FROM members WHERE org_id = $1 AND lower(email) = lower($2)',
    [orgId, ctx.body.memberEmail],
  );
  const member = rows[0];
  if (!member) throw fieldProblem('memberEmail', 'No member of this organization has this email address.', 'member_not_found');
  const ttl = ctx.body.ttlSeconds ?? DEFAULT_EMBED_TTL_SECONDS;
  const token = randomToken(EMBED_TOKEN_PREFIX);
  const id = newId('emb');
  const expiresAt = new Date(ctx.now.getTime() + ttl * 1000);
  await ctx.tx.query(
    `INSERT INTO embed_tokens (id, org_id, member_id, api_key_id, token_hash, created_at, expires_at, reauthenticated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
    [id, orgId, member.id, apiKeyId, sha256(token), ctx.now, expiresAt],
  );
  await ctx.tx.query('DELETE FROM embed_tokens WHERE member_id = $1 AND expires_at <= $2', [member.id, ctx.now]);
  await recordLoginEvent(ctx.tx, { memberId: member.id, email: member.email, method: 'embed_token', success: true, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now });
  await ctx.audit({
    actor: null,
    action: 'embed_token.created',
    target: { type: 'member', id: member.id, label: member.name },
    after: { apiKeyId, expiresAt: iso(expiresAt) },
  });
  return { token, expiresAt: iso(expiresAt), memberId: member.id };
});

export const routes = [signIn, signOut, csrf, embedToken];
