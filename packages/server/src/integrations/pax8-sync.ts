import type { Queryable } from '../db/types.js';
import { PAX8_LIST_KINDS, type Pax8Company, type Pax8ListKind, type Pax8Product, type Pax8Subscription } from '../providers/pax8-types.js';
import type { IntegrationEnv } from './env.js';
import { providerNotConfigured } from './errors.js';
import { sealContext, type IntegrationRow } from './store.js';
import type { ProviderSync } from './sync-types.js';

type Row = readonly unknown[];

interface Table {
  name: string;
  columns: readonly string[];
  row(item: never, orgId: string, runId: string, now: Date): Row;
}

const tables: Record<Pax8ListKind, Table> = {
  companies: {
    name: 'pax8_companies',
    columns: ['org_id', 'id', 'name', 'status', 'data', 'seen_run', 'synced_at'],
    row: (c: Pax8Company, orgId, runId, now) => [orgId, c.id, c.name, c.status, JSON.stringify(c), runId, now],
  },
  products: {
    name: 'pax8_products',
    columns: ['org_id', 'id', 'name', 'vendor_name', 'data', 'seen_run', 'synced_at'],
    row: (p: Pax8Product, orgId, runId, now) => [orgId, p.id, p.name, p.vendorName, JSON.stringify(p), runId, now],
  },
  subscriptions: {
    name: 'pax8_subscriptions',
    columns: ['org_id', 'id', 'company_id', 'product_id', 'quantity', 'status', 'data', 'seen_run', 'synced_at'],
    row: (s: Pax8Subscription, orgId, runId, now) => [
      orgId, s.id, s.companyId, s.productId, Math.round(s.quantity), s.status, JSON.stringify(s), runId, now,
    ],
  },
};

/** Inserts or updates one page of records, stamping them with the run that saw them. */
async function upsertPage(tx: Queryable, table: Table, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value, index) => {
      params.push(value);
      const column = table.columns[index];
      return column === 'data' ? `$${params.length}::text::jsonb` : `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const updates = table.columns.filter((c) => c !== 'org_id' && c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
  await tx.query(
    `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT (org_id, id) DO UPDATE SET ${updates.join(', ')}`,
    params,
  );
}

/**
 * Reads companies, products and subscriptions page after page (the client waits out 429s within
 * its retry policy) and writes each page in its own short transaction. Records a complete sync
 * did not see are removed when the run is finalised.
 */
export async function syncPax8(env: IntegrationEnv, integration: IntegrationRow, runId: string, progress: Record<string, number>): Promise<ProviderSync> {
  const client = env.pax8;
  if (!client) throw providerNotConfigured('pax8');
  const orgId = integration.org_id;
  if (!integration.client_id || !integration.secret_sealed) throw new Error('Pax8 has no stored credentials.');
  const credentials = {
    clientId: integration.client_id,
    clientSecret: env.secrets.open(integration.secret_sealed, sealContext.pax8Secret(orgId)),
  };
  for (const kind of PAX8_LIST_KINDS) {
    progress[kind] = 0;
    const table = tables[kind];
    for await (const page of client.pages(kind, credentials)) {
      const now = env.clock();
      const rows = page.content.map((item) => table.row(item as never, orgId, runId, now));
      await env.db.transaction((tx) => upsertPage(tx, table, rows));
      progress[kind] += rows.length;
    }
  }
  return {
    async finalize(tx) {
      for (const kind of PAX8_LIST_KINDS) {
        await tx.query(`DELETE FROM ${tables[kind].name} WHERE org_id = $1 AND seen_run <> $2`, [orgId, runId]);
      }
      return {};
    },
  };
}

/** Removes every synced Pax8 record of an organization (disconnection). Mappings stay. */
export async function deletePax8Records(tx: Queryable, orgId: string): Promise<void> {
  for (const kind of PAX8_LIST_KINDS) await tx.query(`DELETE FROM ${tables[kind].name} WHERE org_id = $1`, [orgId]);
}
