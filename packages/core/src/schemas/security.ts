import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Id, Page, PageQuery, Timestamp } from './common.js';
import { MfaCode, WebAuthnJson } from './auth.js';

export const Passkey = z.object({
  id: Id,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
  deviceType: z.enum(['singleDevice', 'multiDevice']),
  backedUp: z.boolean(),
});
export type Passkey = z.infer<typeof Passkey>;

export const SecurityOverview = z.object({
  totp: z.object({ enabled: z.boolean(), enabledAt: z.nullable(Timestamp) }),
  passkeys: z.array(Passkey),
  recoveryCodes: z.object({ remaining: z.number().check(z.int(), z.gte(0)), generatedAt: z.nullable(Timestamp) }),
  orgRequiresMfa: z.boolean(),
  /** Until when the last re-authentication lets you view recovery codes; null when none is recent. */
  recentAuthUntil: z.nullable(Timestamp),
});
export type SecurityOverview = z.infer<typeof SecurityOverview>;

export const TotpEnrollment = z.object({
  enrollmentId: Id,
  /** Base32 secret for manual entry. */
  secret: z.string(),
  /** otpauth:// URI to draw as a QR code. */
  otpauthUri: z.string(),
  expiresAt: Timestamp,
});
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

export const TotpVerify = z.object({ enrollmentId: Id, code: MfaCode });
export const RecoveryCodes = z.object({ codes: z.array(z.string()), generatedAt: Timestamp });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
export const TotpEnabled = z.object({ recoveryCodes: RecoveryCodes });
export const TotpDisable = z.object({ code: MfaCode });

/** Step-up re-authentication before sensitive actions. */
export const ReAuthenticate = z.union([
  z.object({ password: z.string().check(z.minLength(1, 'Enter your password.')) }),
  z.object({ code: MfaCode }),
]);
export const ReAuthenticated = z.object({ recentAuthUntil: Timestamp });

export const PasskeyRegistrationOptions = z.object({ challengeId: Id, options: WebAuthnJson });
export const PasskeyName = z.string().check(z.trim(), z.minLength(1, 'Name the passkey.'), z.maxLength(64, 'Use at most 64 characters.'));
export const PasskeyRegistration = z.object({ challengeId: Id, name: PasskeyName, response: WebAuthnJson });
export const PasskeyRename = z.object({ name: PasskeyName });

export const LoginHistoryEntry = z.object({
  id: Id,
  at: Timestamp,
  method: z.enum(['password', 'password+totp', 'password+recovery_code', 'passkey', 'embed_token', 'invitation']),
  success: z.boolean(),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  location: z.nullable(z.string()),
});
export type LoginHistoryEntry = z.infer<typeof LoginHistoryEntry>;

const s = { tag: 'Security', access: 'self.manage' } as const;
export const securityEndpoints = {
  overview: endpoint({ ...s, id: 'security.get', method: 'GET', path: '/security', response: SecurityOverview, mfaGate: 'allowed' }),
  startTotp: endpoint({ ...s, id: 'security.totp.start', method: 'POST', path: '/security/totp', response: TotpEnrollment, mfaGate: 'allowed', creates: true }),
  verifyTotp: endpoint({ ...s, id: 'security.totp.verify', method: 'POST', path: '/security/totp/verify', body: TotpVerify, response: TotpEnabled, mfaGate: 'allowed' }),
  disableTotp: endpoint({ ...s, id: 'security.totp.disable', method: 'POST', path: '/security/totp/disable', body: TotpDisable }),
  reauthenticate: endpoint({ ...s, id: 'security.reauthenticate', method: 'POST', path: '/security/reauthenticate', body: ReAuthenticate, response: ReAuthenticated, mfaGate: 'allowed' }),
  viewRecoveryCodes: endpoint({ ...s, id: 'security.recoveryCodes.get', method: 'GET', path: '/security/recovery-codes', response: RecoveryCodes, recentAuth: true }),
  regenerateRecoveryCodes: endpoint({ ...s, id: 'security.recoveryCodes.regenerate', method: 'POST', path: '/security/recovery-codes', response: RecoveryCodes, recentAuth: true }),
  passkeyOptions: endpoint({ ...s, id: 'security.passkeys.options', method: 'POST', path: '/security/passkeys/options', response: PasskeyRegistrationOptions, mfaGate: 'allowed' }),
  registerPasskey: endpoint({ ...s, id: 'security.passkeys.register', method: 'POST', path: '/security/passkeys', body: PasskeyRegistration, response: Passkey, creates: true, mfaGate: 'allowed' }),
  renamePasskey: endpoint({ ...s, id: 'security.passkeys.rename', method: 'PATCH', path: '/security/passkeys/{id}', params: z.object({ id: Id }), body: PasskeyRename, response: Passkey }),
  removePasskey: endpoint({ ...s, id: 'security.passkeys.remove', method: 'DELETE', path: '/security/passkeys/{id}', params: z.object({ id: Id }) }),
  loginHistory: endpoint({ ...s, id: 'security.loginHistory', method: 'GET', path: '/security/login-history', query: PageQuery, response: Page(LoginHistoryEntry) }),
};
