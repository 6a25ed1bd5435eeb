import type { AuditRow } from './query.js';
import { iso } from '../app/json.js';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return) get a leading apostrophe first.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export const auditCsvHeader = ['time', 'actor_name', 'actor_email', 'action', 'target_type', 'target_id', 'target_label', 'ip', 'user_agent', 'before', 'after'];

export function auditCsvRow(row: AuditRow): string {
  return csvLine([
    iso(row.created_at), row.actor_name, row.actor_email, row.action, row.target_type, row.target_id, row.target_label,
    row.ip, row.user_agent, row.before, row.after,
  ]);
}
