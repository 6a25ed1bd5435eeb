import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrolTotp, passwordStep, sessionCookieOf } from '../security/testing/http.js';
import { SoftAuthenticator } from '../security/testing/soft-authenticator.js';
import { totpCodeAt } from '../security/testing/totp-code.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

/** The member's login events, in a stable order (events of the same instant have none of their own). */
async function history(memberId: string) {
  const { rows } = await t.db.query<{ method: string; success: boolean; failure_reason: string | null }>(
    'SELECT method, success, failure_reason FROM login_events WHERE member_id = $1 ORDER BY success DESC, method, failure_reason',
    [memberId],
  );
  return rows;
}

async function meWith(cookie: string) {
  return t.request('GET', '/me', { as: { headers: { cookie } } });
}

describe('POST /v1/auth/sign-in/mfa with a TOTP code', () => {
  it('completes a password sign-in with the current code, and refuses the same code again', async () => {
    const { secret } = await enrolTotp(t, 'admin');
    t.clock.advance(30_000); // the enrolment used the code of the first step
    const mfaToken = await passwordStep(t, 'admin@acme.test');
    const code = totpCodeAt(secret, t.clock());

    const res = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken, code } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'signed_in', csrfToken: expect.any(String) });
    const cookie = sessionCookieOf(res);
    expect(cookie).not.toBeNull();
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const me = await meWith(cookie!);
    expect(me.status).toBe(200);
    expect(me.body.member.id).toBe('mem_admin');

    // The challenge is spent, and a new one refuses the code already used.
    expect((await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken, code } })).status).toBe(401);
    const again = await passwordStep(t, 'admin@acme.test');
    const replay = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: again, code } });
    expect(replay.status).toBe(422);
    expect(replay.body.code).toBe('code_already_used');
    expect(sessionCookieOf(replay)).toBeNull();

    expect(await history('mem_admin')).toEqual([
      { method: 'password+totp', success: true, failure_reason: null },
      { method: 'password+totp', success: false, failure_reason: 'code_already_used' },
    ]);
    const listed = await t.request('GET', '/security/login-history', { as: { headers: { cookie: cookie! } } });
    expect(listed.body.items.map((item: { method: string; success: boolean }) => [item.method, item.success])).toEqual(
      expect.arrayContaining([['password+totp', true], ['password+totp', false]]),
    );
  });

  it('accepts the previous step’s code (clock drift) but not one two steps old', async () => {
    const { secret } = await enrolTotp(t, 'admin');
    t.clock.advance(5 * 60_000);
    const old = totpCodeAt(secret, t.clock().getTime() / 1000 - 60);
    const tooOld = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'admin@acme.test'), code: old } });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.code).toBe('invalid_code');
    const previous = totpCodeAt(secret, t.clock().getTime() / 1000 - 30);
    const ok = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'admin@acme.test'), code: previous } });
    expect(ok.status).toBe(200);
  });

  it('allows five codes per password sign-in, then asks to sign in again', async () => {
    await enrolTotp(t, 'finance');
    const mfaToken = await passwordStep(t, 'finance@acme.test');
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken, code: '000000' } });
      expect(res.status).toBe(422);
      expect(res.body.fieldErrors[0]).toMatchObject({ path: 'code', code: 'invalid_code' });
    }
    const sixth = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken, code: '000000' } });
    expect(sixth.status).toBe(401);
    expect(sixth.body.code).toBe('mfa_challenge_expired');
    expect((await history('mem_finance')).filter((event) => !event.success)).toHaveLength(5);
  });

  it('refuses unknown and expired tokens', async () => {
    await enrolTotp(t, 'finance');
    expect((await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: 'mfa_nope', code: '123456' } })).status).toBe(401);
    const mfaToken = await passwordStep(t, 'finance@acme.test');
    t.clock.advance(5 * 60_000 + 1);
    expect((await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken, code: '123456' } })).status).toBe(401);
  });
});

describe('POST /v1/auth/sign-in/mfa with a recovery code', () => {
  it('signs in once per code, in any case and with or without the dash', async () => {
    const { recoveryCodes } = await enrolTotp(t, 'owner');
    const code = recoveryCodes[3]!;
    const res = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'owner@acme.test'), recoveryCode: code.toUpperCase().replace('-', '') } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    const cookie = sessionCookieOf(res)!;
    expect((await t.request('GET', '/security', { as: { headers: { cookie } } })).body.recoveryCodes.remaining).toBe(9);

    const reuse = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'owner@acme.test'), recoveryCode: code } });
    expect(reuse.status).toBe(422);
    expect(reuse.body.fieldErrors[0]).toMatchObject({ path: 'recoveryCode', code: 'invalid_recovery_code' });

    // The used code no longer shows when viewing the codes.
    const view = await t.request('GET', '/security/recovery-codes', { as: { headers: { cookie } } });
    expect(view.body.codes).toEqual(recoveryCodes.filter((c) => c !== code));

    const { rows } = await t.db.query<{ action: string; after: { remaining: number } }>(`SELECT action, after FROM audit_logs WHERE action = 'security.recovery_code.used'`);
    expect(rows).toEqual([{ action: 'security.recovery_code.used', after: { remaining: 9 } }]);
    expect(await history('mem_owner')).toEqual([
      { method: 'password+recovery_code', success: true, failure_reason: null },
      { method: 'password+recovery_code', success: false, failure_reason: 'invalid_recovery_code' },
    ]);
  });

  it('stops accepting the old codes once they are regenerated', async () => {
    const { recoveryCodes } = await enrolTotp(t, 'owner');
    const fresh = await t.request('POST', '/security/recovery-codes', { as: 'owner' });
    expect(fresh.status).toBe(200);
    const old = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'owner@acme.test'), recoveryCode: recoveryCodes[0] } });
    expect(old.status).toBe(422);
    const ok = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'owner@acme.test'), recoveryCode: fresh.body.codes[0] } });
    expect(ok.status).toBe(200);
  });

  it('does not accept another member’s recovery code', async () => {
    const owner = await enrolTotp(t, 'owner');
    await enrolTotp(t, 'admin');
    const res = await t.request('POST', '/auth/sign-in/mfa', { body: { mfaToken: await passwordStep(t, 'admin@acme.test'), recoveryCode: owner.recoveryCodes[0] } });
    expect(res.status).toBe(422);
  });
});

describe('passkey sign-in', () => {
  const origin = 'http://localhost';

  async function registerPasskey(who: string, authenticator: SoftAuthenticator) {
    const options = await t.request('POST', '/security/passkeys/options', { as: who });
    const response = authenticator.createCredential(options.body.options);
    const res = await t.request('POST', '/security/passkeys', { as: who, body: { challengeId: options.body.challengeId, name: 'Laptop', response } });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  it('signs in with a registered passkey, without email or password', async () => {
    const authenticator = new SoftAuthenticator({ origin });
    const passkey = await registerPasskey('engineer', authenticator);
    t.clock.advance(60_000);

    const options = await t.request('POST', '/auth/passkey/options');
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({ rpId: 'localhost', userVerification: 'preferred' });
    const response = authenticator.getAssertion(options.body.options);
    const res = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: options.body.challengeId, response } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    const cookie = sessionCookieOf(res)!;
    const me = await meWith(cookie);
    expect(me.body.member.id).toBe('mem_engineer');

    const overview = await t.request('GET', '/security', { as: { headers: { cookie } } });
    expect(overview.body.passkeys).toEqual([expect.objectContaining({ id: passkey.id, lastUsedAt: '2026-11-24T09:01:00.000Z' })]);
    const { rows } = await t.db.query('SELECT counter FROM passkeys WHERE id = $1', [passkey.id]);
    expect(Number(rows[0].counter)).toBe(1);
    expect(await history('mem_engineer')).toEqual([{ method: 'passkey', success: true, failure_reason: null }]);
  });

  it('refuses a replayed assertion, a wrong origin, an unknown passkey and a cloned counter', async () => {
    const authenticator = new SoftAuthenticator({ origin });
    await registerPasskey('engineer', authenticator);

    const first = await t.request('POST', '/auth/passkey/options');
    const response = authenticator.getAssertion(first.body.options);
    expect((await t.request('POST', '/auth/passkey/verify', { body: { challengeId: first.body.challengeId, response } })).status).toBe(200);
    const replay = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: first.body.challengeId, response } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('passkey_invalid');

    const second = await t.request('POST', '/auth/passkey/options');
    const phished = authenticator.getAssertion(second.body.options, { origin: 'https://billing0ne.example' });
    const wrongOrigin = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: second.body.challengeId, response: phished } });
    expect(wrongOrigin.status).toBe(401);
    expect(sessionCookieOf(wrongOrigin)).toBeNull();

    const third = await t.request('POST', '/auth/passkey/options');
    const stranger = new SoftAuthenticator({ origin });
    stranger.createCredential({ challenge: 'x', rp: { id: 'localhost', name: 'x' }, user: { id: 'eA', name: 'x', displayName: 'x' } });
    const unknown = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: third.body.challengeId, response: stranger.getAssertion(third.body.options) } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('passkey_not_recognized');
    // That attempt used the challenge up.
    const retry = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: third.body.challengeId, response: authenticator.getAssertion(third.body.options) } });
    expect(retry.status).toBe(401);

    const fourth = await t.request('POST', '/auth/passkey/options');
    const cloned = authenticator.getAssertion(fourth.body.options, { counter: 1 });
    const clonedRes = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: fourth.body.challengeId, response: cloned } });
    expect(clonedRes.status).toBe(401);
    expect(clonedRes.body.detail).toMatch(/counter/i);

    const failures = (await history('mem_engineer')).filter((event) => !event.success);
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a malformed assertion with a field error', async () => {
    const options = await t.request('POST', '/auth/passkey/options');
    const res = await t.request('POST', '/auth/passkey/verify', { body: { challengeId: options.body.challengeId, response: { type: 'public-key' } } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0].path).toBe('response');
  });
});
