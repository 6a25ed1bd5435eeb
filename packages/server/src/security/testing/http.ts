import type { TestServer } from '../../testing/harness.js';
import type { SoftAuthenticator } from './soft-authenticator.js';
import { totpCodeAt } from './totp-code.js';

/**
 * Test steps over HTTP shared by the security route tests: what a member does in the browser,
 * with codes computed the way an authenticator app computes them.
 */
export async function enrolTotp(t: TestServer, who: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await t.request('POST', '/security/totp', { as: who });
  if (start.status !== 201) throw new Error(`TOTP start answered ${start.status}: ${start.text}`);
  const { enrollmentId, secret } = start.body as { enrollmentId: string; secret: string };
  const verify = await t.request('POST', '/security/totp/verify', { as: who, body: { enrollmentId, code: totpCodeAt(secret, t.clock()) } });
  if (verify.status !== 200) throw new Error(`TOTP verify answered ${verify.status}: ${verify.text}`);
  return { secret, recoveryCodes: verify.body.recoveryCodes.codes as string[] };
}

/** Password sign-in up to the second step; answers the mfaToken. */
export async function passwordStep(t: TestServer, email: string): Promise<string> {
  const res = await t.request('POST', '/auth/sign-in', { body: { email, password: t.fixture.password } });
  if (res.status !== 200 || res.body.status !== 'mfa_required') throw new Error(`Sign-in answered ${res.status}: ${res.text}`);
  return res.body.mfaToken as string;
}

/** The session cookie a response set, as a request header value. */
export function sessionCookieOf(res: { headers: Headers }): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /billingone_session=([^;]+)/.exec(header);
  return match ? `billingone_session=${match[1]}` : null;
}

/** Registers a passkey made by `authenticator` for a member; answers the Passkey JSON. */
export async function registerPasskey(t: TestServer, who: string, authenticator: SoftAuthenticator, name = 'Laptop'): Promise<{ id: string; name: string }> {
  const options = await t.request('POST', '/security/passkeys/options', { as: who });
  if (options.status !== 200) throw new Error(`Passkey options answered ${options.status}: ${options.text}`);
  const response = authenticator.createCredential(options.body.options);
  const res = await t.request('POST', '/security/passkeys', { as: who, body: { challengeId: options.body.challengeId, name, response } });
  if (res.status !== 201) throw new Error(`Passkey registration answered ${res.status}: ${res.text}`);
  return res.body;
}
