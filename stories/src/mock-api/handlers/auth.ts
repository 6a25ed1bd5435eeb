import { authEndpoints } from '@billingone/settings-core';
import { fieldProblem, problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import { SESSION_TTL_MS, type MockState } from '../state.js';
import { verifyTotp } from '../totp.js';

/** Pending second-factor sign-ins: token → member. */
const pendingMfa = new WeakMap<MockState, Map<string, string>>();

function pending(state: MockState): Map<string, string> {
  let map = pendingMfa.get(state);
  if (!map) {
    map = new Map();
    pendingMfa.set(state, map);
  }
  return map;
}

/** Signs the member in on this page: a new current session with its CSRF token. */
function startSession(state: MockState, memberId: string, now: number) {
  const id = state.newId('ses');
  const csrfToken = state.newId('csrf');
  state.sessions.push({
    id, memberId, browser: 'Chrome 131', os: 'macOS', ip: '198.51.100.23', location: 'London, United Kingdom',
    createdAt: now, lastActiveAt: now, expiresAt: now + SESSION_TTL_MS, reauthenticatedAt: now, csrfToken,
  });
  state.currentSessionId = id;
  return { status: 'signed_in' as const, csrfToken };
}

const wrongPassword = () => problem(401, 'invalid_credentials', 'The email or password is not right.');

export const authHandlers = [
  handler(authEndpoints.signIn, ({ body, state, now }) => {
    const member = state.members().find((each) => each.email.toLowerCase() === body.email.toLowerCase());
    if (!member || member.password === null || member.password !== body.password) throw wrongPassword();
    if (member.totp) {
      const mfaToken = state.newId('mfa');
      pending(state).set(mfaToken, member.id);
      return { status: 'mfa_required' as const, mfaToken, methods: ['totp' as const, 'recovery_code' as const] };
    }
    return startSession(state, member.id, now);
  }),
  handler(authEndpoints.signInMfa, async ({ body, state, now }) => {
    const memberId = pending(state).get(body.mfaToken);
    const member = memberId ? state.memberById(memberId) : undefined;
    if (!member) throw problem(401, 'mfa_token_invalid', 'This sign-in has expired. Start again.');
    if ('code' in body) {
      if (!member.totp) throw fieldProblem('code', 'That code is not right. Check your authenticator app and try again.', 'invalid_code');
      const check = await verifyTotp({ secret: member.totp.secret, code: body.code, atMs: now, lastUsedStep: member.totp.lastUsedStep });
      if (!check.ok) {
        throw fieldProblem('code', check.reason === 'replayed' ? 'This code was already used. Wait for the next one.' : 'That code is not right. Check your authenticator app and try again.', check.reason === 'replayed' ? 'code_already_used' : 'invalid_code');
      }
      member.totp.lastUsedStep = check.timeStep;
    } else {
      const code = body.recoveryCode.toLowerCase().replace(/[\s-]/g, '');
      const match = member.recoveryCodes?.codes.find((each) => each.replace('-', '') === code && !member.recoveryCodes!.used.has(each));
      if (!match) throw fieldProblem('recoveryCode', 'That recovery code is not right or was already used.', 'invalid_recovery_code');
      member.recoveryCodes!.used.add(match);
    }
    pending(state).delete(body.mfaToken);
    return startSession(state, member.id, now);
  }),
  handler(authEndpoints.passkeyOptions, ({ state, now, request }) => {
    const challengeId = state.newId('chl');
    const challenge = state.newId('challenge');
    state.challenges.set(challengeId, { memberId: '', challenge, expiresAt: now + 5 * 60_000 });
    return { challengeId, options: { challenge, rpId: new URL(request.url).hostname, timeout: 60_000, userVerification: 'preferred', allowCredentials: [] } };
  }),
  handler(authEndpoints.passkeySignIn, () => {
    throw fieldProblem('response', 'This passkey is not registered here.', 'passkey_invalid');
  }),
  handler(authEndpoints.csrf, ({ actor, state }) => {
    const session = state.sessions.find((each) => each.id === actor.credentialId);
    if (!session) throw problem(403, 'csrf_unavailable', 'Embed tokens need no CSRF token.');
    return { csrfToken: session.csrfToken };
  }),
  handler(authEndpoints.signOut, ({ actor, state }) => {
    const index = state.sessions.findIndex((each) => each.id === actor.credentialId);
    if (index >= 0) state.sessions.splice(index, 1);
    if (state.currentSessionId === actor.credentialId) state.currentSessionId = null;
  }),
  handler(authEndpoints.embedToken, ({ body, state, now }) => {
    const member = state.members().find((each) => each.email.toLowerCase() === body.memberEmail.toLowerCase());
    if (!member) throw fieldProblem('memberEmail', 'No member of this organization has this address.', 'member_not_found', 404);
    return { token: state.embedToken, expiresAt: iso(now + (body.ttlSeconds ?? 900) * 1000), memberId: member.id };
  }),
];
