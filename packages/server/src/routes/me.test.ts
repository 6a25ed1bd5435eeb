import { permissionsOf } from '@billingone/settings-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

describe('GET /v1/me', () => {
  it('answers the member, organization, role, permissions and MFA state', async () => {
    const res = await t.request('GET', '/me', { as: 'finance' });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ id: 'mem_finance', email: 'finance@acme.test', locale: 'en-GB', timeZone: 'UTC' });
    expect(res.body.organization).toMatchObject({ id: 'org_acme', slug: 'acme', branding: { primaryColor: null, accentColor: null, logoUrl: null } });
    expect(res.body.role).toBe('finance');
    expect(res.body.permissions).toEqual(permissionsOf('finance'));
    expect(res.body.mfa).toEqual({ totpEnabled: false, passkeyCount: 0, orgRequiresMfa: false, enrollmentRequired: false });
    expect(res.body.auth.kind).toBe('session');
  });

  it('answers 401 problem+json without a session', async () => {
    const res = await t.request('GET', '/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('answers 401 for an unknown or expired session cookie', async () => {
    expect((await t.request('GET', '/me', { as: { headers: { cookie: 'billingone_session=nope' } } })).status).toBe(401);
    await t.signIn('viewer');
    t.clock.advance(31 * 24 * 3600 * 1000);
    expect((await t.request('GET', '/me', { as: 'viewer' })).status).toBe(401);
  });

  it('reports the enrolment gate when the organization requires MFA', async () => {
    await t.db.query('UPDATE organizations SET require_mfa = true WHERE id = $1', ['org_acme']);
    const res = await t.request('GET', '/me', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.mfa).toMatchObject({ orgRequiresMfa: true, enrollmentRequired: true });
  });

  it('works with a bearer embed token', async () => {
    const { headers } = await t.embedToken('admin');
    const res = await t.request('GET', '/me', { as: { headers } });
    expect(res.status).toBe(200);
    expect(res.body.auth).toMatchObject({ kind: 'embed', sessionId: null });
  });
});
