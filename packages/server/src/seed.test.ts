import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from './app/ids.js';
import { isSeeded, seed, seedLarge } from './seed.js';
import { MSP_CLIENTS } from './simulators/msp-clients.js';
import { createTestServer, type TestServer } from './testing/harness.js';
import { truncateAll } from './db/truncate.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => truncateAll(t.db));
afterAll(() => t.close());

describe('seed', () => {
  it('creates the demo organization: one member per role who can sign in, extras, clients, history and an API key', async () => {
    expect(await isSeeded(t.db)).toBe(false);
    const result = await seed(t.db, { now: t.clock() });
    expect(await isSeeded(t.db)).toBe(true);
    expect(result.members.map((m) => m.role)).toEqual(['owner', 'admin', 'finance', 'engineer', 'viewer']);
    const count = async (sql: string) => (await t.db.query<{ n: number }>(sql, [result.orgId])).rows[0]!.n;
    expect(await count('SELECT count(*)::int AS n FROM members WHERE org_id = $1')).toBe(45);
    expect(await count('SELECT count(*)::int AS n FROM audit_logs WHERE org_id = $1')).toBe(300);
    expect(await count('SELECT count(*)::int AS n FROM clients WHERE org_id = $1')).toBe(MSP_CLIENTS.length + 5);
    const { rows: span } = await t.db.query('SELECT min(created_at) AS first, max(created_at) AS last FROM audit_logs');
    expect(t.clock().getTime() - new Date(span[0].first).getTime()).toBeLessThanOrEqual(60 * 24 * 3600 * 1000);
    expect(new Date(span[0].last).getTime()).toBeLessThanOrEqual(t.clock().getTime());
    const signIn = await t.request('POST', '/auth/sign-in', { body: { email: 'finance@acme.test', password: 'billingone-demo' } });
    expect(signIn.status).toBe(200);
    const { rows } = await t.db.query('SELECT key_hash FROM api_keys WHERE org_id = $1', [result.orgId]);
    expect(rows).toEqual([{ key_hash: sha256(result.apiKey) }]);
    const embed = await t.request('POST', '/embed-tokens', { as: { headers: { authorization: `Bearer ${result.apiKey}` } }, body: { memberEmail: 'viewer@acme.test' } });
    expect(embed.status).toBe(201);
  });

  it('fills an organization for benchmarks with generate_series, searchable and pageable', async () => {
    const { orgId } = await seed(t.db, { now: t.clock(), extraMembers: 0, auditEntries: 0 });
    const added = await seedLarge(t.db, { members: 300, auditRows: 2000, batch: 700, now: t.clock() });
    expect(added).toEqual({ orgId, members: 300, auditRows: 2000 });
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs WHERE org_id = $1', [orgId]);
    expect(rows[0]!.n).toBe(2000);
    const owner = await t.request('POST', '/auth/sign-in', { body: { email: 'owner@acme.test', password: 'billingone-demo' } });
    const cookie = /billingone_session=[^;]+/.exec(owner.headers.get('set-cookie')!)![0];
    const members = await t.request('GET', '/members', { as: { headers: { cookie } }, query: { q: 'member12', limit: 5 } });
    expect(members.status).toBe(200);
    expect(members.body.total).toBeGreaterThan(0);
    const audit = await t.request('GET', '/audit-logs', { as: { headers: { cookie } }, query: { limit: 200 } });
    expect(audit.body.items).toHaveLength(200);
    // A second run adds more without colliding.
    await seedLarge(t.db, { members: 10, auditRows: 10, now: t.clock() });
  });
});
