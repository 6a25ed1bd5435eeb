import { api } from '@billingone/settings-core';
import { problem, problemResponse, type ProblemError } from '../app/problem.js';
import { defineRoute, type RouteContext } from '../app/route.js';
import type { Queryable } from '../db/types.js';
import { completeSignIn, endMfaChallenge, recordLoginEvent, takeMfaChallengeAttempt, type SignInMethod } from '../app/sign-in.js';
import { createDbChallengeStore } from '../security/challenge-store.js';
import { findPasskeyByCredentialId, recordPasskeyUse, storedCredential, webAuthnConfigOf } from '../security/passkeys.js';
import { checkMemberTotp, recoveryCodeStatus, useRecoveryCode } from '../security/second-factors.js';
import { createWebAuthn, WebAuthnVerificationError } from '../security/webauthn.js';

/**
 * The second step of a password sign-in (TOTP or recovery code) and passkey sign-in.
 *
 * Failed attempts must leave a trace (the challenge's attempt count, the login history), so
 * these handlers manage their own transactions and answer refusals as responses rather than
 * throwing them out of a transaction that would be rolled back.
 */

/** Second-factor and passkey attempts per client address. */
export const secondFactorIpLimit = { limit: 30, windowSeconds: 15 * 60 } as const;

async function memberEmail(q: Queryable, memberId: string): Promise<string> {
  const { rows } = await q.query<{ email: string }>('SELECT email FROM members WHERE id = $1', [memberId]);
  return rows[0]?.email ?? '';
}

const signInMfa = defineRoute(
  api.auth.signInMfa,
  async (ctx) => {
    ctx.rateLimit('sign-in-mfa:ip', ctx.meta.ip ?? 'unknown', secondFactorIpLimit);
    const body = ctx.body;
    const usesRecoveryCode = 'recoveryCode' in body;
    const method: SignInMethod = usesRecoveryCode ? 'password+recovery_code' : 'password+totp';

    // Counted in its own statement: a wrong code still uses up one of the challenge's attempts.
    const challenge = await takeMfaChallengeAttempt(ctx.db, body.mfaToken, ctx.now);
    if (!challenge) {
      throw problem(401, 'mfa_challenge_expired', 'This sign-in has expired or had too many attempts. Sign in again with your password.');
    }
    const { memberId } = challenge;

    return ctx.db.transaction(async (tx) => {
      let refusal: ProblemError | null = null;
      if (usesRecoveryCode) {
        if (!(await useRecoveryCode(tx, ctx.deps.secrets, memberId, body.recoveryCode, ctx.now))) {
          refusal = problem(422, 'invalid_recovery_code', 'That recovery code is not right or was already used.', {
            fieldErrors: [{ path: 'recoveryCode', message: 'That recovery code is not right or was already used.', code: 'invalid_recovery_code' }],
          });
        }
      } else {
        const check = await checkMemberTotp(tx, ctx.deps.secrets, memberId, body.code, ctx.now);
        if (!check.ok) {
          const message = check.reason === 'replayed' ? 'This code was already used. Wait for the next one.' : 'That code is not right. Check your authenticator app and try again.';
          const code = check.reason === 'replayed' ? 'code_already_used' : 'invalid_code';
          refusal = problem(422, code, message, { fieldErrors: [{ path: 'code', message, code }] });
        }
      }
      if (refusal) {
        await recordLoginEvent(tx, {
          memberId, email: await memberEmail(tx, memberId), method, success: false, failureReason: refusal.code,
          ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now,
        });
        // Answered, not thrown, so the login event is committed.
        return problemResponse(refusal);
      }
      await endMfaChallenge(tx, challenge.id);
      const result = await completeSignIn(ctx, memberId, method, tx);
      if (usesRecoveryCode) {
        const { remaining } = await recoveryCodeStatus(tx, memberId);
        const { rows } = await tx.query<{ org_id: string; name: string; email: string }>('SELECT org_id, name, email FROM members WHERE id = $1', [memberId]);
        const member = rows[0]!;
        await ctx.audit(
          {
            orgId: member.org_id,
            actor: { id: memberId, name: member.name, email: member.email },
            action: 'security.recovery_code.used',
            target: { type: 'member', id: memberId, label: member.name },
            after: { remaining },
          },
          tx,
        );
      }
      return result;
    });
  },
  { transaction: false },
);

function webAuthnFor(ctx: RouteContext<any>) {
  const config = webAuthnConfigOf(ctx.deps);
  if (!config) throw problem(503, 'passkeys_unavailable', 'Passkeys are not configured on this server.');
  return createWebAuthn(config, createDbChallengeStore(ctx.deps.db));
}

const passkeyOptions = defineRoute(
  api.auth.passkeyOptions,
  async (ctx) => {
    ctx.rateLimit('passkey-options:ip', ctx.meta.ip ?? 'unknown', { limit: 60, windowSeconds: 15 * 60 });
    const { challengeId, options } = await webAuthnFor(ctx).authenticationOptions(ctx.now);
    return { challengeId, options: options as unknown as Record<string, unknown> };
  },
  { transaction: false },
);

const passkeySignIn = defineRoute(
  api.auth.passkeySignIn,
  async (ctx) => {
    ctx.rateLimit('sign-in-passkey:ip', ctx.meta.ip ?? 'unknown', secondFactorIpLimit);
    const webauthn = webAuthnFor(ctx);
    const refuse = (detail: string, code: string) => problem(401, code, detail);

    let credentialId: string;
    try {
      credentialId = webauthn.assertionCredentialId(ctx.body.response);
    } catch (error) {
      if (error instanceof WebAuthnVerificationError) throw problem(422, 'passkey_invalid', error.message, { fieldErrors: [{ path: 'response', message: error.message, code: 'passkey_invalid' }] });
      throw error;
    }
    const passkey = await findPasskeyByCredentialId(ctx.db, credentialId);
    if (!passkey) {
      // Use the challenge up all the same, so it cannot be tried again with another credential.
      await createDbChallengeStore(ctx.db).take(ctx.body.challengeId, 'authentication', null, ctx.now);
      throw refuse('This passkey is not registered with BillingOne. Sign in with your password, then add it under Security.', 'passkey_not_recognized');
    }

    let assertion;
    try {
      assertion = await webauthn.verifyAuthentication({ challengeId: ctx.body.challengeId, response: ctx.body.response, credential: storedCredential(passkey), now: ctx.now });
      if (assertion.userHandle !== null && assertion.userHandle !== passkey.member_id) {
        throw new WebAuthnVerificationError('The passkey answered for another account.');
      }
    } catch (error) {
      if (!(error instanceof WebAuthnVerificationError)) throw error;
      await recordLoginEvent(ctx.db, {
        memberId: passkey.member_id, email: await memberEmail(ctx.db, passkey.member_id), method: 'passkey', success: false,
        failureReason: 'passkey_invalid', ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, now: ctx.now,
      });
      throw refuse(`The passkey could not be verified: ${error.message}`, 'passkey_invalid');
    }

    return ctx.db.transaction(async (tx) => {
      await recordPasskeyUse(tx, passkey.id, assertion.newCounter, assertion.backedUp, ctx.now);
      return completeSignIn(ctx, passkey.member_id, 'passkey', tx);
    });
  },
  { transaction: false },
);

export const routes = [signInMfa, passkeyOptions, passkeySignIn];
