import { generate } from 'otplib';
import { apiCall } from './api.js';

/**
 * The code an authenticator app shows for a base32 `secret` now, or `steps` 30-second steps later.
 * The server refuses a code of a step it already accepted, so a second check right after another
 * one (enrolment, then turning it off) uses the next step's code, which it accepts once.
 */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret: secret.replace(/\s+/g, ''), epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/**
 * Turns TOTP on for the member the page (or `headers`, e.g. a bearer token) is signed in as, through
 * the API, and answers the secret and the recovery codes shown at enrolment.
 */
export async function enrolTotp(headers: Record<string, string> = {}): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await apiCall<{ enrollmentId: string; secret: string }>('POST', '/security/totp', { headers: { 'idempotency-key': crypto.randomUUID(), ...headers } });
  if (start.status !== 201) throw new Error(`TOTP enrolment start answered ${start.status}: ${JSON.stringify(start.body)}`);
  const { enrollmentId, secret } = start.body;
  const verify = await apiCall<{ recoveryCodes: { codes: string[] } }>('POST', '/security/totp/verify', {
    headers,
    body: { enrollmentId, code: await totpCode(secret) },
  });
  if (verify.status !== 200) throw new Error(`TOTP enrolment verify answered ${verify.status}: ${JSON.stringify(verify.body)}`);
  return { secret, recoveryCodes: verify.body.recoveryCodes.codes };
}

/** Sets the organization's “Require MFA for all team members” policy as the signed-in Owner or Admin (who needs MFA first). */
export async function setOrganizationRequiresMfa(requireMfa: boolean): Promise<void> {
  const current = await apiCall('GET', '/organization');
  const etag = current.headers.get('etag');
  if (current.status !== 200 || !etag) throw new Error(`Reading the organization answered ${current.status}.`);
  const update = await apiCall('PATCH', '/organization', { headers: { 'if-match': etag }, body: { requireMfa } });
  if (update.status !== 200) throw new Error(`Setting requireMfa answered ${update.status}: ${JSON.stringify(update.body)}`);
}
