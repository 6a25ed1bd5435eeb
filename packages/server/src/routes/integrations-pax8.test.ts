import { describe, expect, it } from 'vitest';
import { newId } from '../app/ids.js';
import { sealContext } from '../integrations/store.js';
import { PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET } from '../integrations/testing/providers.js';
import { PAX8_BAD_CLIENT_SECRET, PAX8_LIMITED_CLIENT_ID, PAX8_LIMITED_CLIENT_SECRET } from '../simulators/pax8.js';
import { MSP_CLIENTS } from '../simulators/msp-clients.js';
import { useRecordedTestServer } from '../testing/recorded-server.js';

const recorded = useRecordedTestServer({ pax8PageSize: 7 });
const { sim, seen, call } = recorded;

const good = { clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_DEMO_CLIENT_SECRET };

async function savePax8(as = 'admin') {
  const res = await call('PUT', '/integrations/pax8', { as, body: good });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function card(provider: 'pax8' | 'xero') {
  const res = await call('GET', '/integrations', { as: 'viewer' });
  expect(res.status, res.text).toBe(200);
  return res.body.items.find((item: { provider: string }) => item.provider === provider);
}

async function auditActions(): Promise<string[]> {
  const { rows } = await recorded.server.db.query<{ action: string }>('SELECT action FROM audit_logs ORDER BY created_at, id');
  return rows.map((row) => row.action);
}

/** The secret appears in no response, log line, audit entry or clear-text column. */
async function expectSecretNowhere(secret: string) {
  for (const text of seen) expect(text).not.toContain(secret);
  const { rows: audit } = await recorded.server.db.query('SELECT * FROM audit_logs');
  expect(JSON.stringify(audit)).not.toContain(secret);
  const { rows: stored } = await recorded.server.db.query('SELECT * FROM integrations');
  expect(JSON.stringify(stored)).not.toContain(secret);
}

describe('GET /integrations', () => {
  it('lists Pax8 and Xero as not configured at first, for every role', async () => {
    const res = await call('GET', '/integrations', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        provider: 'pax8', status: 'not_configured', accountLabel: null, secretLast4: null, tenant: null, lastSyncAt: null,
        nextSyncAt: null, counts: { companies: 0, products: 0, subscriptions: 0 }, error: null, connectedAt: null,
      },
      {
        provider: 'xero', status: 'not_configured', accountLabel: null, secretLast4: null, tenant: null, lastSyncAt: null,
        nextSyncAt: null, counts: { invoices: 0 }, error: null, connectedAt: null,
      },
    ]);
  });
});

describe('POST /integrations/pax8/test', () => {
  it('answers success and each of the four failures, storing nothing', async () => {
    const test = (body: object) => call('POST', '/integrations/pax8/test', { as: 'finance', body });
    expect((await test(good)).body).toEqual({ ok: true, companyCount: 25 });

    const refused = await test({ ...good, clientSecret: PAX8_BAD_CLIENT_SECRET });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(refused.body.message).toMatch(/refused/i);

    const limited = await test({ clientId: PAX8_LIMITED_CLIENT_ID, clientSecret: PAX8_LIMITED_CLIENT_SECRET });
    expect(limited.body).toMatchObject({ ok: false, reason: 'insufficient_access' });

    sim.pax8.control.setMode({ rateLimit: { afterRequests: 0, retryAfterSeconds: 30 } });
    expect((await test(good)).body).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterSeconds: 30 });
    sim.pax8.control.setMode({ rateLimit: undefined, failWith5xx: true });
    expect((await test(good)).body).toMatchObject({ ok: false, reason: 'provider_unavailable' });

    expect((await card('pax8')).status).toBe('not_configured');
    expect((await recorded.server.db.query('SELECT 1 FROM integrations')).rows).toHaveLength(0);
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });

  it('tests the stored secret when none is sent, only with the client ID it was saved with', async () => {
    const missing = await call('POST', '/integrations/pax8/test', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID } });
    expect(missing.status).toBe(422);
    expect(missing.body.fieldErrors).toEqual([expect.objectContaining({ path: 'clientSecret', code: 'required' })]);

    await savePax8();
    sim.sent.length = 0;
    const stored = await call('POST', '/integrations/pax8/test', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID } });
    expect(stored.body).toEqual({ ok: true, companyCount: 25 });
    const tokenRequest = sim.sent.find((r) => r.url.endsWith('/v1/token'));
    expect(JSON.parse(tokenRequest!.body!)).toMatchObject({ client_id: PAX8_DEMO_CLIENT_ID, client_secret: PAX8_DEMO_CLIENT_SECRET, grant_type: 'client_credentials' });

    const otherId = await call('POST', '/integrations/pax8/test', { as: 'admin', body: { clientId: 'anotherClientId1' } });
    expect(otherId.status).toBe(422);
    expect(otherId.body.fieldErrors[0].path).toBe('clientSecret');
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });

  it('is rate limited per organization', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await call('POST', '/integrations/pax8/test', { as: 'owner', body: good })).status).toBe(200);
    }
    const limited = await call('POST', '/integrations/pax8/test', { as: 'admin', body: good });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call('POST', '/integrations/pax8/test', { as: recorded.server.fixture.other.ownerEmail, body: good })).status).toBe(200);
  });
});

describe('PUT /integrations/pax8', () => {
  it('tests first: refuses a bad secret (422 on clientSecret), then stores a good one sealed and write-only', async () => {
    const bad = await call('PUT', '/integrations/pax8', { as: 'finance', body: { ...good, clientSecret: PAX8_BAD_CLIENT_SECRET } });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_credentials');
    expect(bad.body.fieldErrors).toEqual([expect.objectContaining({ path: 'clientSecret', code: 'invalid_credentials' })]);
    const limited = await call('PUT', '/integrations/pax8', { as: 'finance', body: { clientId: PAX8_LIMITED_CLIENT_ID, clientSecret: PAX8_LIMITED_CLIENT_SECRET } });
    expect(limited.status).toBe(422);
    expect(limited.body).toMatchObject({ code: 'insufficient_access', fieldErrors: [{ path: 'clientId' }] });
    expect((await card('pax8')).status).toBe('not_configured');

    const saved = await call('PUT', '/integrations/pax8', { as: 'finance', body: good });
    expect(saved.status, saved.text).toBe(200);
    const now = recorded.server.clock().toISOString();
    expect(saved.body).toMatchObject({
      provider: 'pax8', status: 'connected', accountLabel: PAX8_DEMO_CLIENT_ID, secretLast4: PAX8_DEMO_CLIENT_SECRET.slice(-4),
      connectedAt: now, nextSyncAt: now, lastSyncAt: null, error: null,
    });
    expect(await card('pax8')).toEqual(saved.body);

    const { rows } = await recorded.server.db.query<{ secret_sealed: string }>("SELECT secret_sealed FROM integrations WHERE provider = 'pax8'");
    expect(recorded.server.secrets.open(rows[0]!.secret_sealed, sealContext.pax8Secret('org_acme'))).toBe(PAX8_DEMO_CLIENT_SECRET);
    expect(() => recorded.server.secrets.open(rows[0]!.secret_sealed, sealContext.pax8Secret('org_other'))).toThrow();

    const { rows: audit } = await recorded.server.db.query<{ action: string; after: Record<string, unknown> }>(
      "SELECT action, after FROM audit_logs WHERE action = 'integration.pax8.configured'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ clientId: PAX8_DEMO_CLIENT_ID, status: 'connected', credentialReplaced: true });
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
    await expectSecretNowhere(PAX8_BAD_CLIENT_SECRET);
  });

  it('keeps the stored secret when saving without one, and says so when Pax8 is down', async () => {
    await savePax8();
    const again = await call('PUT', '/integrations/pax8', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID } });
    expect(again.status).toBe(200);
    expect(again.body.secretLast4).toBe(PAX8_DEMO_CLIENT_SECRET.slice(-4));
    sim.pax8.control.setMode({ failWith5xx: true });
    const down = await call('PUT', '/integrations/pax8', { as: 'admin', body: good });
    expect(down.status).toBe(422);
    expect(down.body).toMatchObject({ code: 'provider_unavailable', fieldErrors: [{ path: '', code: 'provider_unavailable' }] });
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });
});

describe('POST /integrations/pax8/sync', () => {
  it('reads every page of companies, products and subscriptions, waiting out a 429 in the middle', async () => {
    await savePax8();
    sim.pax8.control.setMode({ rateLimitOnce: { atRequest: 6, retryAfterSeconds: 2 } });
    const res = await call('POST', '/integrations/pax8/sync', { as: 'finance' });
    expect(res.status, res.text).toBe(201);
    const now = recorded.server.clock().toISOString();
    expect(res.body).toMatchObject({
      provider: 'pax8', trigger: 'manual', status: 'succeeded', startedAt: now, finishedAt: now, error: null,
      counts: { companies: 25, products: 40, subscriptions: 120 },
    });
    expect(sim.waits).toContain(2000);
    const requests = sim.pax8.control.requests;
    expect(requests.filter((r) => r.status === 429)).toHaveLength(1);
    // 25 companies in pages of 7: pages 0–3; the refused request was asked again.
    const companyPages = requests.filter((r) => r.path.startsWith('/v1/companies?') && r.path.endsWith('size=7') && r.status === 200).map((r) => r.path);
    expect(companyPages).toEqual([0, 1, 2, 3].map((page) => `/v1/companies?page=${page}&size=7`));
    expect(requests.filter((r) => r.path.startsWith('/v1/subscriptions?') && r.status === 200)).toHaveLength(18);

    const counts = await recorded.server.db.query<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM pax8_companies) + (SELECT count(*)::int FROM pax8_products) + (SELECT count(*)::int FROM pax8_subscriptions) AS n`,
    );
    expect(counts.rows[0]!.n).toBe(185);
    const after = await card('pax8');
    expect(after).toMatchObject({
      status: 'connected', lastSyncAt: now, nextSyncAt: new Date(recorded.server.clock().getTime() + 6 * 3600_000).toISOString(),
      counts: { companies: 25, products: 40, subscriptions: 120 }, error: null,
    });
    expect((await auditActions()).sort()).toEqual(['integration.pax8.configured', 'integration.synced']);
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });

  it('records a 429 that outlasts the retries as a failed run, status error; the next good sync clears it', async () => {
    await savePax8();
    sim.pax8.control.setMode({ rateLimit: { afterRequests: 5, retryAfterSeconds: 1 } });
    const failed = await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ status: 'failed', error: { code: 'rate_limited' } });
    expect(failed.body.counts.companies).toBe(25);
    expect(await card('pax8')).toMatchObject({ status: 'error', error: { code: 'rate_limited' } });

    sim.pax8.control.setMode({ rateLimit: undefined });
    recorded.server.clock.advance(60_000);
    const ok = await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    expect(ok.body.status).toBe('succeeded');
    expect(await card('pax8')).toMatchObject({ status: 'connected', error: null });
  });

  it('turns refused credentials after saving into needs_reauth; syncing waits for new credentials', async () => {
    await savePax8();
    sim.pax8.control.setMode({ revoked: true });
    const failed = await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    expect(failed.body).toMatchObject({ status: 'failed', error: { code: 'invalid_credentials' } });
    expect(await card('pax8')).toMatchObject({ status: 'needs_reauth', nextSyncAt: null, error: { code: 'invalid_credentials' } });
    const refused = await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('needs_reauth');

    sim.pax8.control.setMode({ revoked: false });
    const fixed = await call('PUT', '/integrations/pax8', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID } });
    expect(fixed.body).toMatchObject({ status: 'connected', error: null });
    expect((await call('POST', '/integrations/pax8/sync', { as: 'admin' })).body.status).toBe('succeeded');
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });

  it('shows syncing while a sync runs and refuses a second one', async () => {
    await savePax8();
    sim.pax8.control.setMode({ latencyMs: 15 });
    const first = call('POST', '/integrations/pax8/sync', { as: 'admin' });
    for (let i = 0; i < 100 && (await card('pax8')).status !== 'syncing'; i++) await new Promise((r) => setTimeout(r, 5));
    expect((await card('pax8')).status).toBe('syncing');
    const second = await call('POST', '/integrations/pax8/sync', { as: 'owner' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('sync_in_progress');
    expect((await first).body.status).toBe('succeeded');
    expect((await card('pax8')).status).toBe('connected');
  });

  it('answers 404 before Pax8 is configured', async () => {
    const res = await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('integration_not_configured');
  });
});

describe('GET /integrations/{provider}/syncs', () => {
  it('pages the history newest first with a cursor', async () => {
    await savePax8();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await call('POST', '/integrations/pax8/sync', { as: 'admin' })).body.id);
      recorded.server.clock.advance(60_000);
    }
    const pages: { id: string; startedAt: string }[][] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', '/integrations/pax8/syncs', { as: 'viewer', query: { limit: 2, cursor } });
      expect(res.status, res.text).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((run) => run.id)).toEqual([...ids].reverse());
    expect((await call('GET', '/integrations/xero/syncs', { as: 'viewer' })).body).toEqual({ items: [], nextCursor: null });
    const bad = await call('GET', '/integrations/pax8/syncs', { as: 'viewer', query: { cursor: 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors[0].path).toBe('cursor');
  });
});

describe('Pax8 company mappings', () => {
  async function insertClients(names: readonly string[], orgId = 'org_acme'): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const name of names) {
      const id = newId('cli');
      await recorded.server.db.query('INSERT INTO clients (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)', [id, orgId, name, recorded.server.clock()]);
      ids.set(name, id);
    }
    return ids;
  }

  it('suggests clients by name, filters and pages, accepts in bulk and unmaps', async () => {
    const clientNames = MSP_CLIENTS.slice(0, 6).map((c) => c.xeroName);
    const clients = await insertClients([...clientNames, 'Completely Different Bakery']);
    await savePax8();
    await call('POST', '/integrations/pax8/sync', { as: 'admin' });

    const all = await call('GET', '/integrations/pax8/company-mappings', { as: 'viewer', query: { limit: 200 } });
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBe(25);
    expect(all.body.clients).toHaveLength(7);
    const names = all.body.items.map((item: { pax8CompanyName: string }) => item.pax8CompanyName);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const wide = all.body.items.find((item: { pax8CompanyName: string }) => item.pax8CompanyName === 'Wide World Importers');
    expect(wide).toMatchObject({
      status: 'suggested', clientId: null, suggestion: { clientId: clients.get('Wide World Importers Ltd'), clientName: 'Wide World Importers Ltd', score: 1 },
    });
    const northwind = all.body.items.find((item: { pax8CompanyName: string }) => item.pax8CompanyName === 'Northwind Dental');
    expect(northwind.suggestion.clientName).toBe('Northwind Dental Practice');
    expect(northwind.suggestion.score).toBeGreaterThanOrEqual(0.5);
    expect(northwind.suggestion.score).toBeLessThan(1);

    const suggested = await call('GET', '/integrations/pax8/company-mappings', { as: 'viewer', query: { status: 'suggested' } });
    expect(suggested.body.items.map((item: { pax8CompanyName: string }) => item.pax8CompanyName).sort()).toEqual(
      MSP_CLIENTS.slice(0, 6).map((c) => c.pax8Name).sort(),
    );
    const fourth = all.body.items.find((item: { pax8CompanyName: string }) => item.pax8CompanyName === 'Fourth Coffee');
    expect(fourth).toMatchObject({ status: 'unmapped', suggestion: null });

    // Cursor paging over every company.
    const collected: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', '/integrations/pax8/company-mappings', { as: 'viewer', query: { limit: 10, cursor } });
      collected.push(...res.body.items.map((item: { pax8CompanyId: string }) => item.pax8CompanyId));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(collected).toEqual(all.body.items.map((item: { pax8CompanyId: string }) => item.pax8CompanyId));

    // Accept every suggestion at once.
    const accept = suggested.body.items.map((item: { pax8CompanyId: string; suggestion: { clientId: string } }) => ({
      pax8CompanyId: item.pax8CompanyId,
      clientId: item.suggestion.clientId,
    }));
    const accepted = await call('PUT', '/integrations/pax8/company-mappings', { as: 'finance', body: { mappings: accept } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toEqual({ updated: 6 });
    const mapped = await call('GET', '/integrations/pax8/company-mappings', { as: 'viewer', query: { status: 'mapped' } });
    expect(mapped.body.total).toBe(6);
    expect(mapped.body.items.find((item: { pax8CompanyName: string }) => item.pax8CompanyName === 'Wide World Importers')).toMatchObject({
      status: 'mapped', clientName: 'Wide World Importers Ltd', suggestion: null,
    });
    expect((await call('PUT', '/integrations/pax8/company-mappings', { as: 'finance', body: { mappings: accept } })).body).toEqual({ updated: 0 });

    // Unmap one: it is suggested again.
    const unmap = await call('PUT', '/integrations/pax8/company-mappings', { as: 'admin', body: { mappings: [{ pax8CompanyId: wide.pax8CompanyId, clientId: null }] } });
    expect(unmap.body).toEqual({ updated: 1 });
    const again = await call('GET', '/integrations/pax8/company-mappings', { as: 'viewer', query: { status: 'suggested' } });
    expect(again.body.items.map((item: { pax8CompanyId: string }) => item.pax8CompanyId)).toEqual([wide.pax8CompanyId]);

    const { rows } = await recorded.server.db.query<{ after: { updated: number; mapped: { client: string }[] } }>(
      "SELECT after FROM audit_logs WHERE action = 'integration.pax8.mappings_updated' ORDER BY created_at, id",
    );
    // Same clock time for all three: sort by what they record (the repeated accept changed nothing).
    expect(rows.map((row) => row.after.updated).sort()).toEqual([0, 1, 6]);
    expect(rows.find((row) => row.after.updated === 6)!.after.mapped.map((m) => m.client)).toContain('Wide World Importers Ltd');
  });

  it('refuses unknown companies, unknown or foreign clients and duplicates, changing nothing', async () => {
    const clients = await insertClients(['Northwind Dental Practice']);
    const foreign = await insertClients(['Other Org Client'], 'org_other');
    await savePax8();
    await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    const company = sim.pax8.control.data.companies[0]!.id;
    const res = await call('PUT', '/integrations/pax8/company-mappings', {
      as: 'admin',
      body: {
        mappings: [
          { pax8CompanyId: company, clientId: clients.get('Northwind Dental Practice') },
          { pax8CompanyId: 'no-such-company', clientId: null },
          { pax8CompanyId: sim.pax8.control.data.companies[1]!.id, clientId: foreign.get('Other Org Client') },
          { pax8CompanyId: company, clientId: null },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'mappings.1.pax8CompanyId unknown_company',
      'mappings.2.clientId unknown_client',
      'mappings.3.pax8CompanyId duplicate',
    ]);
    expect((await recorded.server.db.query('SELECT 1 FROM pax8_company_mappings')).rows).toHaveLength(0);
    const empty = await call('PUT', '/integrations/pax8/company-mappings', { as: 'admin', body: { mappings: [] } });
    expect(empty.status).toBe(422);
  });
});

describe('DELETE /integrations/pax8', () => {
  it('deletes the stored secret and the synced records, keeps mappings and history', async () => {
    const clientId = newId('cli');
    await recorded.server.db.query("INSERT INTO clients (id, org_id, name, created_at) VALUES ($1, 'org_acme', 'Northwind Dental Practice', $2)", [clientId, recorded.server.clock()]);
    await savePax8();
    await call('POST', '/integrations/pax8/sync', { as: 'admin' });
    const company = sim.pax8.control.data.companies[0]!.id;
    await call('PUT', '/integrations/pax8/company-mappings', { as: 'admin', body: { mappings: [{ pax8CompanyId: company, clientId }] } });

    const res = await call('DELETE', '/integrations/pax8', { as: 'owner' });
    expect(res.status, res.text).toBe(204);
    expect((await card('pax8')).status).toBe('not_configured');
    expect((await recorded.server.db.query('SELECT 1 FROM integrations')).rows).toHaveLength(0);
    expect((await recorded.server.db.query('SELECT 1 FROM pax8_companies')).rows).toHaveLength(0);
    expect((await recorded.server.db.query('SELECT 1 FROM pax8_company_mappings')).rows).toHaveLength(1);
    expect((await call('GET', '/integrations/pax8/syncs', { as: 'viewer' })).body.items).toHaveLength(1);
    expect(await auditActions()).toContain('integration.disconnected');
    expect((await call('DELETE', '/integrations/pax8', { as: 'owner' })).status).toBe(404);
    await expectSecretNowhere(PAX8_DEMO_CLIENT_SECRET);
  });
});

describe('roles', () => {
  const manage: [string, string, object?][] = [
    ['POST', '/integrations/pax8/test', good],
    ['PUT', '/integrations/pax8', good],
    ['POST', '/integrations/pax8/sync'],
    ['DELETE', '/integrations/pax8'],
    ['PUT', '/integrations/pax8/company-mappings', { mappings: [{ pax8CompanyId: 'x', clientId: null }] }],
    ['POST', '/integrations/xero/authorize', { returnTo: 'http://localhost/settings' }],
    ['POST', '/integrations/xero/callback', { state: 'abc', code: 'def' }],
    ['PUT', '/integrations/xero/tenant', { tenantId: 'abc' }],
    ['POST', '/integrations/xero/sync'],
    ['DELETE', '/integrations/xero'],
  ];

  it('refuses Engineer and Viewer (403) on every manage endpoint, and lets them read', async () => {
    await savePax8();
    for (const role of ['engineer', 'viewer']) {
      for (const [method, path, body] of manage) {
        const res = await call(method, path, { as: role, body });
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      for (const path of ['/integrations', '/integrations/pax8/syncs', '/integrations/pax8/company-mappings']) {
        expect((await call('GET', path, { as: role })).status, `${role} GET ${path}`).toBe(200);
      }
    }
    expect((await card('pax8')).status).toBe('connected');
  });
});
