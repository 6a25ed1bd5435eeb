import { auditEndpoints, type AuditEntry } from '@billingone/settings-core';
import { fieldProblem, keysetPage, decodeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import type { MockState } from '../state.js';

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

const DEFAULT_PAGE_SIZE = 50;

/** The server's filter: actor exact; action exact with a dot, else a prefix; dates inclusive; free text over actor, action, target and IP. */
function matcher(filter: AuditFilter): (entry: AuditEntry) => boolean {
  const from = filter.from ? Date.parse(filter.from) : null;
  const to = filter.to ? Date.parse(filter.to) : null;
  const q = filter.q?.toLowerCase() || null;
  return (entry) => {
    if (filter.actorId && entry.actor?.id !== filter.actorId) return false;
    if (filter.action && (filter.action.includes('.') ? entry.action !== filter.action : !entry.action.startsWith(`${filter.action}.`))) return false;
    const at = Date.parse(entry.at);
    if (from !== null && at < from) return false;
    if (to !== null && at > to) return false;
    if (q) {
      const search = [entry.actor?.name, entry.actor?.email, entry.action, entry.target?.label, entry.target?.id, entry.ip].filter(Boolean).join(' ').toLowerCase();
      if (!search.includes(q)) return false;
    }
    return true;
  };
}

/**
 * Entries newest first after a keyset cursor: the ones written by mutations, then the generated log,
 * read from the cursor's place onwards without walking what comes before it.
 */
export function* auditEntries(state: MockState, filter: AuditFilter, after: { at: number; id: string } | null): Generator<AuditEntry> {
  const matches = matcher(filter);
  const isAfter = (entry: AuditEntry) => !after || Date.parse(entry.at) < after.at || (Date.parse(entry.at) === after.at && entry.id < after.id);
  for (const entry of state.writtenAudit) if (isAfter(entry) && matches(entry)) yield entry;
  const log = state.generatedAudit;
  let index = after ? log.indexAfter(after) : 0;
  // A `to` bound skips the newer part by bisection too.
  if (filter.to) index = Math.max(index, log.indexAfter({ at: Date.parse(filter.to) + 1, id: '' }));
  // A `from` bound ends the walk at once: times only decrease from here.
  const from = filter.from ? Date.parse(filter.from) : null;
  for (; index < log.count; index++) {
    if (from !== null && log.timeOf(index) < from) return;
    const entry = log.entry(index);
    if (matches(entry)) yield entry;
  }
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvLine = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;
export const auditCsvHeader = ['time', 'actor_name', 'actor_email', 'action', 'target_type', 'target_id', 'target_label', 'ip', 'user_agent', 'before', 'after'];

export const auditHandlers = [
  handler(auditEndpoints.list, ({ state, query }) => {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let after: { at: number; id: string } | null = null;
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
      const time = Date.parse(at);
      if (Number.isNaN(time)) throw fieldProblem('cursor', 'This cursor is not valid. Start again from the first page.', 'invalid_cursor');
      after = { at: time, id };
    }
    const rows: AuditEntry[] = [];
    for (const entry of auditEntries(state, query, after)) {
      rows.push(entry);
      if (rows.length > limit) break;
    }
    const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeCursor([last.at, last.id]));
    return { items: page, nextCursor };
  }),
  /** The current filter as CSV (byte-order mark first, RFC 4180 cells, formulas defused); the export is itself audited. */
  handler(auditEndpoints.export, ({ state, query, now, audit }) => {
    audit({ action: 'audit_log.exported', target: { type: 'organization', id: state.organization.id, label: null }, after: { filter: { ...query } } });
    const entries = auditEntries(state, query, null);
    const encoder = new TextEncoder();
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(auditCsvHeader)}`));
          return;
        }
        let chunk = '';
        for (let i = 0; i < 1000; i++) {
          const next = entries.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          const entry = next.value;
          chunk += csvLine([entry.at, entry.actor?.name, entry.actor?.email, entry.action, entry.target?.type, entry.target?.id, entry.target?.label, entry.ip, entry.userAgent, entry.changes?.before, entry.changes?.after]);
        }
        controller.enqueue(encoder.encode(chunk));
      },
    });
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${iso(now).slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    });
  }),
];
