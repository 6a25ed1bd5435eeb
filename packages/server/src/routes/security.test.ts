import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrolTotp } from '../security/testing/http.js';
import { SoftAuthenticator } from '../security/testing/soft-authenticator.js';
import { totpCodeAt } from '../security/testing/totp-code.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const MIN = 60_000;

async function auditText(): Promise<string> {
  const { rows } = await t.db.query('SELECT action, before::text AS before, after::text AS after, target_label FROM audit_logs ORDER BY created_at, id');
  return JSON.stringify(rows);
}

/** The member's audit actions, sorted (entries written at the same instant have no order). */
async function auditActions(memberId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ action: string }>('SELECT action FROM audit_logs WHERE actor_id = $1', [memberId]);
  return rows.map((row) => row.action).sort();
}

describe('GET /v1/security', () => {
  it('answers the state of a member without second factors', async () => {
    const res = await t.request('GET', '/security', { as: 'engineer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      totp: { enabled: false, enabledAt: null },
      passkeys: [],
      recoveryCodes: { remaining: 0, generatedAt: null },
      orgRequiresMfa: false,
      // Signing in counts as authenticating: ten minutes from then.
      recentAuthUntil: '2026-11-24T09:10:00.000Z',
    });
    t.clock.advance(11 * MIN);
    expect((await t.request('GET', '/security', { as: 'engineer' })).body.recentAuthUntil).toBeNull();
  });

  it('is reachable at the MFA enrolment gate, and needs a session', async () => {
    await t.db.query('UPDATE organizations SET require_mfa = true WHERE id = $1', ['org_acme']);
    const res = await t.request('GET', '/security', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.orgRequiresMfa).toBe(true);
    expect((await t.request('GET', '/security')).status).toBe(401);
  });
});

describe('TOTP enrolment', () => {
  it('starts with a secret and otpauth URI, enables with a code and returns 10 recovery codes once', async () => {
    const start = await t.request('POST', '/security/totp', { as: 'finance' });
    expect(start.status).toBe(201);
    expect(start.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(start.body.otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe('/BillingOne:finance@acme.test');
    expect(uri.searchParams.get('secret')).toBe(start.body.secret);
    expect(start.body.expiresAt).toBe('2026-11-24T09:10:00.000Z');

    t.clock.advance(20_000);
    const verify = await t.request('POST', '/security/totp/verify', {
      as: 'finance',
      body: { enrollmentId: start.body.enrollmentId, code: totpCodeAt(start.body.secret, t.clock()) },
    });
    expect(verify.status).toBe(200);
    const { codes, generatedAt } = verify.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(generatedAt).toBe('2026-11-24T09:00:20.000Z');

    const overview = await t.request('GET', '/security', { as: 'finance' });
    expect(overview.body.totp).toEqual({ enabled: true, enabledAt: '2026-11-24T09:00:20.000Z' });
    expect(overview.body.recoveryCodes).toEqual({ remaining: 10, generatedAt: '2026-11-24T09:00:20.000Z' });
    const me = await t.request('GET', '/me', { as: 'finance' });
    expect(me.body.mfa.totpEnabled).toBe(true);

    // Neither the secret nor a code reaches the audit log (or the database in clear).
    const audit = await auditText();
    expect(audit).not.toContain(start.body.secret);
    for (const code of codes) expect(audit).not.toContain(code);
    expect(await auditActions('mem_finance')).toEqual(['security.totp.enabled', 'security.totp.enrollment_started']);
    const { rows } = await t.db.query('SELECT secret_sealed FROM member_totp WHERE member_id = $1', ['mem_finance']);
    expect(rows[0].secret_sealed).toMatch(/^v1\./);
    expect(rows[0].secret_sealed).not.toContain(start.body.secret);
  });

  it('refuses a wrong code with a field error, and an expired enrolment', async () => {
    const start = await t.request('POST', '/security/totp', { as: 'viewer' });
    const good = totpCodeAt(start.body.secret, t.clock());
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const res = await t.request('POST', '/security/totp/verify', { as: 'viewer', body: { enrollmentId: start.body.enrollmentId, code: wrong } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_code');
    expect(res.body.fieldErrors).toEqual([expect.objectContaining({ path: 'code', code: 'invalid_code' })]);
    expect((await t.request('GET', '/security', { as: 'viewer' })).body.totp.enabled).toBe(false);

    const malformed = await t.request('POST', '/security/totp/verify', { as: 'viewer', body: { enrollmentId: start.body.enrollmentId, code: '12ab' } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.fieldErrors[0].path).toBe('code');

    t.clock.advance(11 * MIN);
    const late = await t.request('POST', '/security/totp/verify', {
      as: 'viewer',
      body: { enrollmentId: start.body.enrollmentId, code: totpCodeAt(start.body.secret, t.clock()) },
    });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('totp_enrollment_expired');
  });

  it('keeps enrolments to their member and refuses a second enrolment while enabled', async () => {
    const start = await t.request('POST', '/security/totp', { as: 'viewer' });
    const stolen = await t.request('POST', '/security/totp/verify', {
      as: 'engineer',
      body: { enrollmentId: start.body.enrollmentId, code: totpCodeAt(start.body.secret, t.clock()) },
    });
    expect(stolen.status).toBe(410);
    await enrolTotp(t, 'admin');
    const again = await t.request('POST', '/security/totp', { as: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('totp_already_enabled');
  });

  it('limits wrong codes per member', async () => {
    const who = 'viewer';
    const start = await t.request('POST', '/security/totp', { as: who });
    let last;
    for (let i = 0; i < 11; i++) {
      last = await t.request('POST', '/security/totp/verify', { as: who, body: { enrollmentId: start.body.enrollmentId, code: '000000' } });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets a member held at the enrolment gate enrol, which lifts the gate', async () => {
    await t.db.query('UPDATE organizations SET require_mfa = true WHERE id = $1', ['org_acme']);
    expect((await t.request('GET', '/profile', { as: 'viewer' })).status).toBe(403);
    await enrolTotp(t, 'viewer');
    expect((await t.request('GET', '/profile', { as: 'viewer' })).status).toBe(200);
  });
});

describe('disabling TOTP', () => {
  it('needs a current code, refuses a replayed one, and removes the recovery codes', async () => {
    const { secret } = await enrolTotp(t, 'engineer');
    const sameStep = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: totpCodeAt(secret, t.clock()) } });
    expect(sameStep.status).toBe(422);
    expect(sameStep.body.code).toBe('code_already_used');

    t.clock.advance(30_000);
    const res = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: totpCodeAt(secret, t.clock()) } });
    expect(res.status).toBe(204);
    const overview = await t.request('GET', '/security', { as: 'engineer' });
    expect(overview.body.totp.enabled).toBe(false);
    expect(overview.body.recoveryCodes).toEqual({ remaining: 0, generatedAt: null });
    expect((await t.request('GET', '/me', { as: 'engineer' })).body.mfa.totpEnabled).toBe(false);
    expect(await auditActions('mem_engineer')).toContain('security.totp.disabled');
  });

  it('is refused while the organization requires MFA', async () => {
    const { secret } = await enrolTotp(t, 'engineer');
    await t.db.query('UPDATE organizations SET require_mfa = true WHERE id = $1', ['org_acme']);
    t.clock.advance(30_000);
    const res = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: totpCodeAt(secret, t.clock()) } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('mfa_required_by_organization');
    expect((await t.request('GET', '/security', { as: 'engineer' })).body.totp.enabled).toBe(true);
  });

  it('clears the wrong-code count once the right code turns TOTP off', async () => {
    const { secret } = await enrolTotp(t, 'engineer');
    t.clock.advance(30_000);
    for (let i = 0; i < 9; i++) {
      const wrong = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: '000000' } });
      expect(wrong.status).toBe(422);
    }
    const res = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: totpCodeAt(secret, t.clock()) } });
    expect(res.status).toBe(204);
    // Setting TOTP up again starts with a fresh allowance of attempts.
    const start = await t.request('POST', '/security/totp', { as: 'engineer' });
    for (let i = 0; i < 2; i++) {
      const typo = await t.request('POST', '/security/totp/verify', { as: 'engineer', body: { enrollmentId: start.body.enrollmentId, code: '000000' } });
      expect(typo.status).toBe(422);
    }
  });

  it('answers 409 when TOTP is not on', async () => {
    const res = await t.request('POST', '/security/totp/disable', { as: 'engineer', body: { code: '123456' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('totp_not_enabled');
  });
});

describe('re-authentication and recovery codes', () => {
  it('viewing codes needs a re-authentication within 10 minutes', async () => {
    const { recoveryCodes } = await enrolTotp(t, 'owner');
    t.clock.advance(11 * MIN);
    const refused = await t.request('GET', '/security/recovery-codes', { as: 'owner' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('recent_auth_required');

    const wrong = await t.request('POST', '/security/reauthenticate', { as: 'owner', body: { password: 'not-the-password' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fieldErrors[0]).toMatchObject({ path: 'password', code: 'invalid_password' });

    const reauth = await t.request('POST', '/security/reauthenticate', { as: 'owner', body: { password: t.fixture.password } });
    expect(reauth.status).toBe(200);
    expect(reauth.body.recentAuthUntil).toBe(new Date(t.clock().getTime() + 10 * MIN).toISOString());
    expect((await t.request('GET', '/security', { as: 'owner' })).body.recentAuthUntil).toBe(reauth.body.recentAuthUntil);

    const view = await t.request('GET', '/security/recovery-codes', { as: 'owner' });
    expect(view.status).toBe(200);
    expect(view.body.codes).toEqual(recoveryCodes);
    expect(await auditActions('mem_owner')).toEqual(expect.arrayContaining(['security.reauthenticated', 'security.recovery_codes.viewed']));
    expect(await auditText()).not.toContain(recoveryCodes[0]);

    t.clock.advance(10 * MIN + 1000);
    expect((await t.request('GET', '/security/recovery-codes', { as: 'owner' })).status).toBe(403);
  });

  it('re-authenticates with a TOTP code, once per code', async () => {
    const { secret } = await enrolTotp(t, 'admin');
    t.clock.advance(11 * MIN);
    const code = totpCodeAt(secret, t.clock());
    const ok = await t.request('POST', '/security/reauthenticate', { as: 'admin', body: { code } });
    expect(ok.status).toBe(200);
    const replay = await t.request('POST', '/security/reauthenticate', { as: 'admin', body: { code } });
    expect(replay.status).toBe(422);
    expect(replay.body.code).toBe('code_already_used');
    expect((await t.request('GET', '/security/recovery-codes', { as: 'admin' })).status).toBe(200);
  });

  it('a code needs TOTP: without it the answer says to use the password', async () => {
    const res = await t.request('POST', '/security/reauthenticate', { as: 'viewer', body: { code: '123456' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0]).toMatchObject({ path: 'code', code: 'totp_not_enabled' });
  });

  it('re-authenticates an embed token too', async () => {
    const embed = await t.embedToken('viewer');
    const refused = await t.request('GET', '/security/recovery-codes', { as: embed });
    expect(refused.body.code).toBe('recent_auth_required');
    const reauth = await t.request('POST', '/security/reauthenticate', { as: embed, body: { password: t.fixture.password } });
    expect(reauth.status).toBe(200);
    // No recovery codes yet: the re-authentication let the request through to a 404.
    const view = await t.request('GET', '/security/recovery-codes', { as: embed });
    expect(view.status).toBe(404);
    expect(view.body.code).toBe('recovery_codes_not_found');
  });

  it('regenerating replaces every code and needs recent authentication', async () => {
    const { recoveryCodes } = await enrolTotp(t, 'owner');
    t.clock.advance(5 * MIN);
    const res = await t.request('POST', '/security/recovery-codes', { as: 'owner' });
    expect(res.status).toBe(200);
    expect(res.body.codes).toHaveLength(10);
    expect(res.body.codes.filter((code: string) => recoveryCodes.includes(code))).toEqual([]);
    expect(res.body.generatedAt).toBe(t.clock().toISOString());
    expect((await t.request('GET', '/security/recovery-codes', { as: 'owner' })).body.codes).toEqual(res.body.codes);
    expect(await auditActions('mem_owner')).toContain('security.recovery_codes.regenerated');

    t.clock.advance(6 * MIN);
    const late = await t.request('POST', '/security/recovery-codes', { as: 'owner' });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('recent_auth_required');
  });

  it('regenerating without TOTP answers 409', async () => {
    const res = await t.request('POST', '/security/recovery-codes', { as: 'viewer' });
    expect(res.status).toBe(409);
  });
});

describe('passkeys', () => {
  const origin = 'http://localhost';

  async function register(who: string, authenticator = new SoftAuthenticator({ origin }), name = 'MacBook Touch ID') {
    const options = await t.request('POST', '/security/passkeys/options', { as: who });
    expect(options.status).toBe(200);
    const response = authenticator.createCredential(options.body.options);
    return t.request('POST', '/security/passkeys', { as: who, body: { challengeId: options.body.challengeId, name, response } });
  }

  it('registers a passkey made by an authenticator, and lists it', async () => {
    const options = await t.request('POST', '/security/passkeys/options', { as: 'finance' });
    expect(options.body.options).toMatchObject({
      rp: { id: 'localhost', name: 'BillingOne' },
      user: { name: 'finance@acme.test', displayName: 'Fiona Finance' },
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const authenticator = new SoftAuthenticator({ origin });
    const response = authenticator.createCredential(options.body.options);
    const res = await t.request('POST', '/security/passkeys', { as: 'finance', body: { challengeId: options.body.challengeId, name: '  YubiKey  ', response } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'YubiKey', deviceType: 'singleDevice', backedUp: false, lastUsedAt: null, createdAt: '2026-11-24T09:00:00.000Z' });

    const overview = await t.request('GET', '/security', { as: 'finance' });
    expect(overview.body.passkeys).toEqual([res.body]);
    expect((await t.request('GET', '/me', { as: 'finance' })).body.mfa.passkeyCount).toBe(1);

    // The next options exclude it, so the authenticator refuses to make a second one.
    const next = await t.request('POST', '/security/passkeys/options', { as: 'finance' });
    expect(next.body.options.excludeCredentials).toEqual([expect.objectContaining({ id: response.id })]);
    expect(() => authenticator.createCredential(next.body.options)).toThrow(/excluded/);
    expect(await auditActions('mem_finance')).toEqual(['security.passkey.registered', 'security.passkey.registration_started', 'security.passkey.registration_started']);
  });

  it('refuses a wrong origin, a replayed challenge, another member’s challenge and junk', async () => {
    const evil = await register('finance', new SoftAuthenticator({ origin: 'https://evil.example' }));
    expect(evil.status).toBe(422);
    expect(evil.body.fieldErrors[0]).toMatchObject({ path: 'response', code: 'passkey_invalid' });
    expect(evil.body.detail).toMatch(/origin/i);

    const options = await t.request('POST', '/security/passkeys/options', { as: 'finance' });
    const authenticator = new SoftAuthenticator({ origin });
    const response = authenticator.createCredential(options.body.options);
    const other = await t.request('POST', '/security/passkeys', { as: 'viewer', body: { challengeId: options.body.challengeId, name: 'x', response } });
    expect(other.status).toBe(422);
    // The attempt used the challenge up: the rightful member cannot replay it either.
    const replay = await t.request('POST', '/security/passkeys', { as: 'finance', body: { challengeId: options.body.challengeId, name: 'x', response } });
    expect(replay.status).toBe(422);
    expect(replay.body.detail).toMatch(/already used/);

    const fresh = await t.request('POST', '/security/passkeys/options', { as: 'finance' });
    const junk = await t.request('POST', '/security/passkeys', { as: 'finance', body: { challengeId: fresh.body.challengeId, name: 'x', response: { id: 'abc' } } });
    expect(junk.status).toBe(422);
    expect((await t.request('GET', '/security', { as: 'finance' })).body.passkeys).toEqual([]);
  });

  it('refuses a challenge older than 5 minutes', async () => {
    const options = await t.request('POST', '/security/passkeys/options', { as: 'finance' });
    const response = new SoftAuthenticator({ origin }).createCredential(options.body.options);
    t.clock.advance(5 * MIN + 1000);
    const res = await t.request('POST', '/security/passkeys', { as: 'finance', body: { challengeId: options.body.challengeId, name: 'x', response } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('renames and removes only the member’s own passkeys', async () => {
    const created = (await register('engineer')).body;
    const renamed = await t.request('PATCH', `/security/passkeys/${created.id}`, { as: 'engineer', body: { name: 'Work laptop' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Work laptop');
    const empty = await t.request('PATCH', `/security/passkeys/${created.id}`, { as: 'engineer', body: { name: '   ' } });
    expect(empty.status).toBe(422);
    expect(empty.body.fieldErrors[0].path).toBe('name');

    expect((await t.request('PATCH', `/security/passkeys/${created.id}`, { as: 'viewer', body: { name: 'mine' } })).status).toBe(404);
    expect((await t.request('DELETE', `/security/passkeys/${created.id}`, { as: 'viewer' })).status).toBe(404);

    expect((await t.request('DELETE', `/security/passkeys/${created.id}`, { as: 'engineer' })).status).toBe(204);
    expect((await t.request('GET', '/security', { as: 'engineer' })).body.passkeys).toEqual([]);
    expect((await t.request('GET', '/me', { as: 'engineer' })).body.mfa.passkeyCount).toBe(0);
    expect(await auditActions('mem_engineer')).toEqual(['security.passkey.registered', 'security.passkey.registration_started', 'security.passkey.removed', 'security.passkey.renamed']);
  });

  it('keeps the last second factor while the organization requires MFA', async () => {
    const first = (await register('engineer')).body;
    await t.db.query('UPDATE organizations SET require_mfa = true WHERE id = $1', ['org_acme']);
    const refused = await t.request('DELETE', `/security/passkeys/${first.id}`, { as: 'engineer' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('mfa_required_by_organization');
    const second = (await register('engineer', new SoftAuthenticator({ origin }), 'Phone')).body;
    expect((await t.request('DELETE', `/security/passkeys/${first.id}`, { as: 'engineer' })).status).toBe(204);
    expect((await t.request('DELETE', `/security/passkeys/${second.id}`, { as: 'engineer' })).status).toBe(403);
  });
});

describe('GET /v1/security/login-history', () => {
  async function addEvents(count: number) {
    for (let i = 0; i < count; i++) {
      await t.db.query(
        `INSERT INTO login_events (id, member_id, email, method, success, ip, user_agent, location, created_at)
         VALUES ($1, 'mem_viewer', 'viewer@acme.test', $2, $3, '198.51.100.1', 'Firefox', 'Leeds, UK', $4)`,
        [`lgn_${String(i).padStart(3, '0')}`, i % 2 ? 'password' : 'passkey', i !== 3, new Date(Date.UTC(2026, 10, 1, 9, i))],
      );
    }
  }

  it('pages the member’s sign-ins, newest first', async () => {
    await addEvents(5);
    await t.db.query(
      `INSERT INTO login_events (id, member_id, email, method, success, created_at) VALUES ('lgn_other', 'mem_admin', 'admin@acme.test', 'password', true, $1)`,
      [new Date('2026-11-02T00:00:00Z')],
    );
    const first = await t.request('GET', '/security/login-history', { as: 'viewer', query: { limit: 2 } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual(['lgn_004', 'lgn_003']);
    expect(first.body.items[1]).toEqual({
      id: 'lgn_003', at: '2026-11-01T09:03:00.000Z', method: 'password', success: false, ip: '198.51.100.1', userAgent: 'Firefox', location: 'Leeds, UK',
    });
    const second = await t.request('GET', '/security/login-history', { as: 'viewer', query: { limit: 2, cursor: first.body.nextCursor } });
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual(['lgn_002', 'lgn_001']);
    const third = await t.request('GET', '/security/login-history', { as: 'viewer', query: { limit: 2, cursor: second.body.nextCursor } });
    expect(third.body.items.map((item: { id: string }) => item.id)).toEqual(['lgn_000']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make', async () => {
    const res = await t.request('GET', '/security/login-history', { as: 'viewer', query: { cursor: 'garbage' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0].path).toBe('cursor');
  });
});
