import type { Queryable } from '../db/types.js';
import { newId } from '../app/ids.js';
import { redact } from './redact.js';

/** One audit entry as a route describes it. */
export interface AuditInput {
  /** Dotted action, e.g. `member.role_changed`. */
  action: string;
  target?: { type: string; id: string; label?: string | null } | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** A complete audit record (the route context fills organization, actor, time and request). */
export interface AuditRecord extends AuditInput {
  orgId: string;
  at: Date;
  actor: { id: string; name: string; email: string } | null;
  ip: string | null;
  userAgent: string | null;
}

/** Writes an audit entry; call it with the transaction of the mutation it records. Secrets are redacted. */
export async function writeAudit(tx: Queryable, record: AuditRecord): Promise<string> {
  const id = newId('aud');
  const before = record.before ? redact(record.before) : null;
  const after = record.after ? redact(record.after) : null;
  const search = [record.actor?.name, record.actor?.email, record.action, record.target?.label, record.target?.id, record.ip]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  await tx.query(
    `INSERT INTO audit_logs (id, org_id, created_at, actor_id, actor_name, actor_email, action, target_type, target_id,
       target_label, ip, user_agent, before, after, search)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14::text::jsonb, $15)`,
    [
      id,
      record.orgId,
      record.at,
      record.actor?.id ?? null,
      record.actor?.name ?? null,
      record.actor?.email ?? null,
      record.action,
      record.target?.type ?? null,
      record.target?.id ?? null,
      record.target?.label ?? null,
      record.ip,
      record.userAgent,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      search,
    ],
  );
  return id;
}
