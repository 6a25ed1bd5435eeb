import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../security/passwords.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

describe('profile', () => {
  it('reads and updates name, locale and time zone, with an audit entry of the change', async () => {
    const before = await t.request('GET', '/profile', { as: 'engineer' });
    expect(before.body).toMatchObject({ id: 'mem_engineer', email: 'engineer@acme.test', name: 'Eddie Engineer', locale: 'en-GB', timeZone: 'UTC' });
    t.clock.advance(1000);
    const res = await t.request('PATCH', '/profile', { as: 'engineer', body: { name: '  Edward Engineer ', locale: 'fr-fr', timeZone: 'Europe/Paris' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Edward Engineer', locale: 'fr-FR', timeZone: 'Europe/Paris', updatedAt: t.clock().toISOString() });
    const { rows } = await t.db.query("SELECT actor_id, target_id, before, after FROM audit_logs WHERE action = 'profile.updated'");
    expect(rows).toEqual([{
      actor_id: 'mem_engineer', target_id: 'mem_engineer',
      before: { name: 'Eddie Engineer', locale: 'en-GB', timeZone: 'UTC' },
      after: { name: 'Edward Engineer', locale: 'fr-FR', timeZone: 'Europe/Paris' },
    }]);
  });

  it('refuses an unknown time zone and an empty name with field errors', async () => {
    const zone = await t.request('PATCH', '/profile', { as: 'viewer', body: { timeZone: 'Mars/Olympus_Mons' } });
    expect(zone.status).toBe(422);
    expect(zone.body.fieldErrors).toEqual([expect.objectContaining({ path: 'timeZone', code: 'unknown_time_zone' })]);
    const name = await t.request('PATCH', '/profile', { as: 'viewer', body: { name: '   ' } });
    expect(name.status).toBe(422);
    expect(name.body.fieldErrors[0].path).toBe('name');
  });

  it('writes no audit entry when nothing changes', async () => {
    const res = await t.request('PATCH', '/profile', { as: 'viewer', body: { name: 'Vera Viewer' } });
    expect(res.status).toBe(200);
    const { rows } = await t.db.query('SELECT 1 FROM audit_logs');
    expect(rows).toHaveLength(0);
  });
});

describe('password change', () => {
  const newPassword = 'a much longer passphrase';

  it('checks the current password, ends the other sessions and says how many', async () => {
    const current = await t.signIn('finance');
    // Two other devices and an embed token.
    const { createSession } = await import('../app/sign-in.js');
    for (let i = 0; i < 2; i++) await createSession(t.db, { memberId: 'mem_finance', method: 'password', ip: null, userAgent: null, now: t.clock() });
    await t.embedToken('finance');
    const res = await t.request('POST', '/profile/password', { as: 'finance', body: { currentPassword: t.fixture.password, newPassword } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ otherSessionsEnded: 3 });
    const { rows: sessions } = await t.db.query("SELECT id FROM sessions WHERE member_id = 'mem_finance'");
    expect(sessions).toEqual([{ id: current.sessionId }]);
    const { rows } = await t.db.query("SELECT password_hash FROM members WHERE id = 'mem_finance'");
    expect(await verifyPassword(newPassword, rows[0].password_hash)).toBe(true);
    const { rows: audit } = await t.db.query("SELECT before, after FROM audit_logs WHERE action = 'member.password_changed'");
    expect(audit).toEqual([{ before: null, after: { otherSessionsEnded: 3 } }]);
    expect(JSON.stringify(audit)).not.toContain(newPassword);
  });

  it('refuses a wrong current password, a short one, one equal to the email', async () => {
    const wrong = await t.request('POST', '/profile/password', { as: 'viewer', body: { currentPassword: 'nope', newPassword } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fieldErrors).toEqual([expect.objectContaining({ path: 'currentPassword', code: 'invalid_password' })]);
    const short = await t.request('POST', '/profile/password', { as: 'viewer', body: { currentPassword: t.fixture.password, newPassword: 'short-pass' } });
    expect(short.status).toBe(422);
    expect(short.body.fieldErrors[0].path).toBe('newPassword');
    const email = await t.request('POST', '/profile/password', { as: 'viewer', body: { currentPassword: t.fixture.password, newPassword: 'Viewer@Acme.test' } });
    expect(email.status).toBe(422);
    expect(email.body.fieldErrors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'password_is_email' })]);
    const { rows } = await t.db.query("SELECT password_hash FROM members WHERE id = 'mem_viewer'");
    expect(await verifyPassword(t.fixture.password, rows[0].password_hash)).toBe(true);
  });
});
