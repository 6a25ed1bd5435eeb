import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InvitationMessage } from '../app/deps.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
const sent: InvitationMessage[] = [];
beforeAll(async () => {
  t = await createTestServer({ deps: { mailer: { sendInvitation: async (message) => void sent.push(message) }, publicUrl: 'https://settings.example.com' } });
});
beforeEach(async () => {
  sent.length = 0;
  await t.reset();
});
afterAll(() => t.close());

const password = 'a long enough password';

describe('invitations', () => {
  it('invites several addresses, mails each a link and lists them as pending (7 days)', async () => {
    const res = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['ann@example.com', 'bob@example.com'], role: 'finance' } });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({ email: 'ann@example.com', role: 'finance', status: 'pending', invitedBy: { id: 'mem_admin', name: 'Adam Admin' } });
    expect(res.body.items[0].expiresAt).toBe(new Date(t.clock().getTime() + 7 * 24 * 3600 * 1000).toISOString());
    expect(sent.map((m) => m.to)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(sent[0]!.acceptUrl).toBe(`https://settings.example.com/accept-invitation?token=${encodeURIComponent(sent[0]!.token)}`);
    const list = await t.request('GET', '/invitations', { as: 'admin' });
    expect(list.body.items).toHaveLength(2);
    const { rows } = await t.db.query("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'invitation.created'");
    expect(rows[0].n).toBe(2);
    const { rows: stored } = await t.db.query('SELECT token_hash FROM invitations');
    expect(JSON.stringify(stored)).not.toContain(sent[0]!.token);
  });

  it('refuses existing members and duplicates with field errors on their entry, inviting no one', async () => {
    const member = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['new@example.com', 'Viewer@acme.test'], role: 'viewer' } });
    expect(member.status).toBe(422);
    expect(member.body.fieldErrors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([['emails.1', 'already_member']]);
    const duplicate = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['new@example.com', 'NEW@example.com'], role: 'viewer' } });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.fieldErrors.map((e: { path: string }) => e.path)).toEqual(['emails.1']);
    expect((await t.request('GET', '/invitations', { as: 'admin' })).body.items).toEqual([]);
  });

  it('lets only an Owner invite an Owner', async () => {
    const res = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['boss@example.com'], role: 'owner' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('only_owner_grants_owner');
    expect((await t.request('POST', '/invitations', { as: 'owner', body: { emails: ['boss@example.com'], role: 'owner' } })).status).toBe(201);
  });

  it('resends with a new token and expiry; the old link stops working', async () => {
    const created = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['cy@example.com'], role: 'viewer' } });
    const oldToken = sent[0]!.token;
    t.clock.advance(6 * 24 * 3600 * 1000);
    const res = await t.request('POST', `/invitations/${created.body.items[0].id}/resend`, { as: 'owner' });
    expect(res.status).toBe(200);
    expect(res.body.expiresAt).toBe(new Date(t.clock().getTime() + 7 * 24 * 3600 * 1000).toISOString());
    expect(sent).toHaveLength(2);
    expect((await t.request('POST', '/invitations/accept', { body: { token: oldToken, name: 'Cy', password } })).status).toBe(404);
    expect((await t.request('POST', '/invitations/accept', { body: { token: sent[1]!.token, name: 'Cy', password } })).status).toBe(200);
  });

  it('revokes an invitation', async () => {
    const created = await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['dee@example.com'], role: 'viewer' } });
    const id = created.body.items[0].id;
    expect((await t.request('DELETE', `/invitations/${id}`, { as: 'admin' })).status).toBe(204);
    expect((await t.request('GET', '/invitations', { as: 'admin' })).body.items).toEqual([]);
    expect((await t.request('POST', '/invitations/accept', { body: { token: sent[0]!.token, name: 'Dee', password } })).status).toBe(404);
    expect((await t.request('DELETE', `/invitations/${id}`, { as: 'admin' })).status).toBe(404);
  });

  it('accepting creates the member with the role and signs them in', async () => {
    await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['eve@example.com'], role: 'engineer' } });
    const res = await t.request('POST', '/invitations/accept', { body: { token: sent[0]!.token, name: 'Eve Example', password } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    const cookie = /billingone_session=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
    const me = await t.request('GET', '/me', { as: { headers: { cookie } } });
    expect(me.body).toMatchObject({ role: 'engineer', member: { email: 'eve@example.com', name: 'Eve Example' }, organization: { id: 'org_acme' } });
    const { rows } = await t.db.query("SELECT actor_email, after FROM audit_logs WHERE action = 'member.joined'");
    expect(rows).toEqual([{ actor_email: 'eve@example.com', after: expect.objectContaining({ role: 'engineer' }) }]);
    expect(JSON.stringify(rows)).not.toContain(password);
    // One use only.
    expect((await t.request('POST', '/invitations/accept', { body: { token: sent[0]!.token, name: 'Eve', password } })).status).toBe(404);
  });

  it('refuses an expired invitation with 410, and lists it as expired', async () => {
    await t.request('POST', '/invitations', { as: 'admin', body: { emails: ['fay@example.com'], role: 'viewer' } });
    t.clock.advance(7 * 24 * 3600 * 1000 + 1);
    const res = await t.request('POST', '/invitations/accept', { body: { token: sent[0]!.token, name: 'Fay', password } });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('invitation_expired');
    expect((await t.request('GET', '/invitations', { as: 'admin' })).body.items[0].status).toBe('expired');
  });
});
