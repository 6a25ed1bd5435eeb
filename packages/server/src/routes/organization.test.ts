import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

async function etag(path = '/organization', as = 'admin'): Promise<string> {
  const res = await t.request('GET', path, { as });
  expect(res.status).toBe(200);
  return res.headers.get('etag')!;
}

describe('organization', () => {
  it('is readable by every role with an ETag, and answers 304 to a matching If-None-Match', async () => {
    const res = await t.request('GET', '/organization', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'org_acme', name: 'Acme MSP', slug: 'acme', requireMfa: false, embedOrigins: [] });
    const tag = res.headers.get('etag');
    expect(tag).toMatch(/^".+"$/);
    const again = await t.request('GET', '/organization', { as: 'viewer', headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it('updates with the current If-Match, audits the change and answers a new ETag', async () => {
    const tag = await etag();
    t.clock.advance(1000);
    const res = await t.request('PATCH', '/organization', {
      as: 'admin', headers: { 'if-match': tag },
      body: { name: 'Acme Managed Services', slug: 'acme-ms', embedOrigins: ['https://Portal.Example.com', 'https://portal.example.com'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Acme Managed Services', slug: 'acme-ms', embedOrigins: ['https://portal.example.com'] });
    expect(res.headers.get('etag')).not.toBe(tag);
    expect(res.headers.get('etag')).toBe(await etag());
    const { rows } = await t.db.query("SELECT actor_id, before, after FROM audit_logs WHERE action = 'organization.updated'");
    expect(rows).toEqual([{
      actor_id: 'mem_admin',
      before: { name: 'Acme MSP', slug: 'acme', embedOrigins: [] },
      after: { name: 'Acme Managed Services', slug: 'acme-ms', embedOrigins: ['https://portal.example.com'] },
    }]);
  });

  it('answers 428 without If-Match and 412 with a stale one, changing nothing', async () => {
    const stale = await etag();
    const missing = await t.request('PATCH', '/organization', { as: 'owner', body: { name: 'Nope' } });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('if_match_required');
    await t.request('PATCH', '/organization', { as: 'owner', headers: { 'if-match': stale }, body: { name: 'First' } });
    const second = await t.request('PATCH', '/organization', { as: 'admin', headers: { 'if-match': stale }, body: { name: 'Second' } });
    expect(second.status).toBe(412);
    expect(second.body.code).toBe('stale_version');
    expect((await t.request('GET', '/organization', { as: 'admin' })).body.name).toBe('First');
  });

  it('refuses a slug another organization uses with 409 and a field error', async () => {
    const res = await t.request('PATCH', '/organization', { as: 'owner', headers: { 'if-match': await etag() }, body: { slug: 'other-msp' } });
    expect(res.status).toBe(409);
    expect(res.body.fieldErrors).toEqual([expect.objectContaining({ path: 'slug', code: 'slug_taken' })]);
    const reserved = await t.request('PATCH', '/organization', { as: 'owner', headers: { 'if-match': await etag() }, body: { slug: 'settings' } });
    expect(reserved.status).toBe(422);
    expect(reserved.body.fieldErrors[0].code).toBe('slug_reserved');
  });

  it('refuses to require MFA while the one turning it on has none, allows it once they have', async () => {
    const refused = await t.request('PATCH', '/organization', { as: 'owner', headers: { 'if-match': await etag() }, body: { requireMfa: true } });
    expect(refused.status).toBe(409);
    expect(refused.body.fieldErrors[0]).toMatchObject({ path: 'requireMfa', code: 'actor_without_mfa' });
    await t.db.query("UPDATE members SET totp_enabled_at = $1 WHERE id = 'mem_owner'", [t.clock()]);
    const ok = await t.request('PATCH', '/organization', { as: 'owner', headers: { 'if-match': await etag() }, body: { requireMfa: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.requireMfa).toBe(true);
  });

  it('answers slug availability', async () => {
    const check = async (slug: string) => (await t.request('GET', '/organization/slug-availability', { as: 'admin', query: { slug } })).body;
    expect(await check('acme')).toEqual({ slug: 'acme', available: true, reason: 'current' });
    expect(await check('other-msp')).toEqual({ slug: 'other-msp', available: false, reason: 'taken' });
    expect(await check('admin')).toEqual({ slug: 'admin', available: false, reason: 'reserved' });
    expect(await check('Bad Slug')).toEqual({ slug: 'Bad Slug', available: false, reason: 'invalid' });
    expect(await check('acme-north')).toEqual({ slug: 'acme-north', available: true, reason: null });
  });
});

describe('branding', () => {
  it('starts at the defaults, changes colours with If-Match and resets', async () => {
    const start = await t.request('GET', '/branding', { as: 'viewer' });
    expect(start.body).toMatchObject({ primaryColor: '#1d4ed8', accentColor: '#0f766e', logoUrl: null, isDefault: true });
    const changed = await t.request('PATCH', '/branding', { as: 'admin', headers: { 'if-match': start.headers.get('etag')! }, body: { primaryColor: '#AA0000' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ primaryColor: '#aa0000', accentColor: '#0f766e', isDefault: false });
    const me = await t.request('GET', '/me', { as: 'viewer' });
    expect(me.body.organization.branding).toEqual({ primaryColor: '#aa0000', accentColor: null, logoUrl: null });
    const stale = await t.request('DELETE', '/branding', { as: 'admin', headers: { 'if-match': start.headers.get('etag')! } });
    expect(stale.status).toBe(412);
    const reset = await t.request('DELETE', '/branding', { as: 'admin', headers: { 'if-match': changed.headers.get('etag')! } });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ primaryColor: '#1d4ed8', isDefault: true });
    const { rows } = await t.db.query("SELECT action FROM audit_logs WHERE target_id = 'org_acme' ORDER BY created_at, action");
    expect(rows.map((r) => r.action).sort()).toEqual(['branding.reset', 'branding.updated']);
  });

  it('refuses a colour that is not hex', async () => {
    const start = await t.request('GET', '/branding', { as: 'admin' });
    const res = await t.request('PATCH', '/branding', { as: 'admin', headers: { 'if-match': start.headers.get('etag')! }, body: { accentColor: 'red' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0].path).toBe('accentColor');
  });
});
