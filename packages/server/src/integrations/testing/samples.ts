import type { Role } from '@billingone/settings-core';
import { appState } from '../../app/create-app.js';
import type { Queryable } from '../../db/types.js';
import { newId } from '../../app/ids.js';
import type { TestServer } from '../../testing/harness.js';
import type { SampleFactory } from '../../testing/samples.js';
import { sealContext } from '../store.js';
import { PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, simulatorsBehind, type SimulatedProviders } from './providers.js';

/**
 * Valid requests of the integration endpoints, for the generic role × endpoint, audit and fuzz
 * checks (spread into `samples`). The rows they need are inserted directly. Test Connection, Save,
 * authorize, callback and sync call Pax8 or Xero: their samples need the test server to run on
 * `createSimulatedProviders` (the conformance suite does).
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

function simulators(t: TestServer): SimulatedProviders {
  const sim = simulatorsBehind(appState(t.app).deps.providers);
  if (!sim) throw new Error('This sample calls Pax8 or Xero: create the test server with createSimulatedProviders().providers.');
  return sim;
}

const pax8Credentials = { clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_DEMO_CLIENT_SECRET };
const returnTo = 'http://localhost/settings/integrations';

/** Code and state of a Xero consent started by `as` (placeholders when `as` may not start one). */
async function xeroCallbackBody(t: TestServer, as: Role): Promise<{ code: string; state: string }> {
  const sim = simulators(t);
  const started = await t.request('POST', '/integrations/xero/authorize', { as, body: { returnTo } });
  if (started.status !== 200) return { code: 'not-authorized-code', state: 'not-authorized-state' };
  const location = await sim.xero.control.consent(started.body.authorizeUrl, { tenantIds: [sim.xero.control.tenants[0]!.tenantId] });
  const back = await t.request('GET', location.replace('http://localhost', ''));
  const landed = new URL(back.headers.get('location') ?? '', 'http://localhost');
  return { code: landed.searchParams.get('code') ?? '', state: landed.searchParams.get('state') ?? '' };
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
  'integrations.pax8.test': (t) => {
    simulators(t);
    return { body: pax8Credentials };
  },
  'integrations.pax8.save': (t) => {
    simulators(t);
    return { body: pax8Credentials };
  },
  'integrations.xero.authorize': (t) => {
    simulators(t);
    return { body: { returnTo } };
  },
  'integrations.xero.callback': async (t, as) => ({ body: await xeroCallbackBody(t, as) }),
  'integrations.sync': async (t) => {
    simulators(t);
    await insertIntegration(t.db, t, 'pax8', {
      status: 'connected',
      client_id: PAX8_DEMO_CLIENT_ID,
      secret_sealed: t.secrets.seal(PAX8_DEMO_CLIENT_SECRET, sealContext.pax8Secret('org_acme')),
      secret_last4: PAX8_DEMO_CLIENT_SECRET.slice(-4),
    });
    return { params: { provider: 'pax8' } };
  },
  'integrations.disconnect': async (t) => {
    await pax8Connected(t);
    return { params: { provider: 'pax8' } };
  },
};
