import { securityEndpoints } from '@billingone/settings-core';
import { fieldProblem, keysetPage, problem, decodeTimeCursor, encodeCursor, base64urlDecode, base64urlEncode } from '@billingone/settings-core/implementation';
import { handler, iso, isoOrNull, type HandlerContext } from '../context.js';
import { RECENT_AUTH_MS, TOTP_ENROLLMENT_TTL_MS, type MemberRecord, type MockState } from '../state.js';
import { totpUri, verifyTotp } from '../totp.js';

/** Wrong codes allowed per member before a pause (the server's `codeAttemptLimit`). */
const codeAttemptLimit = { limit: 10, windowSeconds: 15 * 60 } as const;

const wrongCode = (reason: 'invalid' | 'replayed') =>
  fieldProblem(
    'code',
    reason === 'replayed' ? 'This code was already used. Wait for the next one.' : 'That code is not right. Check your authenticator app and try again.',
    reason === 'replayed' ? 'code_already_used' : 'invalid_code',
  );

function self(state: MockState, memberId: string): MemberRecord {
  const member = state.memberById(memberId);
  if (!member) throw problem(404, 'member_not_found', 'This member no longer exists.');
  return member;
}

const target = (member: MemberRecord) => ({ type: 'member', id: member.id, label: member.name });

function recentAuthUntil(ctx: HandlerContext): string | null {
  const at = ctx.actor.reauthenticatedAt;
  if (!at) return null;
  return at + RECENT_AUTH_MS > ctx.now ? iso(at + RECENT_AUTH_MS) : null;
}

function codesView(member: MemberRecord) {
  const set = member.recoveryCodes!;
  return { codes: set.codes.filter((code) => !set.used.has(code)), generatedAt: iso(set.generatedAt) };
}

/** Checks a code against the member's TOTP and records its step, refusing a replay. */
async function checkMemberTotp(member: MemberRecord, code: string, now: number): Promise<{ ok: true } | { ok: false; reason: 'invalid' | 'replayed' | 'not_enabled' }> {
  if (!member.totp) return { ok: false, reason: 'not_enabled' };
  const result = await verifyTotp({ secret: member.totp.secret, code, atMs: now, lastUsedStep: member.totp.lastUsedStep });
  if (!result.ok) return result;
  member.totp.lastUsedStep = result.timeStep;
  return { ok: true };
}

const passkeyJson = ({ credentialId: _credentialId, ...passkey }: MemberRecord['passkeys'][number]) => passkey;

export const securityHandlers = [
  handler(securityEndpoints.overview, (ctx) => {
    const member = self(ctx.state, ctx.actor.memberId);
    return {
      totp: { enabled: !!member.totp, enabledAt: isoOrNull(member.totp?.enabledAt) },
      passkeys: member.passkeys.map(passkeyJson),
      recoveryCodes: member.recoveryCodes
        ? { remaining: member.recoveryCodes.codes.length - member.recoveryCodes.used.size, generatedAt: iso(member.recoveryCodes.generatedAt) }
        : { remaining: 0, generatedAt: null },
      orgRequiresMfa: ctx.state.organization.requireMfa,
      recentAuthUntil: recentAuthUntil(ctx),
    };
  }),
  handler(securityEndpoints.startTotp, ({ actor, state, now, audit }) => {
    const member = self(state, actor.memberId);
    if (member.totp) throw problem(409, 'totp_already_enabled', 'Two-factor authentication with an app is already on. Turn it off first to use another app.');
    const enrollment = { id: state.newId('tte'), secret: state.newTotpSecret(), expiresAt: now + TOTP_ENROLLMENT_TTL_MS };
    state.totpEnrollments.set(member.id, enrollment);
    audit({ action: 'security.totp.enrollment_started', target: target(member) });
    return { enrollmentId: enrollment.id, secret: enrollment.secret, otpauthUri: totpUri(enrollment.secret, member.email), expiresAt: iso(enrollment.expiresAt) };
  }),
  handler(securityEndpoints.verifyTotp, async ({ actor, state, body, now, audit, rateLimit, resetRateLimit }) => {
    rateLimit('totp-code', actor.memberId, codeAttemptLimit);
    const member = self(state, actor.memberId);
    if (member.totp) throw problem(409, 'totp_already_enabled', 'Two-factor authentication with an app is already on.');
    const enrollment = state.totpEnrollments.get(member.id);
    if (!enrollment || enrollment.id !== body.enrollmentId || enrollment.expiresAt <= now) {
      throw problem(410, 'totp_enrollment_expired', 'This set-up has expired. Start again to get a new QR code.');
    }
    const check = await verifyTotp({ secret: enrollment.secret, code: body.code, atMs: now, lastUsedStep: null });
    if (!check.ok) throw wrongCode(check.reason);
    member.totp = { secret: enrollment.secret, lastUsedStep: check.timeStep, enabledAt: now };
    member.recoveryCodes = { codes: state.newRecoveryCodes(), used: new Set(), generatedAt: now };
    state.totpEnrollments.delete(member.id);
    resetRateLimit('totp-code', actor.memberId);
    audit({ action: 'security.totp.enabled', target: target(member), after: { totpEnabled: true } });
    return { recoveryCodes: codesView(member) };
  }),
  handler(securityEndpoints.disableTotp, async ({ actor, state, body, now, audit, rateLimit, resetRateLimit }) => {
    if (state.organization.requireMfa) {
      throw problem(403, 'mfa_required_by_organization', 'Your organization requires two-factor authentication, so it cannot be turned off.');
    }
    const member = self(state, actor.memberId);
    if (!member.totp) throw problem(409, 'totp_not_enabled', 'Two-factor authentication with an app is not on.');
    rateLimit('totp-code', actor.memberId, codeAttemptLimit);
    const check = await checkMemberTotp(member, body.code, now);
    if (!check.ok) throw wrongCode(check.reason === 'not_enabled' ? 'invalid' : check.reason);
    member.totp = null;
    member.recoveryCodes = null;
    resetRateLimit('totp-code', actor.memberId);
    audit({ action: 'security.totp.disabled', target: target(member), before: { totpEnabled: true }, after: { totpEnabled: false } });
  }),
  handler(securityEndpoints.reauthenticate, async ({ actor, state, body, now, audit, rateLimit, resetRateLimit }) => {
    rateLimit('reauthenticate', actor.memberId, codeAttemptLimit);
    const member = self(state, actor.memberId);
    let method: 'password' | 'totp';
    if ('password' in body) {
      method = 'password';
      if (member.password === null || member.password !== body.password) throw fieldProblem('password', 'That password is not right.', 'invalid_password');
    } else {
      method = 'totp';
      const check = await checkMemberTotp(member, body.code, now);
      if (!check.ok) {
        if (check.reason === 'not_enabled') throw fieldProblem('code', 'Two-factor authentication with an app is not on; use your password.', 'totp_not_enabled');
        throw wrongCode(check.reason);
      }
    }
    if (actor.kind === 'embed') state.embedReauthenticatedAt = now;
    const session = state.sessions.find((each) => each.id === actor.credentialId);
    if (session) session.reauthenticatedAt = now;
    resetRateLimit('reauthenticate', actor.memberId);
    audit({ action: 'security.reauthenticated', target: target(member), after: { method } });
    return { recentAuthUntil: iso(now + RECENT_AUTH_MS) };
  }),
  handler(securityEndpoints.viewRecoveryCodes, ({ actor, state, audit }) => {
    const member = self(state, actor.memberId);
    if (!member.recoveryCodes) throw problem(404, 'recovery_codes_not_found', 'You have no recovery codes. Turn on two-factor authentication first.');
    const view = codesView(member);
    audit({ action: 'security.recovery_codes.viewed', target: target(member), after: { remaining: view.codes.length } });
    return view;
  }),
  handler(securityEndpoints.regenerateRecoveryCodes, ({ actor, state, now, audit }) => {
    const member = self(state, actor.memberId);
    if (!member.totp) throw problem(409, 'totp_not_enabled', 'Recovery codes back up two-factor authentication with an app. Turn it on first.');
    member.recoveryCodes = { codes: state.newRecoveryCodes(), used: new Set(), generatedAt: now };
    audit({ action: 'security.recovery_codes.regenerated', target: target(member), after: { generated: 10 } });
    return codesView(member);
  }),
  handler(securityEndpoints.passkeyOptions, ({ actor, state, now, request, audit }) => {
    const member = self(state, actor.memberId);
    const challengeId = state.newId('chl');
    const challenge = base64urlEncode(`${challengeId}:${now}`);
    state.challenges.set(challengeId, { memberId: member.id, challenge, expiresAt: now + 5 * 60_000 });
    audit({ action: 'security.passkey.registration_started', target: target(member) });
    return {
      challengeId,
      options: {
        challenge,
        rp: { name: 'BillingOne', id: new URL(request.url).hostname },
        user: { id: base64urlEncode(member.id), name: member.email, displayName: member.name },
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
        timeout: 60_000,
        attestation: 'none',
        excludeCredentials: member.passkeys.map((passkey) => ({ type: 'public-key', id: passkey.credentialId })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      },
    };
  }),
  handler(securityEndpoints.registerPasskey, ({ actor, state, body, now, audit }) => {
    const member = self(state, actor.memberId);
    const pending = state.challenges.get(body.challengeId);
    state.challenges.delete(body.challengeId);
    const invalid = (message: string) => fieldProblem('response', message, 'passkey_invalid');
    if (!pending || pending.memberId !== member.id || pending.expiresAt <= now) throw invalid('This passkey request has expired. Try again.');
    const response = body.response as { id?: unknown; response?: { clientDataJSON?: unknown } };
    let clientData: { type?: string; challenge?: string };
    try {
      clientData = JSON.parse(base64urlDecode(String(response.response?.clientDataJSON ?? ''))) as typeof clientData;
    } catch {
      throw invalid('The passkey answer could not be read.');
    }
    if (clientData.type !== 'webauthn.create' || clientData.challenge !== pending.challenge) throw invalid('The passkey answer does not match this request.');
    const credentialId = String(response.id ?? '');
    if (state.members().some((each) => each.passkeys.some((passkey) => passkey.credentialId === credentialId))) {
      throw problem(409, 'passkey_already_registered', 'This passkey is already registered.');
    }
    const passkey = { id: state.newId('pk'), credentialId, name: body.name, createdAt: iso(now), lastUsedAt: null, deviceType: 'multiDevice' as const, backedUp: true };
    member.passkeys.push(passkey);
    audit({ action: 'security.passkey.registered', target: { type: 'passkey', id: passkey.id, label: passkey.name }, after: { name: passkey.name, deviceType: passkey.deviceType, backedUp: true } });
    return passkeyJson(passkey);
  }),
  handler(securityEndpoints.renamePasskey, ({ actor, state, params, body, audit }) => {
    const passkey = self(state, actor.memberId).passkeys.find((each) => each.id === params.id);
    if (!passkey) throw problem(404, 'passkey_not_found', 'There is no such passkey.');
    const before = passkey.name;
    passkey.name = body.name;
    audit({ action: 'security.passkey.renamed', target: { type: 'passkey', id: passkey.id, label: passkey.name }, before: { name: before }, after: { name: passkey.name } });
    return passkeyJson(passkey);
  }),
  handler(securityEndpoints.removePasskey, ({ actor, state, params, audit }) => {
    const member = self(state, actor.memberId);
    const index = member.passkeys.findIndex((each) => each.id === params.id);
    if (index < 0) throw problem(404, 'passkey_not_found', 'There is no such passkey.');
    if (state.organization.requireMfa && member.passkeys.length === 1 && !member.totp) {
      throw problem(403, 'mfa_required_by_organization', 'Your organization requires two-factor authentication: add another passkey or an authenticator app before removing this one.');
    }
    const [removed] = member.passkeys.splice(index, 1);
    audit({ action: 'security.passkey.removed', target: { type: 'passkey', id: removed!.id, label: removed!.name }, before: { name: removed!.name } });
  }),
  handler(securityEndpoints.loginHistory, ({ actor, state, query }) => {
    const limit = query.limit ?? 20;
    const rows = state.signedInMemberId === actor.memberId ? state.loginHistory : [];
    const sorted = [...rows].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rest = after ? sorted.filter((row) => row.at < after.at || (row.at === after.at && row.id < after.id)) : sorted;
    const { page, nextCursor } = keysetPage(rest, limit, (last) => encodeCursor([iso(last.at), last.id]));
    return {
      items: page.map((row) => ({ id: row.id, at: iso(row.at), method: row.method, success: row.success, ip: row.ip, userAgent: row.userAgent, location: row.location })),
      nextCursor,
    };
  }),
];
