import { AuditFilter, type auditEndpoints, type PageFilter } from '@billingone/settings-core';

/** The filter of the audit list (and of the CSV export): the list query without cursor and limit. */
export type AuditQueryFilter = PageFilter<typeof auditEndpoints.list>;

/** What the filter form holds, as typed. */
export interface AuditFilterForm {
  /** A member's email address or id. */
  readonly actor: string;
  /** A known action (`member.role_changed`), a group (`member`) or empty for all. */
  readonly action: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  readonly from: string;
  readonly to: string;
  /** Free text over actor, action, target and IP. */
  readonly q: string;
}

export type AuditFilterField = keyof AuditFilterForm;

export const emptyAuditFilterForm: AuditFilterForm = { actor: '', action: '', from: '', to: '', q: '' };

/** Why a field of the form is refused (the element localises it). */
export type AuditFilterProblem = 'actor' | 'action' | 'date' | 'range' | 'text';

const day = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a local calendar day starts (`end`: its last millisecond), as ISO 8601; undefined when not a date. */
export function dayBoundary(value: string, end = false): string | undefined {
  const match = day.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d + (end ? 1 : 0));
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setMilliseconds(-1);
  return date.toISOString();
}

/** Whether the actor field holds an email address (resolved to a member id) rather than an id. */
export function isEmailLike(actor: string): boolean {
  return actor.includes('@');
}

export type AuditFilterCheck =
  | { readonly ok: true; readonly filter: AuditQueryFilter }
  | { readonly ok: false; readonly problems: ReadonlyMap<AuditFilterField, AuditFilterProblem> };

/**
 * The API filter for a form, checked with core's `AuditFilter` schema (the server's own): dates become
 * the bounds of local days, the actor is the member id it was resolved to.
 */
export function checkAuditFilter(form: AuditFilterForm, actorId: string | undefined): AuditFilterCheck {
  const problems = new Map<AuditFilterField, AuditFilterProblem>();
  const from = form.from ? dayBoundary(form.from) : undefined;
  const to = form.to ? dayBoundary(form.to, true) : undefined;
  if (form.from && !from) problems.set('from', 'date');
  if (form.to && !to) problems.set('to', 'date');
  const filter: AuditQueryFilter = {
    actorId: form.actor.trim() ? actorId : undefined,
    action: form.action || undefined,
    from,
    to,
    q: form.q.trim() || undefined,
  };
  const result = AuditFilter.safeParse(filter);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = String(issue.path[0] ?? '');
      if (path === 'actorId') problems.set('actor', 'actor');
      else if (path === 'action') problems.set('action', 'action');
      else if (path === 'q') problems.set('q', 'text');
      else if (path === 'to' && from && to) problems.set('to', 'range');
      else if (path === 'from' || path === 'to') problems.set(path, 'date');
    }
  }
  if (problems.size > 0) return { ok: false, problems };
  return { ok: true, filter: result.success ? (result.data as AuditQueryFilter) : filter };
}
