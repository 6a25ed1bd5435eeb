import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Email, Id, Timestamp } from './common.js';
import { csrfEndpoint } from './csrf.js';

export const SignInRequest = z.object({
  email: Email,
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(1024)),
});
export const SignInResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), csrfToken: z.string() }),
  z.object({ status: z.literal('mfa_required'), mfaToken: z.string(), methods: z.array(z.enum(['totp', 'recovery_code'])) }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const MfaCode = z.string().check(z.trim(), z.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));
export const RecoveryCode = z.string().check(z.trim(), z.regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/i, 'Enter a recovery code such as abcde-12345.'));

export const SignInMfaRequest = z.union([
  z.object({ mfaToken: z.string().check(z.minLength(1)), code: MfaCode }),
  z.object({ mfaToken: z.string().check(z.minLength(1)), recoveryCode: RecoveryCode }),
]);

/** WebAuthn JSON shapes stay opaque to the schema: @simplewebauthn validates them. */
export const WebAuthnJson = z.record(z.string(), z.unknown());

export const PasskeySignInOptions = z.object({ challengeId: Id, options: WebAuthnJson });
export const PasskeySignInRequest = z.object({ challengeId: Id, response: WebAuthnJson });

export { CsrfToken } from './csrf.js';

/** Server-to-server: exchange an organization API key for a short-lived member token. */
export const EmbedTokenRequest = z.object({
  memberEmail: Email,
  /** Lifetime in seconds (60–3600, default 900). */
  ttlSeconds: z.optional(z.number().check(z.int(), z.gte(60), z.lte(3600))),
});
export const EmbedToken = z.object({ token: z.string(), expiresAt: Timestamp, memberId: Id });
export type EmbedToken = z.infer<typeof EmbedToken>;

export const authEndpoints = {
  signIn: endpoint({
    id: 'auth.signIn', method: 'POST', path: '/auth/sign-in', tag: 'Auth', access: 'public',
    body: SignInRequest, response: SignInResult,
  }),
  signInMfa: endpoint({
    id: 'auth.signInMfa', method: 'POST', path: '/auth/sign-in/mfa', tag: 'Auth', access: 'public',
    body: SignInMfaRequest, response: SignInResult,
  }),
  passkeyOptions: endpoint({
    id: 'auth.passkeyOptions', method: 'POST', path: '/auth/passkey/options', tag: 'Auth', access: 'public',
    response: PasskeySignInOptions,
  }),
  passkeySignIn: endpoint({
    id: 'auth.passkeySignIn', method: 'POST', path: '/auth/passkey/verify', tag: 'Auth', access: 'public',
    body: PasskeySignInRequest, response: SignInResult,
  }),
  csrf: csrfEndpoint,
  signOut: endpoint({
    id: 'auth.signOut', method: 'POST', path: '/auth/sign-out', tag: 'Auth', access: 'member', mfaGate: 'allowed',
  }),
  embedToken: endpoint({
    id: 'auth.embedToken', method: 'POST', path: '/embed-tokens', tag: 'Auth', access: 'api-key', creates: true,
    body: EmbedTokenRequest, response: EmbedToken,
  }),
};
