import { api } from '@billingone/settings-core';
import { keysetPage, decodeTimeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { auditCsvHeader, auditCsvRow, csvLine } from '../audit/csv.js';
import { auditJson, queryAuditPage, type AuditFilterInput } from '../audit/query.js';
import { iso } from '../app/json.js';
import { defineRoute } from '../app/route.js';
import { DEFAULT_PAGE_SIZE } from './members.js';

/** Rows read per query while streaming an export. */
export const EXPORT_BATCH = 1000;

function filterOf(query: AuditFilterInput): AuditFilterInput {
  return { actorId: query.actorId, action: query.action, from: query.from, to: query.to, q: query.q || undefined };
}

const list = defineRoute(api.audit.list, async (ctx) => {
  const limit = ctx.query.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = ctx.query.cursor ? decodeTimeCursor(ctx.query.cursor) : null;
  const after = cursor ? { at: new Date(cursor.at), id: cursor.id } : null;
  const rows = await queryAuditPage(ctx.tx, ctx.actor.orgId, filterOf(ctx.query), after, limit + 1);
  const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeCursor([iso(last.created_at), last.id]));
  return { items: page.map(auditJson), nextCursor };
});

/**
 * The current filter as CSV, streamed in keyset batches so memory stays flat over millions of
 * rows. The export itself is recorded in the audit log.
 */
const exportCsv = defineRoute(api.audit.export, async (ctx) => {
  const { actor, db } = ctx;
  const filter = filterOf(ctx.query);
  await db.transaction((tx) => ctx.audit({ action: 'audit_log.exported', target: { type: 'organization', id: actor.orgId, label: null }, after: { filter } }, tx));
  const encoder = new TextEncoder();
  let after: { at: Date; id: string } | null = null;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark so spreadsheet apps read UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(auditCsvHeader)}`));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      try {
        const rows = await queryAuditPage(db, actor.orgId, filter, after, EXPORT_BATCH);
        if (rows.length < EXPORT_BATCH) done = true;
        const last = rows[rows.length - 1];
        if (last) after = { at: new Date(iso(last.created_at)), id: last.id };
        controller.enqueue(encoder.encode(rows.map(auditCsvRow).join('')));
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${iso(ctx.now).slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});

export const routes = [list, exportCsv];
