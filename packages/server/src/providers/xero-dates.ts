import { ProviderError } from './errors.js';

/**
 * Xero's JSON dates are Microsoft JSON dates: `/Date(1732406400000+0000)/`. The number is
 * milliseconds since the Unix epoch in UTC; the optional `±hhmm` suffix only records the zone the
 * value was written in and does not shift the instant.
 */
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** `/Date(ms±zone)/` → ISO 8601 instant (`2024-11-24T00:00:00.000Z`). */
export function parseXeroDate(value: string): string {
  const match = MS_DATE.exec(value.trim());
  if (!match) {
    throw new ProviderError(`Xero sent the date "${value}", expected /Date(milliseconds±zone)/.`, {
      provider: 'xero',
      reason: 'invalid_response',
    });
  }
  const date = new Date(Number(match[1]));
  if (Number.isNaN(date.getTime())) {
    throw new ProviderError(`Xero sent the date "${value}", which is out of range.`, {
      provider: 'xero',
      reason: 'invalid_response',
    });
  }
  return date.toISOString();
}

/** `/Date(ms±zone)/` of a calendar date (invoice and due dates) → `YYYY-MM-DD`. */
export function parseXeroDay(value: string): string {
  return parseXeroDate(value).slice(0, 10);
}

/**
 * Xero's identity timestamps (`createdDateUtc` on connections) are UTC without a zone designator
 * and with up to seven fractional digits: `2026-11-24T09:00:00.1833130` → ISO 8601 instant.
 */
export function parseXeroUtcTimestamp(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z)?$/.exec(value.trim());
  const date = match ? new Date(`${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new ProviderError(`Xero sent the timestamp "${value}", expected yyyy-mm-ddThh:mm:ss in UTC.`, {
      provider: 'xero',
      reason: 'invalid_response',
    });
  }
  return date.toISOString();
}

/**
 * The `If-Modified-Since` value Xero documents: UTC `yyyy-mm-ddThh:mm:ss`. Milliseconds are cut
 * off, which can only widen the result (an invoice changed in that same second is sent again).
 */
export function formatXeroModifiedSince(since: Date | string): string {
  const date = typeof since === 'string' ? new Date(since) : since;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`modifiedSince must be a valid date, got "${String(since)}"`);
  }
  return date.toISOString().slice(0, 19);
}
