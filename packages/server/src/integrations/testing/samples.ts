import type { Queryable } from '../../db/types.js';
import { newId } from '../../app/ids.js';
import type { TestServer } from '../../testing/harness.js';
import type { SampleFactory } from '../../testing/samples.js';
import { sealContext } from '../store.js';

/**
 * Valid requests of the integration endpoints that need no provider, for the generic role ×
 * endpoint, audit and fuzz checks (spread into `samples`). The rows they need are inserted
 * directly. Test Connection, Save, authorize, callback and sync call Pax8 or Xero: they have no
 * sample here, because the generic checks run without providers (see the integration route tests).
 */
async function insertIntegration(db: Queryable, t: TestServer, provider: 'pax8' | 'xero', fields: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(fields);
  const values = Object.values(fields);
  await db.query(
    `INSERT INTO integrations (id, org_id, provider, created_at, updated_at${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1, 'org_acme', $2, $3, $3${columns.map((_, i) => `, $${i + 4}`).join('')})
     ON CONFLICT (org_id, provider) DO NOTHING`,
    [newId('int'), provider, t.clock(), ...values],
  );
}

async function pax8Connected(t: TestServer): Promise<void> {
  await insertIntegration(t.db, t, 'pax8', {
    status: 'connected',
    client_id: 'sampleClientId01',
    secret_sealed: t.secrets.seal('sample-secret-0000000000', sealContext.pax8Secret('org_acme')),
    secret_last4: '0000',
  });
}

export const integrationSamples: Record<string, SampleFactory> = {
  'integrations.list': () => ({}),
  'integrations.syncRuns': () => ({ params: { provider: 'pax8' }, query: { limit: 5 } }),
  'integrations.pax8.mappings': () => ({ query: { limit: 10 } }),
  'integrations.pax8.mappings.update': async (t) => {
    await pax8Connected(t);
    const companyId = newId('p8c');
    const clientId = newId('cli');
    await t.db.query(
      `INSERT INTO pax8_companies (org_id, id, name, status, data, seen_run, synced_at) VALUES ('org_acme', $1, 'Sample Dental', 'Active', '{}', 'sample', $2)`,
      [companyId, t.clock()],
    );
    await t.db.query(`INSERT INTO clients (id, org_id, name, created_at) VALUES ($1, 'org_acme', 'Sample Dental Ltd', $2)`, [clientId, t.clock()]);
    return { body: { mappings: [{ pax8CompanyId: companyId, clientId }] } };
  },
  'integrations.xero.tenant': async (t) => {
    await insertIntegration(t.db, t, 'xero', {
      status: 'choose_tenant',
      refresh_token_sealed: t.secrets.seal('sample-refresh-token', sealContext.xeroRefreshToken('org_acme')),
      tenants: JSON.stringify([{ id: 'tenant-sample-1', name: 'Sample Ltd' }, { id: 'tenant-sample-2', name: 'Sample (AU)' }]),
    });
    return { body: { tenantId: 'tenant-sample-2' } };
  },
  'integrations.disconnect': async (t) => {
    await pax8Connected(t);
    return { params: { provider: 'pax8' } };
  },
};
