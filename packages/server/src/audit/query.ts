import type { AuditEntry } from '@billingone/settings-core';
import { queryJsonRows } from '../db/json-rows.js';
import type { Queryable } from '../db/types.js';
import { iso, likePattern } from '../app/json.js';

export interface AuditFilterInput {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface AuditRow {
  id: string;
  /** A Date from a typed row, an ISO string from `queryJsonRows`. */
  created_at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  user_agent: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function auditJson(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: iso(row.created_at),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' } : null,
    action: row.action,
    target: row.target_type ? { type: row.target_type, id: row.target_id ?? '', label: row.target_label } : null,
    ip: row.ip,
    userAgent: row.user_agent,
    changes: row.before || row.after ? { before: row.before, after: row.after } : null,
  };
}

const columns = 'id, created_at, actor_id, actor_name, actor_email, action, target_type, target_id, target_label, ip, user_agent, before, after';

/**
 * One page of an organization's audit log, newest first, after the keyset `(created_at, id)` of
 * `after`. The cursor is written as `created_at <= $ts AND (created_at < $ts OR id < $id)`: the row
 * comparison form, combined with a date bound, made PGlite scan from the bound. Free text goes
 * through the pg_trgm index on `search` inside a MATERIALIZED CTE.
 *
 * `action` matches exactly when it has a dot (`member.role_changed`) and as a prefix otherwise (`member`).
 */
export async function queryAuditPage(
  db: Queryable,
  orgId: string,
  filter: AuditFilterInput,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<AuditRow[]> {
  const params: unknown[] = [orgId];
  const conditions: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.actorId) conditions.push(`actor_id = ${add(filter.actorId)}`);
  if (filter.action) {
    if (filter.action.includes('.')) conditions.push(`action = ${add(filter.action)}`);
    else conditions.push(`action LIKE ${add(`${filter.action}.%`)}`);
  }
  if (filter.from) conditions.push(`created_at >= ${add(new Date(filter.from))}`);
  if (filter.to) conditions.push(`created_at <= ${add(new Date(filter.to))}`);
  if (after) {
    const ts = add(after.at);
    const id = add(after.id);
    conditions.push(`created_at <= ${ts} AND (created_at < ${ts} OR id < ${id})`);
  }
  const order = `ORDER BY created_at DESC, id DESC`;
  let sql: string;
  if (filter.q) {
    // Matches first (trigram index), then the page among them, then the page's rows.
    const pattern = add(likePattern(filter.q.toLowerCase()));
    sql = `WITH matched AS MATERIALIZED (
        SELECT id, created_at, actor_id, action FROM audit_logs WHERE org_id = $1 AND search LIKE ${pattern}
      ), page AS (
        SELECT id FROM matched ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ${order} LIMIT ${Number(limit)}
      )
      SELECT ${columns} FROM audit_logs WHERE id IN (SELECT id FROM page) ${order}`;
  } else {
    sql = `SELECT ${columns} FROM audit_logs WHERE ${['org_id = $1', ...conditions].join(' AND ')} ${order} LIMIT ${Number(limit)}`;
  }
  return queryJsonRows<AuditRow>(db, sql, params);
}
