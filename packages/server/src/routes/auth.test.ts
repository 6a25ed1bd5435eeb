import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId, sha256 } from '../app/ids.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

function sessionCookie(res: { headers: Headers }): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /billingone_session=([^;]*)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `billingone_session=${match[1]}`;
}

async function createApiKey(orgId = 'org_acme'): Promise<string> {
  const key = `bo_sk_test_${Math.random().toString(36).slice(2)}`;
  await t.db.query(
    'INSERT INTO api_keys (id, org_id, name, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [newId('key'), orgId, 'Portal', sha256(key), key.slice(0, 10), t.clock()],
  );
  return key;
}

describe('POST /v1/auth/sign-in', () => {
  it('signs in with the right password: HttpOnly SameSite=Lax cookie, CSRF token, login event, audit entry', async () => {
    const res = await t.request('POST', '/auth/sign-in', { body: { email: 'Admin@Acme.test', password: t.fixture.password } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(res);
    const me = await t.request('GET', '/me', { as: { headers: { cookie } } });
    expect(me.status).toBe(200);
    expect(me.body.member.id).toBe('mem_admin');
    // The CSRF token answered at sign-in is the one the session accepts.
    const csrf = await t.request('GET', '/auth/csrf', { as: { headers: { cookie } } });
    expect(csrf.body.csrfToken).toBe(res.body.csrfToken);
    const { rows: events } = await t.db.query("SELECT method, success FROM login_events WHERE member_id = 'mem_admin'");
    expect(events).toEqual([{ method: 'password', success: true }]);
    const { rows: audit } = await t.db.query("SELECT action, actor_id FROM audit_logs WHERE action = 'auth.signed_in'");
    expect(audit).toEqual([{ action: 'auth.signed_in', actor_id: 'mem_admin' }]);
  });

  it('refuses a wrong password and an unknown email alike, and records the failure', async () => {
    const wrong = await t.request('POST', '/auth/sign-in', { body: { email: 'admin@acme.test', password: 'not-the-password' } });
    const unknown = await t.request('POST', '/auth/sign-in', { body: { email: 'nobody@acme.test', password: 'not-the-password' } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_credentials');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const { rows } = await t.db.query('SELECT email, success, failure_reason FROM login_events ORDER BY email');
    expect(rows).toEqual([
      { email: 'admin@acme.test', success: false, failure_reason: 'wrong_password' },
      { email: 'nobody@acme.test', success: false, failure_reason: 'unknown_email' },
    ]);
  });

  it('answers mfa_required with a one-use token (no session) when TOTP is enabled', async () => {
    await t.db.query("UPDATE members SET totp_enabled_at = $1 WHERE id = 'mem_owner'", [t.clock()]);
    const res = await t.request('POST', '/auth/sign-in', { body: { email: 'owner@acme.test', password: t.fixture.password } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'mfa_required', methods: ['totp', 'recovery_code'] });
    expect(res.body.mfaToken).toMatch(/^mfa_/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const { rows } = await t.db.query('SELECT member_id, token_hash FROM mfa_challenges');
    expect(rows).toEqual([{ member_id: 'mem_owner', token_hash: sha256(res.body.mfaToken) }]);
  });

  it('rate-limits repeated attempts on one account with 429 and Retry-After', async () => {
    let last;
    for (let i = 0; i < 11; i++) {
      last = await t.request('POST', '/auth/sign-in', { body: { email: 'viewer@acme.test', password: `wrong-${i}` }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    }
    expect(last!.status).toBe(429);
    expect(last!.body.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The test server's reset forgets rate-limit windows along with the data.
    await t.reset();
    const afterReset = await t.request('POST', '/auth/sign-in', { body: { email: 'viewer@acme.test', password: 'wrong-again' }, headers: { 'x-forwarded-for': '198.51.100.99' } });
    expect(afterReset.status).toBe(401);
    for (let i = 0; i < 10; i++) {
      last = await t.request('POST', '/auth/sign-in', { body: { email: 'viewer@acme.test', password: `wrong-${i}` }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    }
    expect(last!.status).toBe(429);
    // A later window lets the member in again.
    t.clock.advance(16 * 60 * 1000);
    const ok = await t.request('POST', '/auth/sign-in', { body: { email: 'viewer@acme.test', password: t.fixture.password } });
    expect(ok.status).toBe(200);
  });

  it('answers 422 with field errors for a malformed body, and 415 for a non-JSON one', async () => {
    const res = await t.request('POST', '/auth/sign-in', { body: { email: 'not-an-email', password: '' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
    const form = await t.request('POST', '/auth/sign-in', { body: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });
});

describe('sign-out and CSRF', () => {
  it('refuses a cookie write without the CSRF header, accepts it with the header', async () => {
    const session = await t.signIn('viewer');
    const without = await t.request('POST', '/auth/sign-out', { as: { headers: { cookie: session.cookie } } });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('csrf_invalid');
    const wrong = await t.request('POST', '/auth/sign-out', { as: { headers: { cookie: session.cookie, 'x-csrf-token': 'guess' } } });
    expect(wrong.status).toBe(403);
    const ok = await t.request('POST', '/auth/sign-out', { as: 'viewer' });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('set-cookie')).toMatch(/billingone_session=;/);
    expect((await t.request('GET', '/me', { as: 'viewer' })).status).toBe(401);
    const { rows } = await t.db.query("SELECT 1 FROM audit_logs WHERE action = 'auth.signed_out' AND actor_id = 'mem_viewer'");
    expect(rows).toHaveLength(1);
  });
});

describe('POST /v1/embed-tokens', () => {
  it('exchanges an organization API key for a short-lived token that works as a bearer', async () => {
    const key = await createApiKey();
    const res = await t.request('POST', '/embed-tokens', { as: { headers: { authorization: `Bearer ${key}` } }, body: { memberEmail: 'finance@acme.test', ttlSeconds: 120 } });
    expect(res.status).toBe(201);
    expect(res.body.memberId).toBe('mem_finance');
    expect(res.body.expiresAt).toBe(new Date(t.clock().getTime() + 120_000).toISOString());
    const { rows } = await t.db.query('SELECT token_hash FROM embed_tokens');
    expect(rows).toEqual([{ token_hash: sha256(res.body.token) }]);

    const bearer = { headers: { authorization: `Bearer ${res.body.token}` } };
    const me = await t.request('GET', '/me', { as: bearer });
    expect(me.status).toBe(200);
    expect(me.body.auth.kind).toBe('embed');
    // Bearer writes need no CSRF token.
    expect((await t.request('PATCH', '/profile', { as: bearer, body: { name: 'Fiona F.' } })).status).toBe(200);
    t.clock.advance(121_000);
    const expired = await t.request('GET', '/me', { as: bearer });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('invalid_token');
  });

  it('records an audit entry without the token', async () => {
    const key = await createApiKey();
    const res = await t.request('POST', '/embed-tokens', { as: { headers: { authorization: `Bearer ${key}` } }, body: { memberEmail: 'viewer@acme.test' } });
    const { rows } = await t.db.query("SELECT actor_id, target_id, before, after FROM audit_logs WHERE action = 'embed_token.created'");
    expect(rows).toHaveLength(1);
    expect(rows[0].target_id).toBe('mem_viewer');
    expect(JSON.stringify(rows[0])).not.toContain(res.body.token);
    expect(JSON.stringify(rows[0])).not.toContain(key);
  });

  it('refuses without an API key, with a revoked key, a session, or an email of another organization', async () => {
    expect((await t.request('POST', '/embed-tokens', { body: { memberEmail: 'viewer@acme.test' } })).status).toBe(401);
    expect((await t.request('POST', '/embed-tokens', { as: 'owner', body: { memberEmail: 'viewer@acme.test' } })).body.code).toBe('api_key_required');
    const key = await createApiKey();
    const other = await t.request('POST', '/embed-tokens', { as: { headers: { authorization: `Bearer ${key}` } }, body: { memberEmail: 'owner@other.test' } });
    expect(other.status).toBe(422);
    expect(other.body.fieldErrors[0].path).toBe('memberEmail');
    await t.db.query('UPDATE api_keys SET revoked_at = $1', [t.clock()]);
    const revoked = await t.request('POST', '/embed-tokens', { as: { headers: { authorization: `Bearer ${key}` } }, body: { memberEmail: 'viewer@acme.test' } });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('invalid_api_key');
  });

  it('does not accept an API key in place of a member token', async () => {
    const key = await createApiKey();
    const res = await t.request('GET', '/me', { as: { headers: { authorization: `Bearer ${key}` } } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('api_key_not_accepted');
  });
});

describe('CORS for embedding origins', () => {
  beforeEach(async () => {
    await t.db.query("UPDATE organizations SET embed_origins = ARRAY['https://portal.example.com'] WHERE id = 'org_acme'");
  });

  it('answers preflights for listed origins only, without credentials', async () => {
    const ok = await t.request('OPTIONS', '/me', { headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'GET' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const no = await t.request('OPTIONS', '/me', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("allows a bearer request from the token's organization's origin, refuses other origins", async () => {
    const { headers } = await t.embedToken('viewer');
    const ok = await t.request('GET', '/me', { as: { headers }, headers: { origin: 'https://portal.example.com' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(ok.headers.get('access-control-expose-headers')).toContain('etag');
    const evil = await t.request('GET', '/me', { as: { headers }, headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('origin_not_allowed');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("refuses an origin listed only by another organization", async () => {
    await t.db.query("UPDATE organizations SET embed_origins = ARRAY['https://other.example'] WHERE id = 'org_other'");
    const { headers } = await t.embedToken('viewer');
    const res = await t.request('GET', '/me', { as: { headers }, headers: { origin: 'https://other.example' } });
    expect(res.status).toBe(403);
  });

  it('never adds CORS headers to cookie requests', async () => {
    const res = await t.request('GET', '/me', { as: 'viewer', headers: { origin: 'https://portal.example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
