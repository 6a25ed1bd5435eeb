import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

async function addMembers(names: string[], role = 'viewer'): Promise<void> {
  for (const [i, name] of names.entries()) {
    await t.db.query(
      `INSERT INTO members (id, org_id, email, name, role, joined_at, updated_at) VALUES ($1, 'org_acme', $2, $3, $4, $5, $5)`,
      [`mem_x${i}`, `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, name, role, t.clock()],
    );
  }
}

describe('members list', () => {
  it('pages by name with a cursor until the end, without gaps or repeats', async () => {
    await addMembers(Array.from({ length: 23 }, (_, i) => `Member ${String(i).padStart(2, '0')}`));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await t.request('GET', '/members', { as: 'admin', query: { limit: 10, cursor } });
      expect(res.status).toBe(200);
      if (pages === 0) expect(res.body.total).toBe(28);
      seen.push(...res.body.items.map((m: { name: string }) => m.name));
      cursor = res.body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(28);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(28);
  });

  it('searches name and email (LIKE characters taken literally) and filters by role', async () => {
    await addMembers(['Zoe Zimmer', 'Zack Yellow', 'Percent 100% Person']);
    const byName = await t.request('GET', '/members', { as: 'admin', query: { q: 'zimm' } });
    expect(byName.body.items.map((m: { name: string }) => m.name)).toEqual(['Zoe Zimmer']);
    const byEmail = await t.request('GET', '/members', { as: 'admin', query: { q: 'zack.yellow@' } });
    expect(byEmail.body.items.map((m: { name: string }) => m.name)).toEqual(['Zack Yellow']);
    const percent = await t.request('GET', '/members', { as: 'admin', query: { q: '100%' } });
    expect(percent.body.items).toHaveLength(1);
    const wildcard = await t.request('GET', '/members', { as: 'admin', query: { q: '%' } });
    expect(wildcard.body.items).toHaveLength(1);
    const finance = await t.request('GET', '/members', { as: 'admin', query: { role: 'finance' } });
    expect(finance.body.items.map((m: { id: string }) => m.id)).toEqual(['mem_finance']);
    expect(finance.body.total).toBe(1);
    const both = await t.request('GET', '/members', { as: 'admin', query: { q: 'z', role: 'owner' } });
    expect(both.body.items).toEqual([]);
  });

  it('pages a search with a cursor, counting the matches (of the role, when filtered) on the first page', async () => {
    await addMembers(Array.from({ length: 14 }, (_, i) => `Searchable ${String(i).padStart(2, '0')}`));
    await t.db.query("UPDATE members SET role = 'finance' WHERE name IN ('Searchable 03', 'Searchable 11')");
    const names = async (query: Record<string, string | number>) => {
      const seen: string[] = [];
      const totals: unknown[] = [];
      let cursor: string | undefined;
      do {
        const res = await t.request('GET', '/members', { as: 'admin', query: { ...query, ...(cursor ? { cursor } : {}) } });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((m: { name: string }) => m.name));
        totals.push(res.body.total);
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      return { seen, totals };
    };
    const all = await names({ q: 'SEARCHABLE', limit: 5 });
    expect(all.seen).toEqual(Array.from({ length: 14 }, (_, i) => `Searchable ${String(i).padStart(2, '0')}`));
    expect(all.totals).toEqual([14, undefined, undefined]);
    const finance = await names({ q: 'searchable', role: 'finance', limit: 1 });
    expect(finance.seen).toEqual(['Searchable 03', 'Searchable 11']);
    expect(finance.totals).toEqual([2, undefined]);
    // Every row of a match carries the member's own fields, not the search's.
    const one = await t.request('GET', '/members', { as: 'admin', query: { q: 'searchable 07' } });
    expect(one.body.items).toEqual([expect.objectContaining({ id: 'mem_x7', name: 'Searchable 07', email: 'searchable.07@example.com', role: 'viewer', mfaEnabled: false })]);
    expect(one.body.total).toBe(1);
  });

  it('shows MFA status and never members of another organization', async () => {
    await t.db.query("UPDATE members SET passkey_count = 1 WHERE id = 'mem_viewer'");
    const res = await t.request('GET', '/members', { as: 'owner', query: { limit: 200 } });
    const ids = res.body.items.map((m: { id: string }) => m.id);
    expect(ids).not.toContain('mem_other_owner');
    expect(res.body.items.find((m: { id: string }) => m.id === 'mem_viewer').mfaEnabled).toBe(true);
    expect((await t.request('GET', '/members/mem_other_owner', { as: 'owner' })).status).toBe(404);
  });

  it('answers 422 on a cursor it did not make', async () => {
    const res = await t.request('GET', '/members', { as: 'admin', query: { cursor: 'garbage' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0].path).toBe('cursor');
  });
});

describe('role changes and removal enforce the team rules', () => {
  it('changes a role (audited)', async () => {
    const res = await t.request('PATCH', '/members/mem_viewer', { as: 'admin', body: { role: 'finance' } });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('finance');
    const { rows } = await t.db.query("SELECT actor_id, target_id, before, after FROM audit_logs WHERE action = 'member.role_changed'");
    expect(rows).toEqual([{ actor_id: 'mem_admin', target_id: 'mem_viewer', before: { role: 'viewer' }, after: { role: 'finance' } }]);
  });

  it.each([
    ['admin', 'mem_owner', 'viewer', 403, 'admin_cannot_touch_owner'],
    ['admin', 'mem_viewer', 'owner', 403, 'only_owner_grants_owner'],
    ['admin', 'mem_admin', 'viewer', 409, 'own_role'],
    ['owner', 'mem_owner', 'admin', 409, 'own_role'],
  ])('%s changing %s to %s → %i %s', async (as, id, role, status, code) => {
    const res = await t.request('PATCH', `/members/${id}`, { as, body: { role } });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('lets an Owner demote another Owner, who then loses Owner rights', async () => {
    await t.request('PATCH', '/members/mem_admin', { as: 'owner', body: { role: 'owner' } });
    // Two Owners: the new one may demote the first.
    const demoted = await t.request('PATCH', '/members/mem_owner', { as: 'admin', body: { role: 'admin' } });
    expect(demoted.status).toBe(200);
    const removeLast = await t.request('DELETE', '/members/mem_admin', { as: 'owner' });
    expect(removeLast.status).toBe(403);
    expect(removeLast.body.code).toBe('admin_cannot_touch_owner');
  });

  it('removes a member (sessions end, audited) but not oneself or an Owner as an Admin', async () => {
    await t.signIn('engineer');
    expect((await t.request('DELETE', '/members/mem_engineer', { as: 'admin' })).status).toBe(204);
    expect((await t.request('GET', '/me', { as: 'engineer' })).status).toBe(401);
    const { rows } = await t.db.query("SELECT before FROM audit_logs WHERE action = 'member.removed'");
    expect(rows).toEqual([{ before: { email: 'engineer@acme.test', name: 'Eddie Engineer', role: 'engineer' } }]);
    expect((await t.request('DELETE', '/members/mem_admin', { as: 'admin' })).body.code).toBe('remove_self');
    expect((await t.request('DELETE', '/members/mem_owner', { as: 'admin' })).body.code).toBe('admin_cannot_touch_owner');
    expect((await t.request('DELETE', '/members/mem_nobody', { as: 'admin' })).status).toBe(404);
  });

  it('transfers ownership: the target becomes Owner, the Owner becomes Admin', async () => {
    const res = await t.request('POST', '/members/transfer-ownership', { as: 'owner', body: { memberId: 'mem_finance' } });
    expect(res.status).toBe(200);
    expect(res.body.newOwner).toMatchObject({ id: 'mem_finance', role: 'owner' });
    expect(res.body.previousOwner).toMatchObject({ id: 'mem_owner', role: 'admin' });
    const me = await t.request('GET', '/me', { as: 'owner' });
    expect(me.body.role).toBe('admin');
    const self = await t.request('POST', '/members/transfer-ownership', { as: 'finance', body: { memberId: 'mem_finance' } });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('transfer_to_self');
    const foreign = await t.request('POST', '/members/transfer-ownership', { as: 'finance', body: { memberId: 'mem_other_owner' } });
    expect(foreign.status).toBe(404);
    const { rows } = await t.db.query("SELECT actor_id, target_id FROM audit_logs WHERE action = 'organization.ownership_transferred'");
    expect(rows).toEqual([{ actor_id: 'mem_owner', target_id: 'mem_finance' }]);
  });
});

describe('roles', () => {
  it('lists every role with its permissions and member count', async () => {
    const res = await t.request('GET', '/roles', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { role: string }) => r.role)).toEqual(['owner', 'admin', 'finance', 'engineer', 'viewer']);
    expect(res.body.items.every((r: { memberCount: number }) => r.memberCount === 1)).toBe(true);
    expect(res.body.items[0].permissions).toContain('team.manage_owners');
    expect(res.body.items[1].permissions).not.toContain('team.manage_owners');
  });

  it('keeps the counts and totals right through new members, role changes, removals and transfers', async () => {
    const counts = async () => {
      const roles = await t.request('GET', '/roles', { as: 'owner' });
      const byRole = Object.fromEntries(roles.body.items.map((r: { role: string; memberCount: number }) => [r.role, r.memberCount]));
      const all = await t.request('GET', '/members', { as: 'owner', query: { limit: 1 } });
      const viewers = await t.request('GET', '/members', { as: 'owner', query: { limit: 1, role: 'viewer' } });
      return { byRole, total: all.body.total, viewers: viewers.body.total };
    };
    await addMembers(['Val One', 'Val Two']);
    expect(await counts()).toEqual({ byRole: { owner: 1, admin: 1, finance: 1, engineer: 1, viewer: 3 }, total: 7, viewers: 3 });
    expect((await t.request('PATCH', '/members/mem_x0', { as: 'owner', body: { role: 'finance' } })).status).toBe(200);
    expect((await t.request('DELETE', '/members/mem_x1', { as: 'owner' })).status).toBe(204);
    expect((await t.request('POST', '/members/transfer-ownership', { as: 'owner', body: { memberId: 'mem_admin' } })).status).toBe(200);
    expect(await counts()).toEqual({ byRole: { owner: 1, admin: 1, finance: 2, engineer: 1, viewer: 1 }, total: 6, viewers: 1 });
  });
});
