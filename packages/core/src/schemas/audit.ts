import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Id, Page, PageQuery, Timestamp } from './common.js';

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  actor: z.nullable(z.object({ id: Id, name: z.string(), email: z.string() })),
  /** Dotted action name, e.g. `member.role_changed`. */
  action: z.string(),
  target: z.nullable(z.object({ type: z.string(), id: z.string(), label: z.nullable(z.string()) })),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  /** Before/after, secrets redacted. */
  changes: z.nullable(z.object({ before: z.nullable(z.record(z.string(), z.unknown())), after: z.nullable(z.record(z.string(), z.unknown())) })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const auditFilterShape = {
  actorId: z.optional(Id),
  action: z.optional(z.string().check(z.maxLength(64), z.regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'Use an action such as member.role_changed.'))),
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
};
/** Compares instants, not strings: `from` and `to` may carry different offsets. */
const rangeInOrder = z.refine<{ from?: string; to?: string }>((f) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to), {
  message: 'The start must be before the end.', path: ['to'],
});
export const AuditFilter = z.object(auditFilterShape).check(rangeInOrder);
export type AuditFilter = z.input<typeof AuditFilter>;
export const AuditQuery = z.extend(PageQuery, auditFilterShape).check(rangeInOrder);
export type AuditQuery = z.input<typeof AuditQuery>;

const a = { tag: 'Audit log', access: 'audit.view' } as const;
export const auditEndpoints = {
  list: endpoint({ ...a, id: 'audit.list', method: 'GET', path: '/audit-logs', query: AuditQuery, response: Page(AuditEntry) }),
  export: endpoint({ ...a, id: 'audit.export', method: 'GET', path: '/audit-logs/export', query: AuditFilter, produces: 'text/csv' }),
};
