import { flowErrorCodes } from '@billingone/settings-core';
import { api, LoginHistoryEntry } from '@billingone/settings-core';
import { keysetPage, decodeTimeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import type { Actor } from '../app/actor.js';
import { RECENT_AUTH_MS } from '../app/dispatch.js';
import { iso, isoOrNull } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute, type RouteContext } from '../app/route.js';
import type { Queryable } from '../db/types.js';
import { createDbChallengeStore } from '../security/challenge-store.js';
import { verifyPassword } from '../security/passwords.js';
import {
  deletePasskey,
  findPasskey,
  insertPasskey,
  listPasskeys,
  passkeyJson,
  renamePasskey,
  webAuthnConfigOf,
} from '../security/passkeys.js';
import {
  checkMemberTotp,
  disableTotp,
  enableTotp,
  findTotpEnrollment,
  recoveryCodeStatus,
  replaceRecoveryCodes,
  startTotpEnrollment,
  viewRecoveryCodes,
} from '../security/second-factors.js';
import { totpUri, verifyTotp } from '../security/totp.js';
import { createWebAuthn, WebAuthnVerificationError } from '../security/webauthn.js';

/**
 * The member's own security settings: TOTP, recovery codes, step-up re-authentication, passkeys
 * and login history. TOTP secrets and recovery codes are sealed at rest, answered only to the
 * member (codes once at enrolment, then after re-authentication) and never written to the audit
 * log or a log line.
 */

/** Wrong codes allowed per member before a pause (enrolment, disabling, re-authentication). */
export const codeAttemptLimit = { limit: 10, windowSeconds: 15 * 60 } as const;

const wrongCode = (reason: 'invalid' | 'replayed') =>
  fieldProblem(
    'code',
    reason === 'replayed' ? 'This code was already used. Wait for the next one.' : 'That code is not right. Check your authenticator app and try again.',
    reason === 'replayed' ? 'code_already_used' : 'invalid_code',
  );

function memberTarget(actor: Actor) {
  return { type: 'member', id: actor.memberId, label: actor.name };
}

function recentAuthUntil(actor: Actor, now: Date): string | null {
  if (!actor.reauthenticatedAt) return null;
  const until = actor.reauthenticatedAt.getTime() + RECENT_AUTH_MS;
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

async function orgRequiresMfa(q: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await q.query<{ require_mfa: boolean }>('SELECT require_mfa FROM organizations WHERE id = $1', [orgId]);
  return rows[0]?.require_mfa ?? false;
}

async function totpEnabled(q: Queryable, memberId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM member_totp WHERE member_id = $1', [memberId]);
  return rows.length > 0;
}

function webAuthnFor(ctx: RouteContext<any>, q: Queryable) {
  const config = webAuthnConfigOf(ctx.deps);
  if (!config) throw problem(503, 'passkeys_unavailable', 'Passkeys are not configured on this server.');
  return createWebAuthn(config, createDbChallengeStore(q));
}

const overview = defineRoute(api.security.overview, async (ctx) => {
  const { actor } = ctx;
  const [totp, passkeys, recoveryCodes, requiresMfa] = await Promise.all([
    ctx.tx.query<{ enabled_at: Date | string }>('SELECT enabled_at FROM member_totp WHERE member_id = $1', [actor.memberId]),
    listPasskeys(ctx.tx, actor.memberId),
    recoveryCodeStatus(ctx.tx, actor.memberId),
    orgRequiresMfa(ctx.tx, actor.orgId),
  ]);
  const enabledAt = totp.rows[0]?.enabled_at ?? null;
  return {
    totp: { enabled: enabledAt !== null, enabledAt: isoOrNull(enabledAt) },
    passkeys: passkeys.map(passkeyJson),
    recoveryCodes,
    orgRequiresMfa: requiresMfa,
    recentAuthUntil: recentAuthUntil(actor, ctx.now),
  };
});

const startTotp = defineRoute(api.security.startTotp, async (ctx) => {
  const { actor } = ctx;
  if (await totpEnabled(ctx.tx, actor.memberId)) {
    throw problem(409, 'totp_already_enabled', 'Two-factor authentication with an app is already on. Turn it off first to use another app.');
  }
  const enrollment = await startTotpEnrollment(ctx.tx, ctx.deps.secrets, actor.memberId, ctx.now);
  await ctx.audit({ action: 'security.totp.enrollment_started', target: memberTarget(actor) });
  return {
    enrollmentId: enrollment.id,
    secret: enrollment.secret,
    otpauthUri: totpUri(enrollment.secret, actor.email),
    expiresAt: iso(enrollment.expiresAt),
  };
});

const verifyTotpEnrollment = defineRoute(api.security.verifyTotp, async (ctx) => {
  const { actor } = ctx;
  ctx.rateLimit('totp-code', actor.memberId, codeAttemptLimit);
  if (await totpEnabled(ctx.tx, actor.memberId)) {
    throw problem(409, 'totp_already_enabled', 'Two-factor authentication with an app is already on.');
  }
  const enrollment = await findTotpEnrollment(ctx.tx, ctx.deps.secrets, actor.memberId, ctx.body.enrollmentId);
  if (!enrollment || enrollment.expiresAt <= ctx.now) {
    throw problem(410, flowErrorCodes.totpEnrollmentExpired, 'This set-up has expired. Start again to get a new QR code.');
  }
  const check = await verifyTotp({ secret: enrollment.secret, code: ctx.body.code, at: ctx.now, lastUsedStep: null });
  if (!check.ok) throw wrongCode(check.reason);
  await enableTotp(ctx.tx, ctx.deps.secrets, actor.memberId, enrollment, check.timeStep, ctx.now);
  const recoveryCodes = await replaceRecoveryCodes(ctx.tx, ctx.deps.secrets, actor.memberId, ctx.now);
  ctx.resetRateLimit('totp-code', actor.memberId);
  await ctx.audit({ action: 'security.totp.enabled', target: memberTarget(actor), after: { totpEnabled: true } });
  return { recoveryCodes };
});

const disableTotpRoute = defineRoute(api.security.disableTotp, async (ctx) => {
  const { actor } = ctx;
  if (await orgRequiresMfa(ctx.tx, actor.orgId)) {
    throw problem(403, 'mfa_required_by_organization', 'Your organization requires two-factor authentication, so it cannot be turned off.');
  }
  if (!(await totpEnabled(ctx.tx, actor.memberId))) {
    throw problem(409, 'totp_not_enabled', 'Two-factor authentication with an app is not on.');
  }
  ctx.rateLimit('totp-code', actor.memberId, codeAttemptLimit);
  const check = await checkMemberTotp(ctx.tx, ctx.deps.secrets, actor.memberId, ctx.body.code, ctx.now);
  if (!check.ok) throw wrongCode(check.reason === 'not_enabled' ? 'invalid' : check.reason);
  await disableTotp(ctx.tx, actor.memberId, ctx.now);
  ctx.resetRateLimit('totp-code', actor.memberId);
  await ctx.audit({ action: 'security.totp.disabled', target: memberTarget(actor), before: { totpEnabled: true }, after: { totpEnabled: false } });
});

const reauthenticate = defineRoute(api.security.reauthenticate, async (ctx) => {
  const { actor, body } = ctx;
  ctx.rateLimit('reauthenticate', actor.memberId, codeAttemptLimit);
  let method: 'password' | 'totp';
  if ('password' in body) {
    method = 'password';
    const { rows } = await ctx.tx.query<{ password_hash: string | null }>('SELECT password_hash FROM members WHERE id = $1', [actor.memberId]);
    const hash = rows[0]?.password_hash;
    if (!hash || !(await verifyPassword(body.password, hash))) {
      throw fieldProblem('password', 'That password is not right.', 'invalid_password');
    }
  } else {
    method = 'totp';
    const check = await checkMemberTotp(ctx.tx, ctx.deps.secrets, actor.memberId, body.code, ctx.now);
    if (!check.ok) {
      if (check.reason === 'not_enabled') throw fieldProblem('code', 'Two-factor authentication with an app is not on; use your password.', 'totp_not_enabled');
      throw wrongCode(check.reason);
    }
  }
  const table = actor.kind === 'session' ? 'sessions' : 'embed_tokens';
  await ctx.tx.query(`UPDATE ${table} SET reauthenticated_at = $2 WHERE id = $1`, [actor.credentialId, ctx.now]);
  ctx.resetRateLimit('reauthenticate', actor.memberId);
  await ctx.audit({ action: 'security.reauthenticated', target: memberTarget(actor), after: { method } });
  return { recentAuthUntil: new Date(ctx.now.getTime() + RECENT_AUTH_MS).toISOString() };
});

const viewRecoveryCodesRoute = defineRoute(api.security.viewRecoveryCodes, async (ctx) => {
  const { actor } = ctx;
  const view = await viewRecoveryCodes(ctx.tx, ctx.deps.secrets, actor.memberId);
  if (!view) throw problem(404, 'recovery_codes_not_found', 'You have no recovery codes. Turn on two-factor authentication first.');
  // Viewing is recorded too: the codes are as good as a second factor.
  await ctx.audit({ action: 'security.recovery_codes.viewed', target: memberTarget(actor), after: { remaining: view.codes.length } });
  return view;
});

const regenerateRecoveryCodes = defineRoute(api.security.regenerateRecoveryCodes, async (ctx) => {
  const { actor } = ctx;
  if (!(await totpEnabled(ctx.tx, actor.memberId))) {
    throw problem(409, 'totp_not_enabled', 'Recovery codes back up two-factor authentication with an app. Turn it on first.');
  }
  const view = await replaceRecoveryCodes(ctx.tx, ctx.deps.secrets, actor.memberId, ctx.now);
  await ctx.audit({ action: 'security.recovery_codes.regenerated', target: memberTarget(actor), after: { generated: view.codes.length } });
  return view;
});

const passkeyOptions = defineRoute(api.security.passkeyOptions, async (ctx) => {
  const { actor } = ctx;
  const existing = await listPasskeys(ctx.tx, actor.memberId);
  const { challengeId, options } = await webAuthnFor(ctx, ctx.tx).registrationOptions(
    { id: actor.memberId, email: actor.email, name: actor.name },
    existing.map((row) => ({ credentialId: row.credential_id, transports: row.transports ?? [] })),
    ctx.now,
  );
  await ctx.audit({ action: 'security.passkey.registration_started', target: memberTarget(actor) });
  return { challengeId, options: options as unknown as Record<string, unknown> };
});

const registerPasskey = defineRoute(
  api.security.registerPasskey,
  async (ctx) => {
    const { actor, body } = ctx;
    const webauthn = webAuthnFor(ctx, ctx.db);
    let credential;
    try {
      // Outside the transaction: the challenge is used up even when verification fails.
      credential = await webauthn.verifyRegistration({ challengeId: body.challengeId, memberId: actor.memberId, response: body.response, now: ctx.now });
    } catch (error) {
      if (error instanceof WebAuthnVerificationError) throw fieldProblem('response', error.message, 'passkey_invalid');
      throw error;
    }
    return ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query('SELECT 1 FROM passkeys WHERE credential_id = $1', [credential.credentialId]);
      if (rows.length > 0) throw problem(409, 'passkey_already_registered', 'This passkey is already registered.');
      const row = await insertPasskey(tx, actor.memberId, body.name, credential, ctx.now);
      await ctx.audit(
        { action: 'security.passkey.registered', target: { type: 'passkey', id: row.id, label: row.name }, after: { name: row.name, deviceType: row.device_type, backedUp: row.backed_up } },
        tx,
      );
      return passkeyJson(row);
    });
  },
  { transaction: false },
);

const renamePasskeyRoute = defineRoute(api.security.renamePasskey, async (ctx) => {
  const { actor } = ctx;
  const before = await findPasskey(ctx.tx, actor.memberId, ctx.params.id);
  if (!before) throw problem(404, 'passkey_not_found', 'There is no such passkey.');
  const row = await renamePasskey(ctx.tx, actor.memberId, ctx.params.id, ctx.body.name);
  if (!row) throw problem(404, 'passkey_not_found', 'There is no such passkey.');
  await ctx.audit({ action: 'security.passkey.renamed', target: { type: 'passkey', id: row.id, label: row.name }, before: { name: before.name }, after: { name: row.name } });
  return passkeyJson(row);
});

const removePasskey = defineRoute(api.security.removePasskey, async (ctx) => {
  const { actor } = ctx;
  const row = await findPasskey(ctx.tx, actor.memberId, ctx.params.id);
  if (!row) throw problem(404, 'passkey_not_found', 'There is no such passkey.');
  if (await orgRequiresMfa(ctx.tx, actor.orgId)) {
    const others = (await listPasskeys(ctx.tx, actor.memberId)).length - 1;
    if (others === 0 && !(await totpEnabled(ctx.tx, actor.memberId))) {
      throw problem(403, 'mfa_required_by_organization', 'Your organization requires two-factor authentication: add another passkey or an authenticator app before removing this one.');
    }
  }
  await deletePasskey(ctx.tx, actor.memberId, row.id, ctx.now);
  await ctx.audit({ action: 'security.passkey.removed', target: { type: 'passkey', id: row.id, label: row.name }, before: { name: row.name } });
});

const historyMethods = LoginHistoryEntry.shape.method.options;
type HistoryMethod = (typeof historyMethods)[number];

const loginHistory = defineRoute(api.security.loginHistory, async (ctx) => {
  const { actor } = ctx;
  const limit = ctx.query.limit ?? 20;
  const params: unknown[] = [actor.memberId, historyMethods];
  let after = '';
  if (ctx.query.cursor) {
    const cursor = decodeTimeCursor(ctx.query.cursor);
    params.push(new Date(cursor.at), cursor.id);
    // Written so the planner walks the (member_id, created_at DESC, id DESC) index from the cursor.
    after = 'AND created_at <= $3 AND (created_at < $3 OR id < $4)';
  }
  params.push(limit + 1);
  const { rows } = await ctx.tx.query<{
    id: string; created_at: Date | string; method: HistoryMethod; success: boolean; ip: string | null; user_agent: string | null; location: string | null;
  }>(
    `SELECT id, created_at, method, success, ip, user_agent, location FROM login_events
      WHERE member_id = $1 AND method = ANY($2::text[]) ${after}
      ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeCursor([iso(last.created_at), last.id]));
  return {
    items: page.map((row) => ({
      id: row.id,
      at: iso(row.created_at),
      method: row.method,
      success: row.success,
      ip: row.ip,
      userAgent: row.user_agent,
      location: row.location,
    })),
    nextCursor,
  };
});

export const routes = [
  overview,
  startTotp,
  verifyTotpEnrollment,
  disableTotpRoute,
  reauthenticate,
  viewRecoveryCodesRoute,
  regenerateRecoveryCodes,
  passkeyOptions,
  registerPasskey,
  renamePasskeyRoute,
  removePasskey,
  loginHistory,
];
