import type { CompanyMapping } from '@billingone/settings-core';
import { createNameMatcher, keysetPage, decodeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { problem } from '../app/problem.js';
import type { Queryable } from '../db/types.js';

/** Suggestions below this similarity are not shown. */
export const SUGGESTION_THRESHOLD = 0.5;
export const DEFAULT_MAPPING_PAGE = 50;

interface CompanyRow {
  id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
}

interface ClientRow {
  id: string;
  name: string;
}

const byKey = (a: { key: string; id: string }, b: { key: string; id: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Pax8 companies (as last synced), the client each maps to, and for unmapped ones the most
 * similar BillingOne client by name (clients already mapped are not suggested again). Sorted by
 * name; `status` filters before paging; the cursor is the last `(lower(name), id)` seen.
 */
export async function listCompanyMappings(
  q: Queryable,
  orgId: string,
  query: { status?: CompanyMapping['status']; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? DEFAULT_MAPPING_PAGE;
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const { rows: companies } = await q.query<CompanyRow>(
    `SELECT c.id, c.name, m.client_id, cl.name AS client_name
       FROM pax8_companies c
       LEFT JOIN pax8_company_mappings m ON m.org_id = c.org_id AND m.pax8_company_id = c.id
       LEFT JOIN clients cl ON cl.id = m.client_id
      WHERE c.org_id = $1`,
    [orgId],
  );
  const { rows: clients } = await q.query<ClientRow>('SELECT id, name FROM clients WHERE org_id = $1 ORDER BY name, id', [orgId]);
  const mappedClients = new Set(companies.flatMap((c) => (c.client_id ? [c.client_id] : [])));
  const matcher = createNameMatcher(clients);
  const all = companies
    .map((company) => ({ company, key: company.name.toLowerCase(), id: company.id }))
    .sort(byKey)
    .map(({ company, key }): { key: string; item: CompanyMapping } => {
      if (company.client_id) {
        return {
          key,
          item: {
            pax8CompanyId: company.id, pax8CompanyName: company.name, clientId: company.client_id, clientName: company.client_name,
            status: 'mapped', suggestion: null,
          },
        };
      }
      const best = matcher.best(company.name, SUGGESTION_THRESHOLD, mappedClients);
      return {
        key,
        item: {
          pax8CompanyId: company.id, pax8CompanyName: company.name, clientId: null, clientName: null,
          status: best ? 'suggested' : 'unmapped',
          suggestion: best ? { clientId: best.id, clientName: best.name, score: best.score } : null,
        },
      };
    });
  const filtered = query.status ? all.filter((entry) => entry.item.status === query.status) : all;
  const start = after ? filtered.findIndex((entry) => byKey({ key: entry.key, id: entry.item.pax8CompanyId }, { key: after[0]!, id: after[1]! }) > 0) : 0;
  const rest = start < 0 ? [] : filtered.slice(start);
  const { page, nextCursor } = keysetPage(rest, limit, (last) => encodeCursor([last.key, last.item.pax8CompanyId]));
  return {
    items: page.map((entry) => entry.item),
    nextCursor,
    total: filtered.length,
    clients: clients.map((client) => ({ id: client.id, name: client.name })),
  };
}

export interface MappingChange {
  pax8CompanyId: string;
  pax8CompanyName: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
}

/**
 * Maps Pax8 companies to clients (or unmaps them with `clientId: null`), all or nothing: every
 * company must be a synced Pax8 company of the organization and every client one of its clients,
 * each company named once. Returns what changed (unchanged entries are not counted).
 */
export async function updateCompanyMappings(
  tx: Queryable,
  orgId: string,
  memberId: string,
  mappings: readonly { pax8CompanyId: string; clientId: string | null }[],
  now: Date,
): Promise<MappingChange[]> {
  const companyIds = [...new Set(mappings.map((m) => m.pax8CompanyId))];
  const clientIds = [...new Set(mappings.flatMap((m) => (m.clientId ? [m.clientId] : [])))];
  const { rows: companies } = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM pax8_companies WHERE org_id = $1 AND id = ANY($2::text[])',
    [orgId, companyIds],
  );
  const { rows: clients } = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM clients WHERE org_id = $1 AND id = ANY($2::text[])',
    [orgId, clientIds],
  );
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const fieldErrors: { path: string; message: string; code: string }[] = [];
  const seen = new Set<string>();
  mappings.forEach((mapping, index) => {
    if (seen.has(mapping.pax8CompanyId)) {
      fieldErrors.push({ path: `mappings.${index}.pax8CompanyId`, message: 'This company is listed twice.', code: 'duplicate' });
    }
    seen.add(mapping.pax8CompanyId);
    if (!companyName.has(mapping.pax8CompanyId)) {
      fieldErrors.push({ path: `mappings.${index}.pax8CompanyId`, message: 'No synced Pax8 company has this ID.', code: 'unknown_company' });
    }
    if (mapping.clientId && !clientName.has(mapping.clientId)) {
      fieldErrors.push({ path: `mappings.${index}.clientId`, message: 'No client of this organization has this ID.', code: 'unknown_client' });
    }
  });
  if (fieldErrors.length > 0) {
    throw problem(422, 'validation_failed', 'Some mappings name a company or client that does not exist.', { fieldErrors });
  }
  const { rows: current } = await tx.query<{ pax8_company_id: string; client_id: string; client_name: string }>(
    `SELECT m.pax8_company_id, m.client_id, c.name AS client_name FROM pax8_company_mappings m JOIN clients c ON c.id = m.client_id
      WHERE m.org_id = $1 AND m.pax8_company_id = ANY($2::text[]) FOR UPDATE OF m`,
    [orgId, companyIds],
  );
  const existing = new Map(current.map((row) => [row.pax8_company_id, { id: row.client_id, name: row.client_name }]));
  const changes: MappingChange[] = [];
  for (const mapping of mappings) {
    const from = existing.get(mapping.pax8CompanyId) ?? null;
    if ((from?.id ?? null) === mapping.clientId) continue;
    if (mapping.clientId === null) {
      await tx.query('DELETE FROM pax8_company_mappings WHERE org_id = $1 AND pax8_company_id = $2', [orgId, mapping.pax8CompanyId]);
    } else {
      await tx.query(
        `INSERT INTO pax8_company_mappings (org_id, pax8_company_id, client_id, mapped_by, mapped_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_id, pax8_company_id) DO UPDATE SET client_id = EXCLUDED.client_id, mapped_by = EXCLUDED.mapped_by, mapped_at = EXCLUDED.mapped_at`,
        [orgId, mapping.pax8CompanyId, mapping.clientId, memberId, now],
      );
    }
    changes.push({
      pax8CompanyId: mapping.pax8CompanyId,
      pax8CompanyName: companyName.get(mapping.pax8CompanyId)!,
      from,
      to: mapping.clientId ? { id: mapping.clientId, name: clientName.get(mapping.clientId)! } : null,
    });
  }
  return changes;
}
