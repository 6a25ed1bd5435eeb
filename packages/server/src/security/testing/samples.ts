import type { Role } from '@billingone/settings-core';
import type { TestServer } from '../../testing/harness.js';
import type { SampleFactory } from '../../testing/samples.js';
import { tinyPng } from '../../uploads/testing/images.js';
import { enrolTotp, passwordStep, registerPasskey } from './http.js';
import { SoftAuthenticator } from './soft-authenticator.js';
import { totpCodeAt } from './totp-code.js';

/**
 * Valid requests of the security, second-factor sign-in and upload endpoints, for the generic
 * role × endpoint, audit and fuzz checks (spread into `samples`).
 *
 * Samples that need a second factor first skip setting it up while the organization requires
 * MFA: there the enrolment gate answers before the handler, and enrolling would lift the gate the
 * check is about. Upload endpoints have no sample: the generic checks send their own bytes.
 */
const origin = 'http://localhost';

async function mfaRequired(t: TestServer): Promise<boolean> {
  const { rows } = await t.db.query<{ require_mfa: boolean }>("SELECT require_mfa FROM organizations WHERE id = 'org_acme'");
  return rows[0]?.require_mfa ?? false;
}

async function emailOf(t: TestServer, as: Role): Promise<string> {
  const { rows } = await t.db.query<{ email: string }>('SELECT email FROM members WHERE id = $1', [await t.memberId(as)]);
  return rows[0]!.email;
}

export const securitySamples: Record<string, SampleFactory> = {
  'security.get': () => ({}),
  'security.totp.start': () => ({}),
  'security.totp.verify': async (t, as) => {
    const start = await t.request('POST', '/security/totp', { as });
    return { body: { enrollmentId: start.body.enrollmentId, code: totpCodeAt(start.body.secret, t.clock()) } };
  },
  'security.totp.disable': async (t, as) => {
    if (await mfaRequired(t)) return { body: { code: '000000' } };
    const { secret } = await enrolTotp(t, as);
    t.clock.advance(30_000);
    return { body: { code: totpCodeAt(secret, t.clock()) } };
  },
  'security.reauthenticate': (t) => ({ body: { password: t.fixture.password } }),
  'security.recoveryCodes.get': async (t, as) => {
    if (!(await mfaRequired(t))) await enrolTotp(t, as);
    return {};
  },
  'security.recoveryCodes.regenerate': async (t, as) => {
    if (!(await mfaRequired(t))) await enrolTotp(t, as);
    return {};
  },
  'security.passkeys.options': () => ({}),
  'security.passkeys.register': async (t, as) => {
    if (await mfaRequired(t)) return { body: { challengeId: 'wch_sample', name: 'Sample', response: {} } };
    const options = await t.request('POST', '/security/passkeys/options', { as });
    const response = new SoftAuthenticator({ origin }).createCredential(options.body.options);
    return { body: { challengeId: options.body.challengeId, name: 'Sample passkey', response } };
  },
  'security.passkeys.rename': async (t, as) => {
    if (await mfaRequired(t)) return { params: { id: 'pky_sample' }, body: { name: 'Renamed' } };
    const passkey = await registerPasskey(t, as, new SoftAuthenticator({ origin }));
    return { params: { id: passkey.id }, body: { name: 'Renamed' } };
  },
  'security.passkeys.remove': async (t, as) => {
    if (await mfaRequired(t)) return { params: { id: 'pky_sample' } };
    const passkey = await registerPasskey(t, as, new SoftAuthenticator({ origin }));
    return { params: { id: passkey.id } };
  },
  'security.loginHistory': () => ({ query: { limit: 5 } }),

  'auth.signInMfa': async (t, as) => {
    const { secret } = await enrolTotp(t, as);
    t.clock.advance(30_000);
    const mfaToken = await passwordStep(t, await emailOf(t, as));
    return { body: { mfaToken, code: totpCodeAt(secret, t.clock()) } };
  },
  // auth.passkeyOptions has no sample: it only issues a challenge to an anonymous visitor, so
  // there is no organization to write an audit entry for (auth.passkeySignIn is audited).
  'auth.passkeySignIn': async (t, as) => {
    const authenticator = new SoftAuthenticator({ origin });
    await registerPasskey(t, as, authenticator);
    const options = await t.request('POST', '/auth/passkey/options');
    return { body: { challengeId: options.body.challengeId, response: authenticator.getAssertion(options.body.options) } };
  },

  'profile.removeAvatar': async (t, as) => {
    await t.request('PUT', '/profile/avatar', { as, body: tinyPng(), headers: { 'content-type': 'image/png' } });
    return {};
  },
  'branding.removeLogo': async (t, as) => {
    await t.request('PUT', '/branding/logo', { as, body: tinyPng(), headers: { 'content-type': 'image/png' } });
    return {};
  },
};
