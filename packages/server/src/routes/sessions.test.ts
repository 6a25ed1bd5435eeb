import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../app/sign-in.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

describe('sessions', () => {
  it('lists the devices with browser, OS and the current one flagged', async () => {
    const current = await t.signIn('viewer');
    t.clock.advance(60_000);
    const other = await createSession(t.db, { memberId: 'mem_viewer', method: 'password', ip: '198.51.100.9', userAgent: iphone, now: t.clock() });
    await createSession(t.db, { memberId: 'mem_admin', method: 'password', ip: null, userAgent: null, now: t.clock() });
    const res = await t.request('GET', '/sessions', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const byId = Object.fromEntries(res.body.items.map((s: { id: string }) => [s.id, s]));
    expect(byId[current.sessionId]).toMatchObject({ current: true, ip: '203.0.113.7' });
    expect(byId[other.id]).toMatchObject({ current: false, browser: 'Safari 17', os: 'iOS 17.1', ip: '198.51.100.9' });
  });

  it('terminates one device (audited), and 404s for another member’s session', async () => {
    await t.signIn('viewer');
    const other = await createSession(t.db, { memberId: 'mem_viewer', method: 'password', ip: null, userAgent: iphone, now: t.clock() });
    const admins = await createSession(t.db, { memberId: 'mem_admin', method: 'password', ip: null, userAgent: null, now: t.clock() });
    expect((await t.request('DELETE', `/sessions/${admins.id}`, { as: 'viewer' })).status).toBe(404);
    const res = await t.request('DELETE', `/sessions/${other.id}`, { as: 'viewer' });
    expect(res.status).toBe(204);
    const gone = await t.request('GET', '/me', { as: { headers: { cookie: `billingone_session=${other.token}` } } });
    expect(gone.status).toBe(401);
    const { rows } = await t.db.query("SELECT target_id, target_label FROM audit_logs WHERE action = 'session.terminated'");
    expect(rows).toEqual([{ target_id: other.id, target_label: 'Safari 17 on iOS 17.1' }]);
  });

  it('terminates every other device and keeps this one', async () => {
    const current = await t.signIn('admin');
    for (let i = 0; i < 3; i++) await createSession(t.db, { memberId: 'mem_admin', method: 'password', ip: null, userAgent: null, now: t.clock() });
    const res = await t.request('POST', '/sessions/terminate-others', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 3 });
    const { rows } = await t.db.query("SELECT id FROM sessions WHERE member_id = 'mem_admin'");
    expect(rows).toEqual([{ id: current.sessionId }]);
    expect((await t.request('GET', '/me', { as: 'admin' })).status).toBe(200);
  });
});
