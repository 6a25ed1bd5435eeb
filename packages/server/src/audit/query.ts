import type { AuditEntry } from '@billingone/settings-core';
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
  created_at: Date;
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
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AuditRow[]> {
  const params: unknown[] = [orgId];
  const where = ['org_id = $1'];
  let cte = '';
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.q) {
    cte = `WITH matched AS MATERIALIZED (SELECT id FROM audit_logs WHERE org_id = $1 AND search LIKE ${add(likePattern(filter.q.toLowerCase()))}) `;
    where.push('id IN (SELECT id FROM matched)');
  }
  if (filter.actorId) where.push(`actor_id = ${add(filter.actorId)}`);
  if (filter.action) {
    if (filter.action.includes('.')) where.push(`action = ${add(filter.action)}`);
    else where.push(`action LIKE ${add(`${filter.action}.%`)}`);
  }
  if (filter.from) where.push(`created_at >= ${add(new Date(filter.from))}`);
  if (filter.to) where.push(`created_at <= ${add(new Date(filter.to))}`);
  if (after) {
    const ts = add(new Date(after.at));
    const id = add(after.id);
    where.push(`created_at <= ${ts} AND (created_at < ${ts} OR id < ${id})`);
  }
  const { rows } = await db.query<AuditRow>(
    `${cte}SELECT ${columns} FROM audit_logs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${Number(limit)}`,
    params,
  );
  return rows;
}
