import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '@billingone/settings-core/implementation';
import { writeAudit } from '../audit/write.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const base = new Date('2026-11-01T00:00:00.000Z').getTime();
const owner = { id: 'mem_owner', name: 'Olivia Owner', email: 'owner@acme.test' };
const admin = { id: 'mem_admin', name: 'Adam Admin', email: 'admin@acme.test' };

async function addEntries(count: number, options: { sameTime?: boolean } = {}): Promise<void> {
  for (let i = 0; i < count; i++) {
    await writeAudit(t.db, {
      orgId: 'org_acme',
      at: new Date(base + (options.sameTime ? 0 : i * 60_000)),
      actor: i % 2 === 0 ? owner : admin,
      action: i % 3 === 0 ? 'member.role_changed' : 'organization.updated',
      target: { type: 'member', id: `mem_${i}`, label: `Target ${i}` },
      before: { role: 'viewer' },
      after: { role: 'admin' },
      ip: '198.51.100.1',
      userAgent: 'test',
    });
  }
}

async function allPages(query: Record<string, string | number>): Promise<{ id: string; at: string }[]> {
  const items: { id: string; at: string }[] = [];
  let cursor: string | undefined;
  do {
    const res = await t.request('GET', '/audit-logs', { as: 'admin', query: { ...query, cursor } });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('audit log', () => {
  it('pages newest first with the keyset cursor, also through equal timestamps', async () => {
    await addEntries(12);
    await addEntries(9, { sameTime: true });
    const items = await allPages({ limit: 5 });
    expect(items).toHaveLength(21);
    expect(new Set(items.map((i) => i.id)).size).toBe(21);
    const keys = items.map((i) => `${i.at}|${i.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('filters by actor, action (exact or namespace), date range and free text', async () => {
    await addEntries(12);
    expect(await allPages({ actorId: 'mem_admin' })).toHaveLength(6);
    expect(await allPages({ action: 'member.role_changed' })).toHaveLength(4);
    expect(await allPages({ action: 'organization' })).toHaveLength(8);
    const range = await allPages({ from: new Date(base + 2 * 60_000).toISOString(), to: new Date(base + 5 * 60_000).toISOString() });
    expect(range).toHaveLength(4);
    expect(await allPages({ q: 'target 1' })).toHaveLength(3); // Target 1, 10, 11
    expect(await allPages({ q: 'ADAM' })).toHaveLength(6);
  });

  it('answers entries in the contract shape', async () => {
    await addEntries(1);
    const res = await t.request('GET', '/audit-logs', { as: 'owner' });
    expect(res.body.items[0]).toMatchObject({
      actor: owner, action: 'member.role_changed', target: { type: 'member', id: 'mem_0', label: 'Target 0' },
      ip: '198.51.100.1', changes: { before: { role: 'viewer' }, after: { role: 'admin' } },
    });
  });

  it('refuses a cursor it did not make, or one whose time is not a time, as 422 on `cursor`', async () => {
    await addEntries(3);
    const forged = encodeCursor(['not-a-time', 'aud_1']);
    for (const [path, cursor] of [['/audit-logs', 'garbage'], ['/audit-logs', forged], ['/security/login-history', forged]] as const) {
      const res = await t.request('GET', path, { as: 'admin', query: { cursor } });
      expect(res.status).toBe(422);
      expect(res.body.fieldErrors).toEqual([{ path: 'cursor', message: 'This cursor is not valid. Start again from the first page.', code: 'invalid_cursor' }]);
    }
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await t.request('GET', '/audit-logs', { as: 'admin', query: { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' } });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors[0].path).toBe('to');
  });

  it('exports the filter as CSV with escaping and formula guarding, and records the export', async () => {
    await writeAudit(t.db, {
      orgId: 'org_acme', at: new Date(base), actor: { id: 'mem_x', name: '=HYPERLINK("http://evil")', email: 'x@example.com' },
      action: 'member.role_changed', target: { type: 'member', id: 'mem_y', label: 'Smith, "Jo"\nline 2' },
      before: null, after: { role: 'admin' }, ip: null, userAgent: null,
    });
    await addEntries(3);
    const res = await t.request('GET', '/audit-logs/export', { as: 'admin', query: { action: 'member.role_changed' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-2026-11-24\.csv"$/);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('time,actor_name,actor_email,action,target_type,target_id,target_label,ip,user_agent,before,after');
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.text).toContain('"Smith, ""Jo""\nline 2"');
    expect(res.text).toContain('"{""role"":""admin""}"');
    // header + 1 crafted + 1 of addEntries(3) with the action (i = 0) + trailing empty string
    expect(res.text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.startsWith('20'))).toHaveLength(2);
    const { rows } = await t.db.query("SELECT actor_id, after FROM audit_logs WHERE action = 'audit_log.exported'");
    expect(rows).toEqual([{ actor_id: 'mem_admin', after: { filter: { action: 'member.role_changed' } } }]);
  });

  it('streams exports larger than one batch', async () => {
    await t.db.query(
      `INSERT INTO audit_logs (id, org_id, created_at, action, search)
       SELECT 'aud_' || lpad(g::text, 6, '0'), 'org_acme', $1::timestamptz - g * interval '1 second', 'member.role_changed', 'x'
         FROM generate_series(1, 2500) AS g`,
      [new Date(base)],
    );
    const res = await t.request('GET', '/audit-logs/export', { as: 'admin', query: { action: 'member' } });
    const rows = res.text.split('\r\n').filter((l) => l.startsWith('20'));
    expect(rows).toHaveLength(2500);
    expect(new Set(rows).size).toBe(2500);
  });
});
