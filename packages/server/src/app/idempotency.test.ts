import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';
import { apiKeyHeaders } from '../testing/samples.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const invite = (email: string) => ({ emails: [email], role: 'viewer' });
const count = async (sql: string) => (await t.db.query(sql)).rows.length;

describe('Idempotency-Key on creating POSTs', () => {
  it('replays the first answer (status and body) for the same key and body, without doing the work again', async () => {
    const headers = { 'idempotency-key': 'invite-1' };
    const first = await t.request('POST', '/invitations', { as: 'admin', body: invite('new.person@example.com'), headers });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await t.request('POST', '/invitations', { as: 'admin', body: invite('new.person@example.com'), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('SELECT 1 FROM invitations')).toBe(1);
    expect(await count("SELECT 1 FROM audit_logs WHERE action LIKE 'invitation%'")).toBe(1);
  });

  it('refuses the same key with a different body: 422 idempotency_key_reused, nothing done', async () => {
    const headers = { 'idempotency-key': 'invite-2' };
    expect((await t.request('POST', '/invitations', { as: 'admin', body: invite('a@example.com'), headers })).status).toBe(201);
    const other = await t.request('POST', '/invitations', { as: 'admin', body: invite('b@example.com'), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await count("SELECT 1 FROM invitations WHERE email = 'b@example.com'")).toBe(0);
  });

  it('keeps keys of different members apart', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await t.request('POST', '/invitations', { as: 'admin', body: invite('a@example.com'), headers })).status).toBe(201);
    const owner = await t.request('POST', '/invitations', { as: 'owner', body: invite('b@example.com'), headers });
    expect(owner.status, owner.text).toBe(201);
    expect(owner.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('SELECT 1 FROM invitations')).toBe(2);
  });

  it('does the work every time without a key', async () => {
    expect((await t.request('POST', '/invitations', { as: 'admin', body: invite('a@example.com') })).status).toBe(201);
    expect((await t.request('POST', '/invitations', { as: 'admin', body: invite('b@example.com') })).status).toBe(201);
    expect(await count('SELECT 1 FROM idempotency_keys')).toBe(0);
  });

  it('records nothing for a request that failed, so the key can be used again', async () => {
    const headers = { 'idempotency-key': 'retry-after-fix' };
    const member = await t.request('POST', '/invitations', { as: 'admin', body: invite('viewer@acme.test'), headers });
    expect(member.status).toBeGreaterThanOrEqual(400);
    expect(await count('SELECT 1 FROM idempotency_keys')).toBe(0);
    expect((await t.request('POST', '/invitations', { as: 'admin', body: invite('fixed@example.com'), headers })).status).toBe(201);
  });

  it('replays embed tokens per API key for 24 hours, sealed at rest, then runs again', async () => {
    const key = await apiKeyHeaders(t);
    const headers = { ...key, 'idempotency-key': 'embed-1' };
    const first = await t.request('POST', '/embed-tokens', { body: { memberEmail: 'viewer@acme.test' }, headers });
    expect(first.status, first.text).toBe(201);
    const again = await t.request('POST', '/embed-tokens', { body: { memberEmail: 'viewer@acme.test' }, headers });
    expect(again.body).toEqual(first.body);
    expect(await count('SELECT 1 FROM embed_tokens')).toBe(1);
    const { rows } = await t.db.query('SELECT * FROM idempotency_keys');
    expect(JSON.stringify(rows)).not.toContain(first.body.token);

    t.clock.advance(24 * 60 * 60 * 1000 + 1000);
    const later = await t.request('POST', '/embed-tokens', { body: { memberEmail: 'viewer@acme.test' }, headers });
    expect(later.status).toBe(201);
    expect(later.body.token).not.toBe(first.body.token);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    // The expired record was replaced by the new answer.
    expect(await count('SELECT 1 FROM idempotency_keys')).toBe(1);
    const replayed = await t.request('POST', '/embed-tokens', { body: { memberEmail: 'viewer@acme.test' }, headers });
    expect(replayed.body.token).toBe(later.body.token);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await t.request('POST', '/invitations', { as: 'admin', body: invite('a@example.com'), headers: { 'idempotency-key': 'has space' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_idempotency_key');
    expect(await count('SELECT 1 FROM invitations')).toBe(0);
  });
});
