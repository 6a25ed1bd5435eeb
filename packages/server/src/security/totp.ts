import { generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP (RFC 6238) as authenticator apps implement it: SHA-1, 6 digits, 30-second steps,
 * base32 secrets of 20 random bytes. Codes are accepted one step either side of the current one
 * (clock drift), and a code is never accepted twice: the caller stores the time step of the last
 * accepted code per member and passes it back as `lastUsedStep`.
 */
export const TOTP_ISSUER = 'BillingOne';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** A new base32 secret (20 random bytes, 160 bits as RFC 4226 recommends). */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app scans: issuer "BillingOne", label "BillingOne:<email>". */
export function totpUri(secret: string, email: string): string {
  return generateURI({
    issuer: TOTP_ISSUER,
    label: email,
    secret,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The RFC 6238 time step of an instant. */
export function totpTimeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export type TotpCheck =
  | { ok: true; timeStep: number }
  | { ok: false; reason: 'invalid' | 'replayed' };

export interface VerifyTotpInput {
  /** Base32 secret. */
  secret: string;
  code: string;
  at: Date;
  /** Time step of the last code accepted for this member, or null. Codes of that step or earlier are refused. */
  lastUsedStep: number | null;
}

export async function verifyTotp(input: VerifyTotpInput): Promise<TotpCheck> {
  const code = input.code.trim();
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'invalid' };
  const result = await verify({
    secret: input.secret,
    token: code,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(input.at.getTime() / 1000),
    // One step either side: [now - 30 s, now + 30 s] covers the previous, current and next step.
    epochTolerance: TOTP_PERIOD_SECONDS,
  });
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'invalid' };
  if (input.lastUsedStep !== null && result.timeStep <= input.lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, timeStep: result.timeStep };
}
