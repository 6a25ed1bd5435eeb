import { notificationEvents } from '@billingone/settings-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

describe('notification preferences', () => {
  it('starts from defaults with every event, changes cells with If-Match', async () => {
    const start = await t.request('GET', '/notifications/preferences', { as: 'engineer' });
    expect(start.status).toBe(200);
    expect(Object.keys(start.body.preferences).sort()).toEqual([...notificationEvents].sort());
    expect(start.body.preferences.sync_failed).toEqual({ email: true, in_app: true });
    expect(start.body.preferences.sync_completed).toEqual({ email: false, in_app: true });
    t.clock.advance(5000);
    const res = await t.request('PATCH', '/notifications/preferences', {
      as: 'engineer', headers: { 'if-match': start.headers.get('etag')! },
      body: { preferences: { sync_completed: { email: true }, invoice_overdue: { in_app: false } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.preferences.sync_completed).toEqual({ email: true, in_app: true });
    expect(res.body.preferences.invoice_overdue).toEqual({ email: true, in_app: false });
    expect(res.body.updatedAt).toBe(t.clock().toISOString());
    const again = await t.request('GET', '/notifications/preferences', { as: 'engineer' });
    expect(again.body).toEqual(res.body);
    expect(again.headers.get('etag')).toBe(res.headers.get('etag'));
    const { rows } = await t.db.query("SELECT before, after FROM audit_logs WHERE action = 'notifications.updated'");
    expect(rows).toEqual([{ before: { sync_completed: { email: false }, invoice_overdue: { in_app: true } }, after: { sync_completed: { email: true }, invoice_overdue: { in_app: false } } }]);
    // Each member has their own matrix.
    expect((await t.request('GET', '/notifications/preferences', { as: 'viewer' })).body.preferences.sync_completed.email).toBe(false);
  });

  it('keeps security e-mails on', async () => {
    const start = await t.request('GET', '/notifications/preferences', { as: 'viewer' });
    const res = await t.request('PATCH', '/notifications/preferences', {
      as: 'viewer', headers: { 'if-match': start.headers.get('etag')! }, body: { preferences: { new_sign_in: { email: false } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toEqual([expect.objectContaining({ path: 'preferences.new_sign_in.email' })]);
  });

  it('answers 412 to a stale If-Match and 428 without one', async () => {
    const start = await t.request('GET', '/notifications/preferences', { as: 'viewer' });
    const tag = start.headers.get('etag')!;
    await t.request('PATCH', '/notifications/preferences', { as: 'viewer', headers: { 'if-match': tag }, body: { preferences: { sync_failed: { in_app: false } } } });
    const stale = await t.request('PATCH', '/notifications/preferences', { as: 'viewer', headers: { 'if-match': tag }, body: { preferences: { sync_failed: { email: false } } } });
    expect(stale.status).toBe(412);
    const missing = await t.request('PATCH', '/notifications/preferences', { as: 'viewer', body: { preferences: {} } });
    expect(missing.status).toBe(428);
  });
});
