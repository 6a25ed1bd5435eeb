import type { Queryable } from '../db/types.js';
import type { XeroInvoice } from '../providers/xero-types.js';
import type { IntegrationEnv } from './env.js';
import { providerNotConfigured } from './errors.js';
import type { IntegrationRow } from './store.js';
import type { ProviderSync } from './sync-types.js';
import { refreshXeroAccess, xeroAccess } from './xero-tokens.js';

/**
 * `If-Modified-Since` is the start of the last successful sync less this margin, so invoices
 * changed while it ran, or stamped by a clock a little behind ours, are read again (writes are
 * idempotent).
 */
export const MODIFIED_SINCE_MARGIN_MS = 5 * 60_000;
const BATCH = 200;

async function upsertInvoices(tx: Queryable, orgId: string, tenantId: string, invoices: readonly XeroInvoice[], now: Date): Promise<void> {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const tuples = invoices.map(
    (invoice) =>
      `(${[
        add(orgId), add(invoice.id), add(tenantId), add(invoice.number), add(invoice.type), add(invoice.status),
        add(invoice.contact.name), add(invoice.total), add(invoice.amountDue), add(invoice.currencyCode),
        add(invoice.date), add(invoice.dueDate), add(new Date(invoice.updatedAt)),
      ].join(', ')}, ${add(JSON.stringify(invoice))}::text::jsonb, ${add(now)})`,
  );
  await tx.query(
    `INSERT INTO xero_invoices (org_id, id, tenant_id, number, type, status, contact_name, total, amount_due, currency_code,
       invoice_date, due_date, updated_at, data, synced_at)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (org_id, id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, number = EXCLUDED.number, type = EXCLUDED.type,
       status = EXCLUDED.status, contact_name = EXCLUDED.contact_name, total = EXCLUDED.total, amount_due = EXCLUDED.amount_due,
       currency_code = EXCLUDED.currency_code, invoice_date = EXCLUDED.invoice_date, due_date = EXCLUDED.due_date,
       updated_at = EXCLUDED.updated_at, data = EXCLUDED.data, synced_at = EXCLUDED.synced_at`,
    params,
  );
}

/**
 * Reads the chosen organisation's invoices changed since the last successful sync, every page,
 * refreshing the access token when it expires and when Xero stops accepting it part-way.
 */
export async function syncXero(env: IntegrationEnv, integration: IntegrationRow, progress: Record<string, number>): Promise<ProviderSync> {
  const xero = env.xero;
  if (!xero) throw providerNotConfigured('xero');
  const tenantId = integration.tenant_id;
  if (!tenantId) throw new Error('Xero has no organisation chosen.');
  const orgId = integration.org_id;
  const since = integration.last_success_started_at
    ? new Date(new Date(integration.last_success_started_at).getTime() - MODIFIED_SINCE_MARGIN_MS)
    : undefined;
  let access = await xeroAccess(env, integration.id);
  const invoices = await xero.client.fetchInvoices({
    tenantId,
    accessToken: access.accessToken,
    modifiedSince: since,
    refreshAccessToken: async () => {
      access = await refreshXeroAccess(env, integration.id, access.version);
      return access.accessToken;
    },
  });
  progress.invoicesChanged = invoices.length;
  for (let start = 0; start < invoices.length; start += BATCH) {
    const batch = invoices.slice(start, start + BATCH);
    await env.db.transaction((tx) => upsertInvoices(tx, orgId, tenantId, batch, env.clock()));
  }
  return {
    async finalize(tx) {
      // Invoices of an organisation that is no longer the chosen one go.
      await tx.query('DELETE FROM xero_invoices WHERE org_id = $1 AND tenant_id <> $2', [orgId, tenantId]);
      return { invoicesChanged: invoices.length };
    },
  };
}
